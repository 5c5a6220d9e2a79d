"""The exported site's HTML: a page, a language's home list, and the language chooser.

Plain, mobile-first HTML5 with one style sheet, no script and nothing from
elsewhere; every link is relative (``up`` is the way from a file to the site's
top), so the folder works from any web path and from ``file://``. Page bodies
are the library's sanitized HTML with their links already made relative.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from kiosk.core.model import Page
from kiosk.core.teachback import Question

Word = Callable[[str], str]  # the kiosk's words in the page's language, by key

# No script may run and nothing may load from elsewhere, even if a page tried.
_POLICY = (
    "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'"
)


@dataclass(frozen=True)
class Link:
    """A link's relative address and its text."""

    href: str
    text: str


@dataclass(frozen=True)
class Picture:
    src: str
    alt: str


@dataclass(frozen=True)
class StepPart:
    """A guide's step: its title, picture and sanitized text."""

    title: str
    picture: Picture | None
    html: str


@dataclass(frozen=True)
class Card:
    """A page in a home list."""

    href: str
    title: str
    summary: str
    picture: Picture | None
    guide: bool


@dataclass(frozen=True)
class Frame:
    """What every file of the site has: language, title, the way up, the language switch."""

    lang: str
    title: str
    up: str  # "../../" from a page three folders down
    home: Link | None  # this language's list of pages (None: no bar, on the front door)
    languages: Sequence[tuple[str, str, str | None]]  # code, name, href (None: this one)


def document(frame: Frame, main: str) -> str:
    """A whole HTML file around ``main``."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(frame.lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_POLICY}">\n'
        f"<title>{escape(frame.title)}</title>\n"
        f'<link rel="stylesheet" href="{frame.up}site.css">\n</head>\n<body>\n'
        f"{_bar(frame)}<main>\n{main}</main>\n</body>\n</html>\n"
    )


def _bar(frame: Frame) -> str:
    if frame.home is None:
        return ""
    links = []
    for code, name, href in frame.languages:
        if href is None:
            links.append(f'<span lang="{escape(code)}" aria-current="true">{escape(name)}</span>')
        else:
            links.append(
                f'<a href="{escape(href)}" lang="{escape(code)}" hreflang="{escape(code)}">'
                f"{escape(name)}</a>"
            )
    switch = f'<nav class="langs">{"".join(links)}</nav>' if len(links) > 1 else ""
    home = f'<a class="home" href="{escape(frame.home.href)}">{escape(frame.home.text)}</a>'
    return f'<header class="bar">{home}{switch}</header>\n'


def _picture(picture: Picture | None, css: str) -> str:
    if picture is None:
        return ""
    return f'<img class="{css}" src="{escape(picture.src)}" alt="{escape(picture.alt)}">\n'


def page(
    frame: Frame,
    page: Page,
    *,
    word: Word,
    cover: Picture | None,
    body: str,
    steps: Sequence[StepPart],
    doctor: str,
    trust: Sequence[str],
    next_reads: Sequence[Link],
) -> str:
    """An article, or a guide with its numbered steps, as one page."""
    parts = [f"<article>\n<h1>{escape(page.title)}</h1>\n", _picture(cover, "cover")]
    parts.append(f'<div class="text">\n{body}\n</div>\n')
    if steps:
        parts.append('<ol class="steps">\n')
        for number, step in enumerate(steps, start=1):
            parts.append(
                f'<li>\n<h2><span class="number">{number}</span> {escape(step.title)}</h2>\n'
                f"{_picture(step.picture, 'step')}"
                f'<div class="text">\n{step.html}\n</div>\n</li>\n'
            )
        parts.append("</ol>\n")
    if doctor:
        parts.append(f'<div class="doctor">\n{doctor}\n</div>\n')
    if page.questions:
        parts.append(_questions(page.questions, word))
    parts.append('<footer class="trust">\n')
    parts.extend(f"<p>{escape(row)}</p>\n" for row in trust)
    parts.append(f'<p class="disclaimer">{escape(word("disclaimer"))}</p>\n</footer>\n')
    parts.append("</article>\n")
    if next_reads:
        parts.append(f'<nav class="next">\n<h2>{escape(word("read_next"))}</h2>\n<ul>\n')
        parts.extend(
            f'<li><a href="{escape(link.href)}">{escape(link.text)}</a></li>\n'
            for link in next_reads
        )
        parts.append("</ul>\n</nav>\n")
    return document(frame, "".join(parts))


def _questions(questions: Sequence[Question], word: Word) -> str:
    """Check your understanding: each answer and its explanation behind a tap, no script."""
    parts = [f'<section class="check">\n<h2>{escape(word("check"))}</h2>\n<ol>\n']
    for question in questions:
        choices = question.choices or (word("true"), word("false"))
        listed = "".join(f"<li>{escape(choice)}</li>" for choice in choices)
        answer = word("the_answer").format(answer=choices[question.answer])
        parts.append(
            f'<li>\n<p class="question">{escape(question.prompt)}</p>\n'
            f'<ul class="choices">{listed}</ul>\n'
            f"<details>\n<summary>{escape(word('see_answer'))}</summary>\n"
            f"<p><strong>{escape(answer)}</strong></p>\n"
            f"<p>{escape(question.explanation)}</p>\n</details>\n</li>\n"
        )
    parts.append("</ol>\n</section>\n")
    return "".join(parts)


def home(
    frame: Frame, heading: str, hospital: str, sections: Sequence[tuple[str, Sequence[Card]]]
) -> str:
    """A language's home: who we are, then every page by section, as the kiosk lists them."""
    parts = [f'<h1>{escape(heading)}</h1>\n<p class="hospital">{escape(hospital)}</p>\n']
    for title, cards in sections:
        parts.append(f'<section>\n<h2>{escape(title)}</h2>\n<ul class="cards">\n')
        for card in cards:
            parts.append(
                f'<li><a href="{escape(card.href)}">{_picture(card.picture, "thumb")}'
                f'<span class="title">{escape(card.title)}</span>'
                + (f'<span class="summary">{escape(card.summary)}</span>' if card.summary else "")
                + "</a></li>\n"
            )
        parts.append("</ul>\n</section>\n")
    return document(frame, "".join(parts))


def chooser(frame: Frame, heading: str, choices: Sequence[tuple[str, str, str, str]]) -> str:
    """The site's front door: each language's name, in itself, leading to its home.

    ``choices`` are (code, language name, the hospital's name in it, href).
    """
    parts = [f"<h1>{escape(heading)}</h1>\n", '<ul class="choose">\n']
    for code, name, title, href in choices:
        parts.append(
            f'<li lang="{escape(code)}"><a href="{escape(href)}">'
            f'<span class="title">{escape(name)}</span>'
            f'<span class="summary">{escape(title)}</span></a></li>\n'
        )
    parts.append("</ul>\n")
    return document(frame, "".join(parts))
