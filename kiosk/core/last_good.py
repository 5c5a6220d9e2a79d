"""The last good version of every page file, so that a broken edit never takes a page down.

The Library reads a page's body from its file each time it renders it. When an author
saves a file that no longer loads (a YAML mistake, a file half written, an empty
file), the page's old text is gone from the content folder. So the kiosk keeps its
own copy of each page file as it last loaded without an error, in the platform's
cache folder, and live reload (``hold_broken``) shows that copy until the file is
fixed.

"Broken" means an error that keeps the page off the screen (the file cannot be read,
its front matter cannot be parsed, it has no title). A warning never does: a page
with warnings is taken as it is now.

A copy is made only when a file's size or modification time differs from the copy's
(``shutil.copy2`` keeps the time), and is itself read back before it replaces the old
copy: only a copy that loads is ever kept. Copies of files that are no longer pages
are removed. Failing to write a copy costs only the hold; it never stops a reload.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

from kiosk.core import frontmatter, sourcefile
from kiosk.core.diagnostics import Severity
from kiosk.core.library import Library
from kiosk.core.model import Page

log = logging.getLogger(__name__)


def default_path(content: Path) -> Path:
    """Where copies of the content folder ``content`` are kept (one folder per content folder)."""
    import platformdirs

    key = hashlib.sha1(str(content.resolve()).encode()).hexdigest()[:12]
    return Path(platformdirs.user_cache_dir("kiosk", appauthor=False)) / f"last-good-{key}"


class LastGood:
    """Copies of the page files under ``content``, kept in ``folder``."""

    def __init__(self, folder: Path, content: Path) -> None:
        self.folder = folder
        self.content = content

    def _copy_of(self, file: Path) -> Path | None:
        try:
            relative = file.relative_to(self.content)
        except ValueError:
            return None
        return self.folder / relative

    def refresh(self, library: Library) -> int:
        """Copy every page file of ``library`` that changed since its copy (held pages
        keep their copy); drop copies of files that are no longer pages. Returns how
        many files were copied. (Strings, not Paths: it looks at every file each time.)"""
        copied = 0
        top, folder = f"{self.content}{os.sep}", str(self.folder)
        wanted: set[str] = set()
        for page in library.pages:
            file = str(page.file)
            if not file.startswith(top):
                continue
            copy = f"{folder}{os.sep}{file[len(top) :]}"
            wanted.add(copy)
            if library.held_body(page) is not None or _same(file, copy):
                continue
            try:
                copied += self._copy(page.file, Path(copy))
            except OSError as exc:
                log.info("no last good copy of %s: %s", page.file, exc)
        self._prune(wanted)
        return copied

    def _copy(self, file: Path, copy: Path) -> int:
        copy.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=copy.parent, prefix=".", suffix=".tmp")
        os.close(handle)
        temporary = Path(name)
        try:
            shutil.copy2(file, temporary)
            if not _loads(temporary):
                return 0  # changed again since it loaded: the next reload copies it
            temporary.replace(copy)
            return 1
        finally:
            with contextlib.suppress(OSError):
                temporary.unlink()

    def _prune(self, wanted: set[str]) -> None:
        for folder, _, files in os.walk(self.folder):
            for name in files:
                path = f"{folder}{os.sep}{name}"
                if path not in wanted:
                    with contextlib.suppress(OSError):
                        Path(path).unlink()

    def body(self, page: Page) -> str | None:
        """The Markdown body of the last good copy of ``page``'s file, or None if none."""
        copy = self._copy_of(page.file)
        if copy is None or not copy.is_file():
            return None
        try:
            return frontmatter.read_body(copy)
        except OSError:
            return None


def _same(file: str, copy: str) -> bool:
    try:
        one, other = os.stat(file), os.stat(copy)  # noqa: PTH116 (a Path each: 2 x slower)
    except OSError:
        return False
    return one.st_size == other.st_size and one.st_mtime_ns == other.st_mtime_ns


def _loads(file: Path) -> bool:
    """Whether ``file`` loads as a page: no error, and a title."""
    parsed = sourcefile.read(file)
    if parsed.error is not None or parsed.checked is None:
        return False
    return bool(parsed.checked.meta.get("title") or parsed.heading)


def broken_files(library: Library) -> set[Path]:
    """Files with an error that kept their page out of ``library``."""
    shown = {page.file for page in library.pages}
    return {
        item.path
        for item in library.diagnostics
        if item.severity is Severity.ERROR and item.line > 0 and item.path not in shown
    }


def hold_broken(old: Library, new: Library, store: LastGood) -> tuple[Library, tuple[Page, ...]]:
    """``new``, with each page of ``old`` whose file is still there but now broken kept
    at its last good version (the one ``old`` showed). Returns the library and the
    pages held. A page whose file was deleted, or that became a draft, is not held."""
    broken = broken_files(new)
    held: dict[Page, str] = {}
    for page in old.pages:
        if page.file not in broken or not page.file.is_file():
            continue
        body = old.held_body(page)
        if body is None:
            body = store.body(page)
        if body is not None:
            held[page] = body
        else:
            log.info("no last good version of %s to show while it is broken", page.file)
    if not held:
        return new, ()
    return new.keeping(held), tuple(held)
