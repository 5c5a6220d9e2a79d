"""The bundled content meets the content rules: both languages, trust fields, a doctor section."""

from __future__ import annotations

import pytest

from kiosk import resources
from kiosk.core import languages, loader
from kiosk.core.library import Library


@pytest.fixture(scope="module")
def library() -> Library:
    return loader.load(resources.content_dir(), resources.assets_dir())


def test_bundled_content_has_no_problems_but_pages_awaiting_review(
    library: Library,
) -> None:
    # No clinician has yet reviewed these pages' own words, so none claims a review
    # and kiosk check rightly says so for every file (until one does: then this
    # test should change).
    awaiting = [
        (page.file.name, "not yet reviewed by a clinician (the kiosk says so under the page)")
        for page in library.pages
    ]
    found = [(d.path.name, d.message.split(":")[0]) for d in library.check_all()]
    assert sorted(found) == sorted(awaiting)


def test_every_page_is_in_every_language(library: Library) -> None:
    for page in library.pages:
        assert set(library.translations(page)) == set(languages.codes()), page.id


def test_every_page_has_honest_trust_fields(library: Library) -> None:
    # As the authors' guide asks: every page names its source; 'reviewed_by' and
    # 'reviewed' come only with a clinician's review of the page's own words, and a
    # review has a 'review_due' after it.
    for page in library.pages:
        assert page.source, page.file
        # A review is claimed only with its date, and a due date only with a review.
        assert bool(page.reviewed_by) == (page.reviewed is not None), page.file
        if page.reviewed is None:
            assert page.review_due is None, page.file
        else:
            assert page.review_due is not None and page.review_due > page.reviewed, page.file


def test_every_page_has_three_or_four_questions_with_real_choices(library: Library) -> None:
    for page in library.pages:
        assert 3 <= len(page.questions) <= 4, page.file
        for question in page.questions:
            assert not question.choices or 3 <= len(question.choices) <= 4, question.prompt


def test_every_guide_step_has_an_illustration_with_alt_text(library: Library) -> None:
    guides = [page for page in library.pages if page.type == "guide"]
    assert guides
    for page in guides:
        steps = library.render(page).steps
        assert 5 <= len(steps) <= 8, page.file
        for step in steps:
            assert step.image is not None and step.image.alt, (page.file, step.title)
        assert page.cover is not None and page.cover.alt


WHEN_TO_SEE_A_DOCTOR = {"en": "When to see a doctor", "zh-CN": "请及时就医"}


def test_every_page_says_when_to_see_a_doctor(library: Library) -> None:
    for page in library.pages:
        assert WHEN_TO_SEE_A_DOCTOR[page.lang] in library.render(page).doctor_html, page.file


def test_the_seed_article_names_the_hospital_department(library: Library) -> None:
    en = library.get("weaning/residual-milk", "en")
    zh = library.get("weaning/residual-milk", "zh-CN")
    assert en is not None and zh is not None
    assert en.source.startswith(
        "Breast Department, Guangdong Provincial Maternal and Child Health Hospital "
        "(article guided by Dr Zhang Anqin, 2026-01-16)"
    )
    assert zh.source.startswith(
        "广东省妇幼保健院乳腺科（张安秦主任医师指导的科普文章，2026-01-16）"
    )


def test_the_authors_guide_documents_every_front_matter_key() -> None:
    from kiosk.core.schema import KEYS

    guide = (resources.content_dir() / "README.md").read_text(encoding="utf-8")
    for key in KEYS.values():
        assert f"| `{key.name}` |" in guide, key.name


REPORT_COMMAND = "kiosk check content --report docs/content-report.md"


def test_the_content_report_in_the_repository_is_current(library: Library) -> None:
    from kiosk.core import content_report
    from tests.conftest import REPO

    made = content_report.build(library, resources.content_dir(), REPORT_COMMAND)
    kept = (REPO / "docs" / "content-report.md").read_text(encoding="utf-8")
    assert made == kept, f"docs/content-report.md is out of date: run '{REPORT_COMMAND}'"


def test_the_weaning_class_has_notes_for_every_page_it_shows(library: Library) -> None:
    session = library.session("weaning-class")
    assert session is not None and session.items[-1].kind == "take-home"
    assert {"page", "step", "check"} <= {item.kind for item in session.items}
    for lang in languages.codes():
        assert session.title(lang) == session.titles[lang]
        for item in session.items:
            if item.kind not in ("page", "step"):
                continue
            notes = library.notes(item.page_id, lang)
            text = notes.step(item.step) if item.step else notes.page
            # what to say, a question for the room, the misunderstanding to correct
            assert text.count("<strong>") == 3, (item, lang)
