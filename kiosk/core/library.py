"""The Library: every page that can be shown, looked up by id and language.

It also holds the education sessions (``sessions``, ``session(id)``), checked
against its pages when it is made, and gives each page's speaker notes
(``notes(page_id, lang)``, rendered with the page).

The set of pages never changes after loading (a reload builds a new Library).
HTML is produced on first use and kept for the last few pages shown (``keep_rendered``),
so start-up costs no Markdown conversion and memory does not grow with the library.
What rendering found wrong with a page (its diagnostics and outline, a few hundred
bytes) is kept for every page rendered, so the staff menu shows it at once.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from kiosk.core import frontmatter, languages, paths, sessions, teachback
from kiosk.core.check_cache import Facts
from kiosk.core.diagnostics import Diagnostic, Report, Severity, sort_key
from kiosk.core.model import GUIDE, Page, Rendered
from kiosk.core.notes import Notes
from kiosk.core.outline import Outline
from kiosk.core.related import Index as RelatedIndex

if TYPE_CHECKING:  # Markdown is imported when the first page is rendered, not before
    from kiosk.core.markdown_links import Site, Words

__all__ = ["KEEP_RENDERED", "Library", "readable_name"]

KEEP_RENDERED = 48
"""Rendered pages kept by default (the config's ``rendered_pages_kept``)."""


class Library:
    """Pages by (id, language), with related reads and lazily rendered bodies."""

    def __init__(
        self,
        pages: Iterable[Page],
        roots: paths.Roots,
        diagnostics: Iterable[Diagnostic] = (),
        *,
        today: dt.date,
        expected_languages: tuple[str, ...] | None = None,
        section_titles: dict[tuple[str, str], str] | None = None,
        hidden: dict[str, str] | None = None,
        words: Words | None = None,
        read_sessions: Iterable[sessions.Session] = (),
        provisional: bool = False,
    ) -> None:
        self.roots = roots
        self.provisional = provisional
        """Only the first cards, from the last full load (see start_index): shown until
        the content has been read, never checked, never read as pages."""
        pages, diagnostics = tuple(pages), tuple(diagnostics)
        # What it was made from, for ``keeping`` (references only: no copies of pages).
        self._made_from = (pages, diagnostics, expected_languages)
        self._held: Mapping[tuple[str, str], str] = MappingProxyType({})
        self._section_titles = MappingProxyType(dict(section_titles or {}))
        self._hidden = MappingProxyType(dict(hidden or {}))
        self.today = today
        report = Report()
        report.extend(diagnostics)
        by_key: dict[tuple[str, str], Page] = {}
        for page in pages:
            first = by_key.get(page.key)
            if first is not None:
                report.warning(
                    page.file,
                    1,
                    f"duplicate page id '{page.id}' in {page.lang}: {first.file} has it "
                    "already; this file is skipped",
                )
                continue
            by_key[page.key] = page
        self.pages: tuple[Page, ...] = tuple(sorted(by_key.values(), key=_display_order))
        self._by_key = MappingProxyType(by_key)
        groups: dict[str, dict[str, Page]] = defaultdict(dict)
        for page in self.pages:
            groups[page.translation_key].setdefault(page.lang, page)
        self._groups = MappingProxyType(dict(groups))
        self.ids = frozenset(page.id for page in self.pages)
        self._aliases = MappingProxyType(self._collect_aliases(report))
        self._words = words
        self.languages = tuple(
            code for code in languages.codes() if any(p.lang == code for p in self.pages)
        )
        wanted = languages.codes() if expected_languages is None else expected_languages
        if not provisional:  # its few pages would miss translations, sections, ...
            self._check(report, wanted)
        self.sessions: tuple[sessions.Session, ...] = self._check_sessions(
            read_sessions, wanted, report
        )
        """The education sessions whose every item is a page shown here (see sessions.py)."""
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sorted(report.items, key=sort_key))
        self._rendered: OrderedDict[tuple[str, str], Rendered] = OrderedDict()
        self.keep_rendered = KEEP_RENDERED  # the last pages rendered, kept for a quick return
        self._facts: dict[tuple[str, str], Facts] = {}  # what rendering found, by page
        self._checked: tuple[Diagnostic, ...] | None = None
        self._lock = threading.Lock()
        self._related: RelatedIndex | None = None  # built on first use, once
        self._related_lock = threading.Lock()

    # --- looking things up ----------------------------------------------------

    def get(self, page_id: str, lang: str) -> Page | None:
        """The page in ``lang``, or its translation in another language if it has none.
        An old id (Hugo's ``aliases``, ``slug``) opens its page too."""
        page_id = self._aliases.get(page_id, page_id) if page_id not in self.ids else page_id
        page = self._by_key.get((page_id, lang))
        if page is not None:
            return page
        for code in languages.codes():
            page = self._by_key.get((page_id, code))
            if page is not None:
                return self.translation(page, lang) or page
        return None

    def session(self, session_id: str) -> sessions.Session | None:
        """The session with this id (its file's name without ``.toml``), or None."""
        return next((s for s in self.sessions if s.id == session_id), None)

    def versions(self, page_id: str) -> tuple[Page, ...]:
        """The page with this id in each language it has, in the kiosk's language order."""
        found = (self._by_key.get((page_id, code)) for code in languages.codes())
        return tuple(page for page in found if page is not None)

    def in_language(self, lang: str) -> tuple[Page, ...]:
        return tuple(page for page in self.pages if page.lang == lang)

    def translations(self, page: Page) -> MappingProxyType[str, Page]:
        return MappingProxyType(self._groups.get(page.translation_key, {page.lang: page}))

    def translation(self, page: Page, lang: str) -> Page | None:
        return self.translations(page).get(lang)

    def section_title(self, section: str, lang: str) -> str:
        """The section's title from its ``_index.LANG.md`` file, else its folder's name
        made readable (``daily-care``: "Daily care"); "" for the top of the folder."""
        return self._section_titles.get((section, lang)) or readable_name(section)

    def _title(self, page_id: str, lang: str) -> str:
        page = self.get(page_id, lang)
        return page.title if page is not None else page_id

    def resolve(self, page_id: str) -> str | None:
        """The id of the page ``page_id`` names (itself, or an old id of it), or None."""
        if page_id in self.ids:
            return page_id
        return self._aliases.get(page_id)

    def hidden_reason(self, page_id: str) -> str:
        """Why a page with this id is not shown ("is a draft ..."), or "" if it is not
        hidden (it is shown, or there is no such page)."""
        return "" if page_id in self.ids else self._hidden.get(page_id, "")

    def find_ref(self, ref: str, folder: str) -> str | None:
        """The page a Hugo ``ref``/``relref`` names, seen from ``folder``: a path from
        the top of the content (``/care/hands.md``), from the folder, or a bare name."""
        path = ref.strip()
        for suffix in (".md", "/"):
            path = path.removesuffix(suffix)
        if not path:
            return None
        if path.startswith("/"):
            candidates = [path.lstrip("/")]
        else:
            candidates = [posixpath.normpath(posixpath.join(folder, path)), path]
        for candidate in candidates:
            found = self.resolve(paths.page_id_of(candidate)[0])
            if found is not None:
                return found
        name = paths.page_id_of(path)[0].rpartition("/")[2]
        matches = sorted(i for i in self.ids if i.rpartition("/")[2] == name)
        return matches[0] if len(matches) == 1 else None

    def related(self, page: Page, limit: int = 6) -> tuple[Page, ...]:
        """Up to ``limit`` pages to read next, all in the page's language."""
        return self.related_index().rank(page, self.get, limit)

    def related_index(self) -> RelatedIndex:
        """The index that ranks Read next, built once (linear in the pages) on first
        use; call it ahead (e.g. after the first frame) so no tap pays for it."""
        with self._related_lock:
            if self._related is None:
                self._related = RelatedIndex(self.pages)
            return self._related

    # --- bodies ---------------------------------------------------------------

    @functools.cached_property
    def _site(self) -> Site:
        """What links in a body may point at (made with the first body rendered)."""
        from kiosk.core.markdown_links import Site

        return Site(self.resolve, self.hidden_reason, self.find_ref, self._words, self._title)

    @property
    def site(self) -> Site:
        """What a page's rendering may ask of the library (see markdown_links.Site)."""
        return self._site

    def render(self, page: Page) -> Rendered:
        """The page's body as sanitized HTML; converted on first use, then kept while it
        is among the ``keep_rendered`` pages used last."""
        with self._lock:
            cached = self._rendered.get(page.key)
            if cached is not None:
                self._rendered.move_to_end(page.key)
        if cached is not None:
            return cached
        rendered = self.render_fresh(page)
        with self._lock:
            self._rendered[page.key] = rendered
            self._rendered.move_to_end(page.key)
            while len(self._rendered) > max(self.keep_rendered, 1):
                self._rendered.popitem(last=False)
            self._facts[page.key] = Facts(
                rendered.diagnostics, rendered.outline, len(rendered.steps)
            )
        return rendered

    def render_fresh(self, page: Page, site: Site | None = None) -> Rendered:
        """The page rendered now, not kept; its links and pictures looked up in ``site``
        (default: this library's)."""
        from kiosk.core.render import Body, render

        try:
            held = self._held.get(page.key)
            text = held if held is not None else frontmatter.read_body(page.file)
            body = Body(text, page.body_line)
        except OSError as exc:
            report = Report()
            report.error(page.file, 1, f"cannot be read: {exc.strerror or exc}")
            return Rendered("", "", (), report.items)
        try:
            return render(page, body, self.roots, self.ids.__contains__, site=site or self._site)
        except Exception as exc:  # a bug must not hide the other pages' diagnostics
            report = Report()
            report.error(page.file, page.body_line, f"this page could not be shown: {exc!r}")
            return Rendered("", "", (), report.items)

    def notes(self, page_id: str, lang: str) -> Notes:
        """The speaker notes of a page (in ``lang``, else the version ``get`` gives) as
        sanitized HTML: an article's, or a guide's introduction's and each step's.
        Empty when the page has none or does not exist. Rendered (and kept) with the page."""
        page = self.get(page_id, lang)
        return self.render(page).notes if page is not None else Notes()

    def check_all(self) -> tuple[Diagnostic, ...]:
        """Every diagnostic: front matter and library checks, then every rendered body,
        and whether translations have the same shape. Worked out once: a Library
        never changes. (``kiosk check`` and the staff menu use ``checker.check``,
        which keeps findings between runs and can use every core.)"""
        if self._checked is None:
            from kiosk.core import checker

            checker.check(self)
        assert self._checked is not None
        return self._checked

    # --- pages held at their last good version --------------------------------

    def keeping(self, held: Mapping[Page, str]) -> Library:
        """This library with the ``held`` pages added, each shown with the Markdown body
        given: pages whose file is broken now, kept at their last good version (see
        ``last_good``). A warning on each says so; the file's own error stays listed."""
        pages, diagnostics, expected = self._made_from
        report = Report()
        report.extend(diagnostics)
        for page in held:
            report.warning(
                page.file,
                1,
                "the kiosk shows this page as it was before this error, until the file is fixed",
            )
        library = Library(
            (*pages, *held),
            self.roots,
            report.items,
            today=self.today,
            expected_languages=expected,
            section_titles=dict(self._section_titles),
            hidden=dict(self._hidden),
            words=self._words,
        )
        library._held = MappingProxyType(
            {page.key: body for page, body in held.items() if library._by_key.get(page.key) is page}
        )
        return library

    def held_body(self, page: Page) -> str | None:
        """The body ``page`` is shown with while its file is broken, or None if it is not held."""
        return self._held.get(page.key)

    # --- what checking found ------------------------------------------------------

    def facts(self, page: Page) -> Facts | None:
        """What rendering ``page`` found, if it has been rendered or checked."""
        with self._lock:
            return self._facts.get(page.key)

    def remember(self, found: Mapping[tuple[str, str], Facts]) -> None:
        """Keep what a check found (without the questions it asked), for ``known``."""
        with self._lock:
            for key, facts in found.items():
                self._facts[key] = Facts(facts.diagnostics, facts.outline, facts.steps)

    @property
    def checked(self) -> bool:
        """Whether every page has been checked (``known`` is then everything)."""
        return self._checked is not None

    def known(self) -> tuple[Diagnostic, ...]:
        """Every diagnostic known now, without rendering a page: those found while
        loading, and those of the pages rendered or checked so far."""
        if self._checked is not None:
            return self._checked
        with self._lock:
            facts = dict(self._facts)
        return self.conclude(facts) if facts else self.diagnostics

    def conclude(self, facts: Mapping[tuple[str, str], Facts]) -> tuple[Diagnostic, ...]:
        """The library's diagnostics with each page's ``facts``, and in one pass over
        them, the checks across pages: guide recordings against steps, and whether
        translations have the same shape (for groups whose pages all have facts).
        With facts for every page, this is the whole check, remembered as such."""
        found = list(self.diagnostics)
        report = Report()
        for page in self.pages:
            page_facts = facts.get(page.key)
            if page_facts is not None:
                found.extend(page_facts.diagnostics)
                _check_audio_count(page, page_facts.steps, report)
        for group in self._groups.values():
            if all(page.key in facts for page in group.values()):
                _check_outlines_match(group, lambda page: facts[page.key].outline, report)
        found.extend(report.items)
        result = tuple(sorted(set(found), key=sort_key))
        if all(page.key in facts for page in self.pages):
            self._checked = result
        return result

    # --- library-wide checks ------------------------------------------------

    def _collect_aliases(self, report: Report) -> dict[str, str]:
        aliases: dict[str, str] = {}
        for page in self.pages:
            for alias in page.aliases:
                other = aliases.get(alias)
                if alias in self.ids or (other is not None and other != page.id):
                    taken = alias if alias in self.ids else other
                    report.warning(
                        page.file,
                        page.lines.line("aliases"),
                        f"old id '{alias}' is already page '{taken}'; it does not open this page",
                    )
                    continue
                aliases[alias] = page.id
        return aliases

    def _check(self, report: Report, wanted: tuple[str, ...]) -> None:
        present = {page.lang for page in self.pages}
        for code in wanted:
            if self.pages and code not in present:
                shown = ", ".join(c for c in wanted if c in present)
                report.folder(
                    self.roots.content,
                    Severity.WARNING,
                    f"no page is in {code}: visitors who choose {code} are told the pages "
                    f"are in {shown}. Translate the pages, or, if this kiosk shows only "
                    f"{shown}, list only that in 'languages' in the kiosk's config",
                )
        for page in self.pages:
            group = self._groups[page.translation_key]
            for code in wanted:
                if code not in group and code in present:
                    report.warning(
                        page.file,
                        1,
                        f"no {code} translation of '{page.id}' ({self._advice(page, code)})",
                    )
            for index, page_id in enumerate(page.related):
                if self.resolve(page_id) is None:
                    report.warning(
                        page.file,
                        page.lines.line("related", index),
                        f"related page '{page_id}' does not exist",
                    )
            _check_review(page, self.today, report)
        for group in self._groups.values():
            _check_questions_match(group, report)
        self._check_sections(report)

    def _check_sessions(
        self, found: Iterable[sessions.Session], wanted: tuple[str, ...], report: Report
    ) -> tuple[sessions.Session, ...]:
        """The sessions whose items all name pages shown here; the rest are reported."""
        titled = tuple(code for code in wanted if code in self.languages)
        counted: dict[tuple[str, str], int] = {}  # a guide's steps, counted once per load

        def steps(page: Page) -> int:
            if page.key not in counted:
                counted[page.key] = sessions.count_steps(page)
            return counted[page.key]

        kept: list[sessions.Session] = []
        for session in found:
            checked = sessions.check(
                session, self.versions, self.resolve, self.hidden_reason, titled, report, steps
            )
            if checked is not None:
                kept.append(checked)
        return tuple(kept)

    def _advice(self, page: Page, code: str) -> str:
        """Where the translation would go, in the layout the page itself uses."""
        content = self.roots.content
        try:
            relative = page.file.relative_to(content).as_posix()
        except ValueError:
            return f"add {page.id}.{code}.md"
        first, slash, rest = relative.partition("/")
        if slash and languages.find_folder(first) is not None:
            folders = [p.name for p in content.iterdir() if p.is_dir()] if content.is_dir() else []
            named = next(
                (f for f in folders if languages.find_folder(f) == languages.find(code)), ""
            )
            wanted = f"{named or code.lower()}/{rest}"
        else:
            folder, _, name = relative.rpartition("/")
            stem = paths.split_language(name.removesuffix(".md"))[0]
            wanted = (folder + "/" if folder else "") + f"{stem}.{code}.md"
        if (content / wanted).exists():
            return f"{wanted} exists but could not be loaded: see its own messages"
        return f"add {wanted}"

    def _check_sections(self, report: Report) -> None:
        """A folder with pages but no _index file: say how it is headed, and how to name it."""
        named = {section for section, _ in self._section_titles}
        seen: set[str] = set()
        for page in self.pages:
            section = page.section
            if not section or section in named or section in seen:
                continue
            seen.add(section)
            report.warning(
                page.file,
                1,
                f"folder '{section}' has no _index.md, so its pages are headed "
                f"'{readable_name(section)}' on the home screen: add an _index.md there "
                "(one per language) with a 'title:' to name it",
            )


def _check_audio_count(page: Page, steps: int, report: Report) -> None:
    """A guide's recordings go one to a screen: its introduction, then each step."""
    if page.type == GUIDE and len(page.audio) > 1 + steps:
        report.warning(
            page.file,
            page.lines.line("audio", 1 + steps),
            f"audio: {len(page.audio)} files, but the guide has {1 + steps} screens "
            f"(its introduction and {steps} step{'' if steps == 1 else 's'}); "
            "the rest are ignored",
        )


def _check_outlines_match(
    group: dict[str, Page], outline: Callable[[Page], Outline], report: Report
) -> None:
    """Each translation has as many sections (a guide's steps) and warning signs as the first."""
    ordered = [group[code] for code in languages.codes() if code in group]
    if len(ordered) < 2:
        return
    reference = ordered[0]
    expected = outline(reference)
    for page in ordered[1:]:
        shape = outline(page)
        parts = (
            ("steps" if page.type == GUIDE else "'##' sections", shape.sections, expected.sections),
            ("warning signs in its doctor box", shape.doctor_items, expected.doctor_items),
        )
        for what, has, wanted in parts:
            if has != wanted:
                report.warning(
                    page.file,
                    page.body_line,
                    f"{what}: {has} here, {wanted} in the {reference.lang} version "
                    f"({reference.file.name}); translations should say the same",
                )


def _check_questions_match(group: dict[str, Page], report: Report) -> None:
    """Each translation asks the same questions as the first language's version."""
    ordered = [group[code] for code in languages.codes() if code in group]
    if len(ordered) < 2:
        return
    reference = ordered[0]
    name = f"the {reference.lang} version ({reference.file.name})"
    for page in ordered[1:]:
        if not (page.questions or reference.questions):
            continue
        for line, message in teachback.compare(
            page.questions, reference.questions, name, page.lines.line("questions")
        ):
            report.warning(page.file, line, message)


def _check_review(page: Page, today: dt.date, report: Report) -> None:
    """Trust fields are a promise: a review is claimed only with who, when, and until when."""
    line = page.lines.line
    if not page.source:
        report.warning(
            page.file, line("source"), "no 'source': say where this health information comes from"
        )
    if not page.reviewed_by and page.reviewed is None:
        report.warning(
            page.file,
            1,
            "not yet reviewed by a clinician (the kiosk says so under the page): once a named "
            "clinician has checked this page's own words, add 'reviewed_by', 'reviewed' and "
            "'review_due'",
        )
        if page.review_due is not None:
            report.warning(
                page.file,
                line("review_due"),
                "'review_due' on a page that has not been reviewed: leave it out until the "
                "first review",
            )
        return
    if page.reviewed is None:
        report.warning(
            page.file,
            line("reviewed_by"),
            "no 'reviewed' date: no clinician has signed this page off yet; once one has, "
            "add 'reviewed' and 'review_due' (until then, leave 'reviewed_by' out too)",
        )
        return
    if not page.reviewed_by:
        report.warning(
            page.file, line("reviewed"), "'reviewed' without 'reviewed_by': name who reviewed it"
        )
    if page.date is not None and page.reviewed < page.date:
        report.warning(
            page.file,
            line("reviewed"),
            f"'reviewed' ({page.reviewed}) is before the page was written ('date': {page.date}):"
            " a review covers the page's own words, so it cannot come before them",
        )
    if page.lastmod is not None and page.lastmod > page.reviewed:
        report.warning(
            page.file,
            line("lastmod"),
            f"changed on {page.lastmod}, after its review on {page.reviewed}: have the change "
            "reviewed, then update 'reviewed' and 'review_due'",
        )
    if page.review_due is None:
        return
    if page.review_due < today:
        report.warning(
            page.file,
            line("review_due"),
            f"review was due on {page.review_due}: have the "
            "page reviewed, then update 'reviewed' and 'review_due'",
        )
    if page.review_due < page.reviewed:
        report.warning(page.file, line("review_due"), "'review_due' is before 'reviewed'")


def _display_order(page: Page) -> tuple[bool, int, int, str, str]:
    """Hugo's default order: weighted pages first by weight, then newest, then title."""
    return (page.weight == 0, page.weight, -page.newest.toordinal(), page.title, page.id)


def readable_name(folder: str) -> str:
    """A folder's name as a heading: ``daily-care`` → "Daily care", ``02_diet`` → "Diet"."""
    name = folder.rpartition("/")[2]
    words = re.sub(r"^\d+[-_ .]+", "", name).replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else name
