"""Where an image or link written by an author points, and whether it may be followed.

Images come only from the content folder, ``assets/`` or a Hugo site's ``static/``
folder beside the content: no ``..`` escape, no absolute filesystem path, nothing
remote. Links to ``.md`` files become page ids.

A page id is a file's path under the content folder without ``.md``, without its
language (``name.en.md``, or a first folder named for a language, as in Hugo's
``content/en/``) and without a final ``index``/``_index`` (Hugo's page bundles and
section pages, MkDocs's folder pages): ``en/care/hands/index.md`` is ``care/hands``.
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
    """The folders images may come from; ``static`` is a Hugo site's ``static/``."""

    content: Path
    assets: Path
    static: Path | None = None

    @property
    def images(self) -> tuple[Path, ...]:
        found = (self.content, self.assets, self.static)
        return tuple(root for root in found if root is not None)


def static_beside(content: Path) -> Path | None:
    """Hugo's ``static/`` folder next to its ``content/`` folder, if there is one."""
    static = content.parent / "static"
    return static if static.is_dir() else None


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
        if roots.static is not None and not (base / rel).is_file():
            base = roots.static  # Hugo serves static/ at the top of the site
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


def link_target(ref: str, from_id: str, folder: str | None = None) -> tuple[str, str] | None:
    """The page id (and #fragment) a link to a ``.md`` file names, or None if it names none.

    Links are relative to ``folder`` (the linking file's folder under the content
    folder; by default the linking page's), or ``/``-rooted at the content folder.
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
        base = posixpath.dirname(from_id) if folder is None else folder
        joined = posixpath.join(base, path)
    normal = posixpath.normpath(joined)
    if normal.startswith(".."):
        return None
    page_id, _, _ = page_id_of(PurePosixPath(normal).as_posix()[: -len(".md")])
    return page_id, parts.fragment


def page_id_of(stem: str) -> tuple[str, str | None, str | None]:
    """A file's path under the content folder, without ``.md`` → (page id, the language
    its name gives, the language its first folder gives)."""
    stem, named = split_language(stem)
    first, slash, rest = stem.partition("/")
    found = languages.find_folder(first) if slash else None
    if found is not None:
        stem = rest
    head, slash, last = stem.rpartition("/")
    if slash and last in ("index", "_index"):
        stem = head
    elif stem == "_index":
        stem = "index"
    return stem, named, found.code if found else None


def page_folder(file: Path, roots: Roots) -> str:
    """The folder of a page's file under the content folder, without a language folder."""
    try:
        folder = file.parent.relative_to(roots.content).as_posix()
    except ValueError:
        return ""
    folder = "" if folder == "." else folder
    first, _, rest = folder.partition("/")
    if languages.find_folder(first) is not None:
        return rest
    return folder


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
