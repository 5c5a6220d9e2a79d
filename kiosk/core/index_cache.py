"""A cache of parsed content files, so a large library starts fast the second time.

Entries are keyed by a file's path, size and modification time; anything else that
decides what a page looks like (covers, links, translations, review dates) is worked
out again on every load. The cache file lives where the caller says (the kiosk uses
the platform's cache folder); a missing, old or damaged cache is simply rebuilt.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path

from kiosk.core.sourcefile import SourceFile

log = logging.getLogger(__name__)

FORMAT = 5  # bump when SourceFile or what it holds changes shape

Key = tuple[int, int]  # (size, mtime_ns)


class IndexCache:
    """Parsed files by relative path; ``save()`` writes it back if anything changed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._entries: dict[str, tuple[Key, SourceFile]] = {}
        self._seen: set[str] = set()
        self._changed = False
        with contextlib.suppress(
            OSError,
            pickle.UnpicklingError,
            EOFError,
            ValueError,
            AttributeError,
            TypeError,
            ImportError,
        ):
            stored = pickle.loads(path.read_bytes())  # our own file, in our own folder
            if isinstance(stored, dict) and stored.get("format") == FORMAT:
                self._entries = stored["entries"]

    def read(self, file: Path, relative: str, read: Callable[[Path], SourceFile]) -> SourceFile:
        """The parsed file, from the cache if the file is unchanged, else from ``read``."""
        self._seen.add(relative)
        try:
            stat = file.stat()
        except OSError:
            return read(file)
        key = (stat.st_size, stat.st_mtime_ns)
        cached = self._entries.get(relative)
        if cached is not None and cached[0] == key:
            return cached[1]
        parsed = read(file)
        self._entries[relative] = (key, parsed)
        self._changed = True
        return parsed

    def save(self) -> None:
        """Write the cache, dropping files that are gone. Failure only costs speed."""
        gone = set(self._entries) - self._seen
        for relative in gone:
            del self._entries[relative]
        if not (self._changed or gone):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            data = pickle.dumps({"format": FORMAT, "entries": self._entries})
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            Path(temporary).replace(self.path)
        except OSError as exc:
            log.warning("could not write the content index cache %s: %s", self.path, exc)
        self._changed = False
