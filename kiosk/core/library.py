"""The Library: every page that can be shown, looked up by id and language.

The set of pages never changes after loading (a reload builds a new Library).
HTML is produced on first use and cached, so start-up costs no Markdown conversion.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable
from types import MappingProxyType

from kiosk.core import frontmatter, languages, paths, related, teachback
from kiosk.core.diagnostics import Diagnostic, Report, sort_key
from kiosk.core.model import GUIDE, Page, Rendered


class Library:
    """Pages by (id, language), with related reads and lazily rendered bodies."""

    def __init__(
        self,
        pages: Iterable[Page],
        roots: paths.Roots,
        diagnostics: Iterable[Diagnostic] = (),
        *,
        today: dt.date,
        expected_languages: tuple[str, ...] = languages.codes(),
        section_titles: dict[tuple[str, str], str] | None = None,
    ) -> None:
        self.roots = roots
        self._section_titles = MappingProxyType(dict(section_titles or {}))
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
        self.languages = tuple(
            code for code in languages.codes() if any(p.lang == code for p in self.pages)
        )
        self._check(report, expected_languages)
        self.diagnostics: tuple[Diagnostic, ...] = tuple(sorted(report.items, key=sort_key))
        self._rendered: dict[tuple[str, str], Rendered] = {}
        self._checked: tuple[Diagnostic, ...] | None = None
        self._lock = threading.Lock()

    # --- looking things up ----------------------------------------------------

    def get(self, page_id: str, lang: str) -> Page | None:
        """The page in ``lang``, or its translation in another language if it has none."""
        page = self._by_key.get((page_id, lang))
        if page is not None:
            return page
        for code in languages.codes():
            page = self._by_key.get((page_id, code))
            if page is not None:
                return self.translation(page, lang) or page
        return None

    def in_language(self, lang: str) -> tuple[Page, ...]:
        return tuple(page for page in self.pages if page.lang == lang)

    def translations(self, page: Page) -> MappingProxyType[str, Page]:
        return MappingProxyType(self._groups.get(page.translation_key, {page.lang: page}))

    def translation(self, page: Page, lang: str) -> Page | None:
        return self.translations(page).get(lang)

    def section_title(self, section: str, lang: str) -> str:
        """The section's title from its ``_index.LANG.md`` file, or "" if it has none."""
        return self._section_titles.get((section, lang), "")

    def related(self, page: Page, limit: int = 6) -> tuple[Page, ...]:
        """Up to ``limit`` pages to read next, all in the page's language."""
        return related.rank(page, self.pages, self.get, limit)

    # --- bodies ---------------------------------------------------------------

    def render(self, page: Page) -> Rendered:
        """The page's body as sanitized HTML; converted once, then cached."""
        with self._lock:
            cached = self._rendered.get(page.key)
        if cached is not None:
            return cached
        from kiosk.core.render import Body, render

        try:
            body = Body(frontmatter.read_body(page.file), page.body_line)
        except OSError as exc:
            report = Report()
            report.error(page.file, 1, f"cannot be read: {exc.strerror or exc}")
            return Rendered("", "", (), report.items)
        rendered = render(page, body, self.roots, self.ids.__contains__)
        with self._lock:
            self._rendered[page.key] = rendered
        return rendered

    def check_all(self) -> tuple[Diagnostic, ...]:
        """Every diagnostic: front matter and library checks, then every rendered body,
        and whether translations have the same shape. Worked out once: a Library
        never changes."""
        if self._checked is None:
            self._checked = self._check_all()
        return self._checked

    def _check_all(self) -> tuple[Diagnostic, ...]:
        found = list(self.diagnostics)
        report = Report()
        for page in self.pages:
            rendered = self.render(page)
            found.extend(rendered.diagnostics)
            _check_audio_count(page, rendered, report)
        for group in self._groups.values():
            _check_outlines_match(group, self.render, report)
        found.extend(report.items)
        return tuple(sorted(set(found), key=sort_key))

    # --- library-wide checks ------------------------------------------------

    def _check(self, report: Report, wanted: tuple[str, ...]) -> None:
        for page in self.pages:
            group = self._groups[page.translation_key]
            for code in wanted:
                if code not in group:
                    report.warning(
                        page.file,
                        1,
                        f"no {code} translation of '{page.id}' (add {page.id}.{code}.md)",
                    )
            for index, page_id in enumerate(page.related):
                if page_id not in self.ids:
                    report.warning(
                        page.file,
                        page.lines.line("related", index),
                        f"related page '{page_id}' does not exist",
                    )
            _check_review(page, self.today, report)
        for group in self._groups.values():
            _check_questions_match(group, report)


def _check_audio_count(page: Page, rendered: Rendered, report: Report) -> None:
    """A guide's recordings go one to a screen: its introduction, then each step."""
    steps = len(rendered.steps)
    if page.type == GUIDE and len(page.audio) > 1 + steps:
        report.warning(
            page.file,
            page.lines.line("audio", 1 + steps),
            f"audio: {len(page.audio)} files, but the guide has {1 + steps} screens "
            f"(its introduction and {steps} step{'' if steps == 1 else 's'}); "
            "the rest are ignored",
        )


def _check_outlines_match(
    group: dict[str, Page], render: Callable[[Page], Rendered], report: Report
) -> None:
    """Each translation has as many sections (a guide's steps) and warning signs as the first."""
    ordered = [group[code] for code in languages.codes() if code in group]
    if len(ordered) < 2:
        return
    reference = ordered[0]
    expected = render(reference).outline
    for page in ordered[1:]:
        shape = render(page).outline
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
