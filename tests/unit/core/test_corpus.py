"""The bad-content corpus: every kind of problem is reported at its file and line."""

from __future__ import annotations

from kiosk.core.diagnostics import Severity
from kiosk.core.library import Library
from tests.conftest import DATA

E, W = Severity.ERROR, Severity.WARNING

# file → every diagnostic expected for it: (line, severity, words in the message)
EXPECTED: dict[str, set[tuple[int, Severity, str]]] = {
    "unclosed-front-matter.md": {(1, E, "never closed")},
    "bad-yaml.md": {(4, E, "not valid YAML")},
    "bad-toml.md": {(3, E, "not valid TOML")},
    "not-a-mapping.md": {(2, E, "front matter must be")},
    "no-title.md": {(1, E, "no title")},
    "binary.md": {(1, E, "not a text file")},
    "remote-image.md": {(10, W, "remote image 'https://example.org/pixel.png' dropped")},
    "missing-image.md": {(8, W, "image 'img/not-there.svg' not found")},
    "escaping-image.md": {(9, W, "points outside the content folder")},
    "broken-link.md": {(8, W, "broken link to 'no-such-page.md'")},
    "unknown-related.md": {(8, W, "related page 'does/not-exist' does not exist")},
    "unknown-key.md": {(6, W, "unknown front-matter key 'titel' (did you mean 'title'?)")},
    "wrong-type.md": {(6, W, "'weight' should be a whole number")},
    "impossible-date.md": {
        (5, W, "impossible date: 2026-02-30"),
        (4, W, "no 'reviewed' date"),  # the impossible one is ignored, so none is left
    },
    "review-passed.md": {(6, W, "review was due on 2021-01-01")},
    "reviewed-without-who.md": {(4, W, "'reviewed' without 'reviewed_by'")},
    "not-reviewed.md": {(1, W, "not yet reviewed by a clinician")},
    "claimed-review.md": {(4, W, "no 'reviewed' date: no clinician has signed this page off")},
    "review-before-date.md": {(6, W, "'reviewed' (2026-01-16) is before the page was written")},
    "changed-after-review.md": {(5, W, "changed on 2026-05-01, after its review on 2026-02-01")},
    "duplicate.md": {(1, W, "duplicate page id 'duplicate'")},
    "guide-without-steps.md": {(8, W, "guide has no steps")},
    "not-utf8.md": {(7, W, "not UTF-8")},
    "hostile-html.md": {(9, W, "raw HTML '<script' removed")},
    "section/unknown-language.fr.md": {
        (1, W, "unknown language 'fr'"),
        (1, W, "folder 'section' has no _index.md, so its pages are headed 'Section'"),
    },
    # Loads, but a page with no front matter has no trust fields: say so.
    "no-front-matter.md": {(1, W, "not yet reviewed by a clinician"), (1, W, "no 'source'")},
    "no-doctor-box.md": {(7, W, "no 'When to see a doctor' box")},
    "two-doctor-boxes.md": {
        (13, W, "a second 'When to see a doctor' box (the first is at line 8)")
    },
    # Nesting beyond a sane depth is flattened or cut, at its line: never a crash.
    "deep-list.md": {(19, W, "nested more than 8 levels deep")},
    "deep-quote.md": {(8, W, "nested more than 8 levels deep")},
    "deep-html.md": {(8, W, "HTML nested more than 16 levels deep")},
    # Raw HTML is checked like Markdown; every problem on a line is named.
    "raw-html.md": {
        (9, W, "remote image 'https://example.org/a.png' dropped"),
        (9, W, "remote image 'https://example.org/b.png' dropped"),
        (10, W, "broken link to 'missing.md'"),
        (11, W, "embedded iframe 'https://video.example.org/embed/1' cannot be shown"),
    },
    "many-links.md": {
        (8, W, "broken link to 'gone.md'"),
        (8, W, "broken link to 'also-gone.md'"),
        (17, W, "broken link to 'gone.md'"),
    },
    "shortcodes.md": {
        (12, W, "shortcode 'youtube' is not supported on the kiosk: removed"),
        (12, W, "shortcode 'tweet' is not supported"),
        (14, W, "shortcode 'foo' is not supported on the kiosk: removed; the text inside"),
        (16, W, "Hugo ref 'nowhere' names no page"),
    },
    "expired.md": {(6, W, "expired on 2021-01-01 ('expiryDate')")},
    "not-yet.md": {(6, W, "not shown until 2099-01-01 ('publishDate')")},
    "draft.md": set(),
    "draft-link.md": {
        (8, W, "link to 'draft.md': page 'draft' is a draft"),
        (8, W, "link to 'expired.md': page 'expired' expired on 2021-01-01"),
    },
    "good.md": set(),
    "good-toml.md": set(),
    "duplicate.en.md": set(),
}


# The columns of problems that share a line, so each one is told apart.
COLUMNS = {
    "many-links.md": [(8, 11), (8, 30), (8, 51), (17, 13)],
    "raw-html.md": [(9, 28), (9, 78), (10, 50), (11, 1)],
    "shortcodes.md": [(12, 1), (12, 25), (14, 1), (16, 57)],
}

# Pages that load but are not shown: the kiosk says why when one is asked for.
HIDDEN = {"draft.md", "expired.md", "not-yet.md"}


def _found(library: Library) -> dict[str, list[tuple[int, Severity, str]]]:
    found: dict[str, list[tuple[int, Severity, str]]] = {}
    for item in library.check_all():
        name = item.path.relative_to(DATA / "bad").as_posix()
        found.setdefault(name, []).append((item.line, item.severity, item.message))
    return found


def test_problems_on_one_line_each_have_their_column(bad_library: Library) -> None:
    for name, places in COLUMNS.items():
        got = sorted(
            (d.line, d.column) for d in bad_library.check_all() if d.path == DATA / "bad" / name
        )
        assert got == places, name


def test_one_file_nested_too_deep_hides_no_other_file(bad_library: Library) -> None:
    found = _found(bad_library)
    assert {"deep-list.md", "deep-quote.md", "deep-html.md", "broken-link.md"} <= set(found)
    page = bad_library.get("deep-list", "en")
    assert page is not None
    html = bad_library.render(page).html
    assert "level 299" in html and "After the list." in html
    assert html.count("<ul>") <= 9  # flattened at the ninth level


def test_hidden_pages_say_why(bad_library: Library) -> None:
    assert bad_library.get("draft", "en") is None
    assert "draft" in bad_library.hidden_reason("draft")
    assert "expired on 2021-01-01" in bad_library.hidden_reason("expired")
    assert "2099-01-01" in bad_library.hidden_reason("not-yet")
    assert bad_library.hidden_reason("good") == ""


def test_every_file_in_the_corpus_is_listed_here() -> None:
    files = {p.relative_to(DATA / "bad").as_posix() for p in (DATA / "bad").rglob("*.md")}
    assert files == set(EXPECTED)


def test_each_problem_is_reported_at_its_file_line_and_severity(bad_library: Library) -> None:
    found = _found(bad_library)
    for name, expected in EXPECTED.items():
        got = found.get(name, [])
        count = len(COLUMNS[name]) if name in COLUMNS else len(expected)  # repeats count too
        assert len(got) == count, f"{name}: {got}"
        for line, severity, words in expected:
            assert any(
                (g_line, g_sev) == (line, severity) and words in g_msg
                for g_line, g_sev, g_msg in got
            ), f"{name}: expected {line} {severity.value} '{words}', got {got}"


def test_files_with_errors_are_skipped_and_the_rest_still_load(bad_library: Library) -> None:
    errors = {n for n, items in EXPECTED.items() if any(s is E for _, s, _ in items)}
    loaded = {page.file.relative_to(DATA / "bad").as_posix() for page in bad_library.pages}
    assert loaded.isdisjoint(errors)
    assert loaded == set(EXPECTED) - errors - {"duplicate.md"} - HIDDEN


def test_pages_with_warnings_still_render(bad_library: Library) -> None:
    page = bad_library.get("remote-image", "en")
    assert page is not None
    html = bad_library.render(page).html
    assert "Here is a picture" in html
    assert "example.org" not in html


def test_a_line_of_yaml_context_points_at_the_real_mistake(bad_library: Library) -> None:
    (message,) = [d.message for d in bad_library.diagnostics if d.path.name == "bad-yaml.md"]
    assert "at line 3" in message


def test_messages_are_in_compiler_style(bad_library: Library) -> None:
    item = next(d for d in bad_library.diagnostics if d.path.name == "wrong-type.md")
    assert str(item) == (
        f"{DATA / 'bad' / 'wrong-type.md'}:6: warning: 'weight' should be a whole number; ignored"
    )
