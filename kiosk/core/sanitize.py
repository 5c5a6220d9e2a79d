"""Reduce HTML to what Qt's rich-text engine renders, and nothing that could act.

The allowlist follows Qt's "Supported HTML Subset". No script, style, iframe, form,
event handler or remote resource survives. Images must be ``file:`` URLs inside the
allowed folders (the Markdown extension made them so); links must be internal
(``page:`` or ``#``). Anything else is dropped, even if raw HTML in a page asked for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nh3

TAGS = frozenset(
    {
        "a", "b", "big", "blockquote", "br", "cite", "code", "dd", "div", "dl", "dt",
        "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol",
        "p", "pre", "s", "small", "span", "strong", "sub", "sup", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip

ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "align", "class"},
    "th": {"colspan", "rowspan", "align"},
    "ol": {"start"},
    "div": {"class"},
    "p": {"class"},
    "span": {"class"},
    "table": {"class", "width", "cellspacing", "cellpadding"},
    "h1": {"id"}, "h2": {"id"}, "h3": {"id"}, "h4": {"id"},
}  # fmt: skip

_IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=\"[^\"])[^>]*>")

# Whose content goes too, not just the tag.
DROP_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "template", "svg", "math"}


def sanitize(html: str, image_roots: Iterable[Path]) -> str:
    """Clean ``html`` for display; images only from inside ``image_roots``."""
    roots = tuple(root.resolve() for root in image_roots)

    def keep(element: str, attribute: str, value: str) -> str | None:
        if attribute == "src":
            return value if _is_local_image(value, roots) else None
        if attribute == "href":
            return value if value.startswith(("page:", "#")) else None
        return value

    cleaned = clean(html, keep)
    # An <img> whose address was refused would draw a broken-picture icon (and make
    # Qt look for a file with no name): it goes.
    return _IMAGE_WITHOUT_SOURCE.sub("", cleaned)


def clean(html: str, keep: Callable[[str, str, str], str | None]) -> str:
    """``html`` with only the kiosk's tags and attributes, each attribute's value as
    ``keep(element, attribute, value)`` gives it (None drops it).

    The kiosk's pages and the exported site are cleaned by this one allowlist.
    """
    cleaned: str = nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=DROP_WITH_CONTENT,
        attributes=ATTRIBUTES,
        attribute_filter=keep,
        url_schemes={"file", "page"},
        link_rel=None,
        strip_comments=True,
    )
    return cleaned


def _is_local_image(value: str, roots: tuple[Path, ...]) -> bool:
    parts = urlsplit(value)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parts.path)).resolve()
    return any(path.is_relative_to(root) for root in roots)
