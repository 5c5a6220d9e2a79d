"""What checking each page found, kept between runs of ``kiosk check`` and the staff menu.

Checking a page means rendering it, which costs about a millisecond or more; a
library of 10,000 pages in two languages would take half a minute each time. So
each page's findings (its diagnostics, its outline and its number of guide steps)
are kept here, by the page file's path under the content folder, its size and its
modification time, as the index cache keeps front matter.

A page's findings depend on more than its own file: a link is broken only while
the page it names is missing, a picture only while its file is. So a page is
rendered through a ``Site`` that notes every question its rendering asks the
library (does this page exist, is it hidden, what is its title, does this picture
exist, which words name a dropped video) together with the answer. A kept entry
is used only if its file is unchanged and every question still gets the same
answer; asking them again costs a few dictionary look-ups and a stat per picture.

The cache file lives where the caller says (the kiosk uses the platform's cache
folder); a missing, old or damaged file is simply rebuilt. It is our own file in
our own folder, so it is read with pickle.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kiosk import __version__
from kiosk.core import paths
from kiosk.core.diagnostics import Diagnostic
from kiosk.core.files import write_atomic
from kiosk.core.model import Page
from kiosk.core.outline import Outline

if TYPE_CHECKING:  # Markdown is imported with the first page rendered, not at start
    from kiosk.core.markdown_links import Site

log = logging.getLogger(__name__)

FORMAT = (
    3  # 3: speaker notes. Bump when Facts, the questions or what rendering reports changes shape
)
CHUNK = 500
"""Files per pickle in the cache file. Reading or writing one pickle holds Python's
lock throughout; the staff menu checks in a thread beside the UI, which must get its
turn every few milliseconds, not after the whole file."""

Question = tuple[str, tuple[Any, ...], Any]  # (what was asked, its arguments, the answer)


@dataclass(frozen=True)
class Facts:
    """What checking one page found, and the questions its answer depends on.

    ``steps`` is a guide's number of steps; ``asked`` every question the page's
    rendering put to the library, with the answer it got.
    """

    diagnostics: tuple[Diagnostic, ...]
    outline: Outline
    steps: int
    asked: tuple[Question, ...] = ()


class Recorder:
    """A ``Site`` that notes every question asked of ``site`` and its answer."""

    def __init__(self, site: Site) -> None:
        from kiosk.core.markdown_links import Site

        self._asked: dict[tuple[str, tuple[Any, ...]], Any] = {}
        self.site = Site(
            resolve=self._noting("resolve", site.resolve),
            hidden=self._noting("hidden", site.hidden),
            ref=self._noting("ref", site.ref),
            words=self._noting("words", site.words) if site.words is not None else None,
            title=self._noting("title", site.title),
            image=self._image(site.image),
        )

    @property
    def asked(self) -> tuple[Question, ...]:
        return tuple((what, args, answer) for (what, args), answer in self._asked.items())

    def _noting(self, what: str, ask: Callable[..., Any]) -> Callable[..., Any]:
        def noted(*args: Any) -> Any:
            answer = ask(*args)
            self._asked[(what, args)] = answer
            return answer

        return noted

    def _image(
        self, resolve: Callable[[str, Path, paths.Roots], Path]
    ) -> Callable[[str, Path, paths.Roots], Path]:
        def noted(ref: str, file: Path, roots: paths.Roots) -> Path:
            key = ("image", (ref, file, roots))
            try:
                found = resolve(ref, file, roots)
            except paths.Refused as exc:
                self._asked[key] = ("refused", str(exc))
                raise
            self._asked[key] = ("found", found)
            return found

        return noted


def answers_hold(asked: tuple[Question, ...], site: Site) -> bool:
    """Whether every question gets the same answer from ``site`` as it did before."""
    for what, args, answer in asked:
        try:
            if what == "image":
                try:
                    now: Any = ("found", site.image(*args))
                except paths.Refused as exc:
                    now = ("refused", str(exc))
            elif what == "words":
                if site.words is None:
                    return False
                now = site.words(*args)
            else:
                now = getattr(site, what)(*args)
        except Exception:  # a question that cannot be asked any more: render again
            return False
        if now != answer:
            return False
    return True


Shape = tuple[int, int, str, str, str, str, bool, int]


def shape(page: Page, stat: os.stat_result) -> Shape:
    """What a page's findings are kept by: its file (size, time, name) and what the
    loader made of it that rendering uses."""
    return (
        stat.st_size,
        stat.st_mtime_ns,
        str(page.file),
        page.id,
        page.lang,
        page.type,
        page.is_section,
        page.body_line,
    )


def default_path(root: Path) -> Path:
    """Where the kiosk keeps the findings for the content folder ``root``: one file per
    folder (as named, and where it really is) in the platform's cache folder."""
    import platformdirs

    named = f"{root}\0{root.resolve()}"
    key = hashlib.sha1(named.encode()).hexdigest()[:12]
    return Path(platformdirs.user_cache_dir("kiosk", appauthor=False)) / f"check-{key}.pickle"


class CheckCache:
    """Findings by file (its path under the content folder); ``save()`` writes them back."""

    def __init__(self, path: Path, roots: paths.Roots) -> None:
        import markdown  # what a page's HTML and findings come from (imported by then)

        self.path = path
        self._identity = ((FORMAT, __version__, markdown.__version__), roots)
        self._entries: dict[str, tuple[Shape, Facts]] = {}
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
            IndexError,
            KeyError,
        ):
            stored = pickle.loads(path.read_bytes())  # our own file, in our own folder
            if isinstance(stored, dict) and stored.get("identity") == self._identity:
                for chunk in stored["chunks"]:  # one at a time: see CHUNK
                    self._entries.update(pickle.loads(chunk))

    def get(self, name: str, key: Shape, site: Site) -> Facts | None:
        """The kept findings for the file ``name``, if it is unchanged and every
        question its rendering asked still gets the same answer."""
        self._seen.add(name)
        kept = self._entries.get(name)
        if kept is None or kept[0] != key or not answers_hold(kept[1].asked, site):
            return None
        return kept[1]

    def put(self, name: str, key: Shape, facts: Facts) -> None:
        self._seen.add(name)
        self._entries[name] = (key, facts)
        self._changed = True

    def save(self, *, complete: bool = True) -> None:
        """Write the findings, dropping files no longer checked (only after a check that
        went through every file: ``complete``). Failure only costs speed."""
        gone = set(self._entries) - self._seen if complete else set()
        for name in gone:
            del self._entries[name]
        if not (self._changed or gone):
            return
        try:
            names = list(self._entries)
            chunks = [
                pickle.dumps({name: self._entries[name] for name in names[i : i + CHUNK]})
                for i in range(0, len(names), CHUNK)
            ]
            data = pickle.dumps({"identity": self._identity, "chunks": chunks})
            write_atomic(self.path, data)
        except OSError as exc:
            log.warning("could not write the check cache %s: %s", self.path, exc)
        self._changed = False
