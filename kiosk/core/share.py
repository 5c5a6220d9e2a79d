"""Where a page can be read at home: the address behind its take-home QR code.

The kiosk shows it as a QR code and ``kiosk export`` writes the page's file at
the same place, so both take it from here and can never disagree.
"""

from __future__ import annotations

from urllib.parse import quote

from kiosk.core.model import Page


def page_path(page: Page) -> str:
    """The page's folder in an exported site, from the site's top: ``en/weaning/residual-milk/``.

    The language comes first, so a reader who scans gets the language they were reading.
    """
    return f"{page.lang}/{page.id}/"


def address(page: Page, base_url: str) -> str:
    """The web address of ``page``: its own ``share_url``, else ``base_url`` + its path.

    "" when there is neither: then the kiosk shows no code.
    """
    if page.share_url:
        return page.share_url
    base = base_url.strip()
    if not base:
        return ""
    return base.rstrip("/") + "/" + quote(page_path(page), safe="/-._~")


def short(url: str) -> str:
    """The address as a reader would type it: without ``https://`` (or ``http://``)."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return url[len(scheme) :]
    return url
