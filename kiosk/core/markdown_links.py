"""A Python-Markdown extension that makes a page's images and links safe for the kiosk.

- Images resolve to files inside the content folder or ``assets/`` (``file:`` URLs);
  anything else is dropped with a warning.
- Links to ``.md`` files become ``page:ID`` links; a link to a page that does not exist
  becomes plain text with a warning.
- Web, mail and phone links become plain text: the kiosk never opens a browser. The
  address is shown after the link text so a reader can note it.
- Links within the page (``#part``) and footnote marks become plain text: the page
  scrolls by touch, and a tap on them would do nothing.
- Hugo's ``ref``/``relref`` (see markdown_import) and site addresses such as
  ``/weaning/engorgement/`` link to the page they name.
- A picture that cannot be shown leaves a quiet note in the page's language (when
  the caller gives the words), never a broken-image icon.
- A leading ``# heading`` is removed: the page view shows the title itself.
"""

from __future__ import annotations

import html
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown import Markdown, util
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from kiosk.core import paths
from kiosk.core.diagnostics import Report
from kiosk.core.markdown_import import DROPPED, REF
from kiosk.core.model import Image

Words = Callable[[str, str], str]  # (key, language) → the kiosk's words


def _no_reason(page_id: str) -> str:
    return ""


def _no_ref(ref: str, folder: str) -> str | None:
    return None


def _no_title(page_id: str, lang: str) -> str:
    return page_id


@dataclass(frozen=True)
class Site:
    """What a page's links may point at, beyond the page itself.

    ``resolve`` gives the id of the page an id or alias names (None: no such page);
    ``hidden`` why a page is not shown ("" if it is, or does not exist); ``ref`` the
    page a Hugo ``ref`` names, seen from a folder; ``title`` a page's title in a
    language; ``words`` the kiosk's words for
    what cannot be shown (None: it is removed without a note); ``image`` the file an
    image reference names (``paths.resolve_image``). Everything a page's rendering
    asks beyond its own text goes through here, so a check can note the answers.
    """

    resolve: Callable[[str], str | None]
    hidden: Callable[[str], str] = _no_reason
    ref: Callable[[str, str], str | None] = _no_ref
    words: Words | None = None
    title: Callable[[str, str], str] = _no_title
    image: Callable[[str, Path, paths.Roots], Path] = paths.resolve_image


class Locator:
    """Where each link or image address is in the author's file: line and column.

    Addresses are looked up in document order, so a second link to the same address
    is found after the first, even on the same line.
    """

    def __init__(
        self,
        lines: list[str],
        origin: list[int],
        source: list[str],
        first_line: int,
        start: int,
        end: int,
    ) -> None:
        self.lines, self.origin, self.source = lines, origin, source
        self.first_line, self.start, self.end = first_line, start, end
        self._last: dict[str, tuple[int, int]] = {}

    def find(self, needle: str) -> tuple[int, int]:
        """(line, column) of the next ``needle``; the chunk's first line if not found."""
        if needle:
            # The whole address: "gone.md" is not found inside "also-gone.md".
            pattern = re.compile(rf"(?<![\w./-]){re.escape(needle)}(?![\w/-])")
            index, position = self._last.get(needle, (self.start, -1))
            while index < min(self.end, len(self.lines)):
                found = pattern.search(self.lines[index], position + 1)
                if found:
                    self._last[needle] = (index, found.start())
                    return self._place(index, pattern, found.start())
                index, position = index + 1, -1
        start = min(self.start, len(self.origin) - 1)
        return self.first_line + (self.origin[start] if start >= 0 else 0), 0

    def _place(self, index: int, pattern: re.Pattern[str], found: int) -> tuple[int, int]:
        """The line in the file, and the column there of the same occurrence."""
        line = self.origin[index]
        nth = len(pattern.findall(self.lines[index], 0, found))
        text = self.source[line] if line < len(self.source) else ""
        places = [m.start() for m in pattern.finditer(text)]
        column = places[nth] + 1 if nth < len(places) else 0
        return self.first_line + line, column


@dataclass
class PageContext:
    """What the extension needs to know about the page being rendered."""

    page_id: str
    file: Path
    roots: paths.Roots
    page_exists: Callable[[str], bool]
    report: Report
    locate: Callable[[str], tuple[int, int]]
    take_first_image: bool = False  # a guide step shows its illustration beside the text
    images: list[Image] = field(default_factory=list)
    site: Site | None = None
    lang: str = ""
    folder: str = ""  # the page file's folder under the content folder, for relative links

    def warn(self, needle: str, message: str) -> None:
        line, column = self.locate(needle)
        self.report.warning(self.file, line, message, column)

    def resolve(self, page_id: str) -> str | None:
        if self.site is not None:
            return self.site.resolve(page_id)
        return page_id if self.page_exists(page_id) else None

    def note(self, key: str, **values: str) -> str:
        """The kiosk's words for something not shown, or "" without words."""
        if self.site is None or self.site.words is None:
            return ""
        return self.site.words(key, self.lang).format(**values)


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
        src = _address(element.get("src", ""))
        if src.startswith(DROPPED):
            self._replace_by_note(element, parent, ctx.note("video_not_shown"))
            return
        resolve = ctx.site.image if ctx.site is not None else paths.resolve_image
        try:
            target = resolve(src, ctx.file, ctx.roots)
        except paths.Refused as exc:
            ctx.warn(src, str(exc))
            alt = element.get("alt", "").strip()
            note = ctx.note("picture_not_shown", alt=alt) if alt else ""
            self._replace_by_note(element, parent, note)
            return
        element.set("src", target.resolve().as_uri())
        element.attrib.pop("title", None)
        ctx.images.append(Image(target, element.get("alt", "")))
        if ctx.take_first_image and len(ctx.images) == 1:
            _remove(parent, element)
            holder = parents.get(parent)
            if holder is not None and not len(parent) and not (parent.text or "").strip():
                holder.remove(parent)

    def _replace_by_note(self, element: ET.Element, parent: ET.Element, note: str) -> None:
        """A quiet note where something was that cannot be shown (or nothing at all)."""
        if not note:
            _remove(parent, element)
            return
        index = list(parent).index(element)
        quiet = ET.Element("span", {"class": "dropped"})
        quiet.text = note
        quiet.tail = element.tail
        parent.remove(element)
        parent.insert(index, quiet)

    def _link(self, element: ET.Element, parents: dict[ET.Element, ET.Element]) -> None:
        ctx, parent = self.context, parents[element]
        classes = element.get("class", "").split()
        if "footnote-backref" in classes:
            _remove(parent, element)
            return
        href = _address(element.get("href", ""))
        if href.startswith("#") or "footnote-ref" in classes or not href:
            _unwrap(parent, element)
            return
        if href.startswith(REF):
            self._ref(element, parent, href)
            return
        target = paths.link_target(href, ctx.page_id, ctx.folder)
        if target is not None:
            page_id, fragment = target
            found = ctx.resolve(page_id)
            if found is not None:
                element.attrib.clear()
                element.set("href", f"page:{found}" + (f"#{fragment}" if fragment else ""))
                return
            self._missing(href, page_id)
            _unwrap(parent, element)
            return
        parts = urlsplit(href)
        scheme = parts.scheme.lower()
        if scheme in ("http", "https") and parts.netloc:
            self._show_address((parts.netloc + parts.path).rstrip("/"), element)
        elif scheme in ("mailto", "tel"):
            self._show_address(unquote(parts.path), element)
        elif not scheme:
            found = self._site_address(parts.path)
            if found is not None:
                element.attrib.clear()
                element.set("href", f"page:{found}")
                return
            ctx.warn(
                href,
                f"link to '{href}' cannot be opened on the kiosk; link to a .md page instead",
            )
        _unwrap(parent, element)

    def _ref(self, element: ET.Element, parent: ET.Element, href: str) -> None:
        """Hugo's ``ref``/``relref``: the page it names, or plain text and a warning."""
        ctx = self.context
        ref = unquote(href[len(REF) :])
        path, _, fragment = ref.partition("#")
        found = ctx.site.ref(path, ctx.folder) if ctx.site is not None and path else None
        if found is None:
            ctx.warn(ref, f"Hugo ref '{ref}' names no page of this kiosk: shown as plain text")
            _unwrap(parent, element)
            return
        if not (element.text or "").strip() and not len(element):
            element.text = ctx.site.title(found, ctx.lang) if ctx.site else found
        element.attrib.clear()
        element.set("href", f"page:{found}" + (f"#{fragment}" if fragment else ""))

    def _site_address(self, path: str) -> str | None:
        """The page a site address names (``/weaning/engorgement/``, ``../other/``)."""
        ctx = self.context
        path = unquote(path)
        if not path or path.startswith("//"):
            return None
        for suffix in (".html", ".htm"):
            path = path.removesuffix(suffix)
        path = path.rstrip("/").removesuffix("/index").removesuffix("/_index")
        joined = path.lstrip("/") if path.startswith("/") else posixpath.join(ctx.folder, path)
        normal = posixpath.normpath(joined) if joined else ""
        if not normal or normal.startswith(".."):
            return None
        return ctx.resolve(normal)

    def _missing(self, href: str, page_id: str) -> None:
        ctx = self.context
        why = ctx.site.hidden(page_id) if ctx.site is not None else ""
        if why:
            ctx.warn(href, f"link to '{href}': page '{page_id}' {why}; shown as plain text")
        else:
            ctx.warn(href, f"broken link to '{href}': no page '{page_id}'")

    @staticmethod
    def _show_address(shown: str, element: ET.Element) -> None:
        """Plain text keeps the address: a reader can note it down."""
        if shown and shown not in "".join(element.itertext()):
            element.tail = f" ({shown})" + (element.tail or "")


def _address(value: str) -> str:
    """An address as the author wrote it (Markdown hides '&' and encodes e-mails)."""
    return html.unescape(value.replace(util.AMP_SUBSTITUTE, "&")).strip()


class KioskLinksExtension(Extension):
    def __init__(self, context: PageContext) -> None:
        super().__init__()
        self.context = context
        self._processors: list[LinksProcessor] = []

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        # After "inline" (20), which creates the <img> and <a> elements.
        processor = LinksProcessor(md, self.context)
        self._processors.append(processor)
        md.treeprocessors.register(processor, "kiosk_links", 5)

    def use(self, context: PageContext) -> None:
        """Check the next conversion's links for ``context``'s page: a Markdown
        instance is reused from page to page, as building one costs more than a page."""
        self.context = context
        for processor in self._processors:
            processor.context = context


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
