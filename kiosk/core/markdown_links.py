"""A Python-Markdown extension that makes a page's images and links safe for the kiosk.

- Images resolve to files inside the content folder or ``assets/`` (``file:`` URLs);
  anything else is dropped with a warning.
- Links to ``.md`` files become ``page:ID`` links; a link to a page that does not exist
  becomes plain text with a warning.
- Web, mail and other links become plain text: the kiosk never opens a browser. A web
  address is shown after the link text so a reader can note it.
- A leading ``# heading`` is removed: the page view shows the title itself.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from kiosk.core import paths
from kiosk.core.diagnostics import Report
from kiosk.core.model import Image


@dataclass
class PageContext:
    """What the extension needs to know about the page being rendered."""

    page_id: str
    file: Path
    roots: paths.Roots
    page_exists: Callable[[str], bool]
    report: Report
    find_line: Callable[[str], int]
    take_first_image: bool = False  # a guide step shows its illustration beside the text
    images: list[Image] = field(default_factory=list)


class LinksProcessor(Treeprocessor):
    def __init__(self, md: Markdown, context: PageContext) -> None:
        super().__init__(md)
        self.context = context

    def run(self, root: ET.Element) -> None:
        first = next(iter(root), None)
        if first is not None and first.tag == "h1":
            _remove(root, first)
        # Images first: unwrapping a link moves its children to another parent.
        for tag, handle in (("img", self._image), ("a", self._link)):
            parents = {child: parent for parent in root.iter() for child in parent}
            for element in [e for e in root.iter() if e.tag == tag]:
                handle(element, parents)

    def _image(self, element: ET.Element, parents: dict[ET.Element, ET.Element]) -> None:
        ctx, parent = self.context, parents[element]
        src = element.get("src", "")
        try:
            target = paths.resolve_image(src, ctx.file, ctx.roots)
        except paths.Refused as exc:
            ctx.report.warning(ctx.file, ctx.find_line(src), str(exc))
            _remove(parent, element)
            return
        element.set("src", target.resolve().as_uri())
        element.attrib.pop("title", None)
        ctx.images.append(Image(target, element.get("alt", "")))
        if ctx.take_first_image and len(ctx.images) == 1:
            _remove(parent, element)
            holder = parents.get(parent)
            if holder is not None and not len(parent) and not (parent.text or "").strip():
                holder.remove(parent)

    def _link(self, element: ET.Element, parents: dict[ET.Element, ET.Element]) -> None:
        ctx, parent = self.context, parents[element]
        href = element.get("href", "").strip()
        if href.startswith("#"):
            return
        target = paths.link_target(href, ctx.page_id)
        if target is not None:
            page_id, fragment = target
            if ctx.page_exists(page_id):
                element.attrib.clear()
                element.set("href", f"page:{page_id}" + (f"#{fragment}" if fragment else ""))
                return
            ctx.report.warning(
                ctx.file, ctx.find_line(href), f"broken link to '{href}': no page '{page_id}'"
            )
            _unwrap(parent, element)
            return
        parts = urlsplit(href)
        if parts.scheme in ("http", "https") and parts.netloc:
            shown = (parts.netloc + parts.path).rstrip("/")
            if shown not in "".join(element.itertext()):
                element.tail = f" ({shown})" + (element.tail or "")
        elif not parts.scheme and href:
            ctx.report.warning(
                ctx.file,
                ctx.find_line(href),
                f"link to '{href}' cannot be opened on the kiosk; link to a .md page instead",
            )
        _unwrap(parent, element)


class KioskLinksExtension(Extension):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        # After "inline" (20), which creates the <img> and <a> elements.
        md.treeprocessors.register(LinksProcessor(md, self.context), "kiosk_links", 5)


def _remove(parent: ET.Element, element: ET.Element) -> None:
    """Remove ``element`` but keep the text that followed it."""
    _append_text(parent, list(parent).index(element), element.tail)
    parent.remove(element)


def _unwrap(parent: ET.Element, element: ET.Element) -> None:
    """Replace ``element`` by its content: ``a <a>b</a> c`` becomes ``a b c``."""
    index = list(parent).index(element)
    children = list(element)
    _append_text(parent, index, element.text)
    parent.remove(element)
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    _append_text(parent, index + len(children), element.tail)


def _append_text(parent: ET.Element, index: int, text: str | None) -> None:
    """Add ``text`` right before position ``index`` among ``parent``'s children."""
    if not text:
        return
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
