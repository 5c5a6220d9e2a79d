"""Where an image or link written by an author points, and whether it may be followed.

Images come only from the content folder or ``assets/``: no ``..`` escape, no absolute
filesystem path, nothing remote. Links to ``.md`` files become page ids.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from kiosk.core import languages

_REMOTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
_WINDOWS_DRIVE = re.compile(r"^[a-zA-Z]:[\\/]")


@dataclass(frozen=True)
class Roots:
    """The two folders images may come from."""

    content: Path
    assets: Path


class Refused(Exception):
    """A reference that must not be followed; the message says why, for the author."""


def is_remote(ref: str) -> bool:
    return bool(_REMOTE.match(ref)) and not _WINDOWS_DRIVE.match(ref)


def resolve_image(ref: str, from_file: Path, roots: Roots, what: str = "image") -> Path:
    """The file an image reference names. Raises Refused with a reason for the author.

    ``assets/x.svg`` and ``/assets/x.svg`` name the shared assets folder; other
    ``/``-rooted paths start at the content folder; the rest are relative to the page.
    Sound files are found the same way (``what`` names the kind in messages).
    """
    ref = ref.strip()
    if not ref:
        raise Refused(f"{what} has no file name")
    if _WINDOWS_DRIVE.match(ref):
        raise Refused(f"{what} '{ref}' is an absolute path; use a path inside the content folder")
    if is_remote(ref):
        raise Refused(f"remote {what} '{ref}' dropped: the kiosk never loads from a network")
    path = unquote(urlsplit(ref).path).replace("\\", "/")
    if path.startswith("assets/") or path.startswith("/assets/"):
        base, rel = roots.assets, path.split("assets/", 1)[1]
    elif path.startswith("/"):
        base, rel = roots.content, path.lstrip("/")
    else:
        folder = from_file.parent.relative_to(roots.content).as_posix()
        base, rel = roots.content, posixpath.join(folder, path)
    normal = posixpath.normpath(rel)
    if normal.startswith("../") or normal == ".." or normal.startswith("/"):
        raise Refused(f"{what} '{ref}' points outside the content folder")
    target = base / normal
    if not target.resolve().is_relative_to(base.resolve()):
        raise Refused(f"{what} '{ref}' links to a file outside the content folder")
    if not target.is_file():
        raise Refused(f"{what} '{ref}' not found (looked for {_show(target)})")
    return target


def link_target(ref: str, from_id: str) -> tuple[str, str] | None:
    """The page id (and #fragment) a link to a ``.md`` file names, or None if it names none.

    Links are relative to the linking page, or ``/``-rooted at the content folder.
    """
    parts = urlsplit(ref)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path.endswith(".md"):
        return None
    if path.startswith("/"):
        joined = path.lstrip("/")
    else:
        joined = posixpath.join(posixpath.dirname(from_id), path)
    normal = posixpath.normpath(joined)
    if normal.startswith(".."):
        return None
    page_id, _ = split_language(PurePosixPath(normal).as_posix()[: -len(".md")])
    return page_id, parts.fragment


def split_language(stem: str) -> tuple[str, str | None]:
    """``guide.zh-CN`` → (``guide``, ``zh-CN``); ``guide`` → (``guide``, None)."""
    base, dot, suffix = stem.rpartition(".")
    if dot and base:
        found = languages.find(suffix)
        if found is not None:
            return base, found.code
    return stem, None


def _show(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
