"""Markdown written for GitHub, Hugo or MkDocs, made into Markdown the kiosk renders.

Hospitals bring pages written for other tools. Line by line, before Python-Markdown
sees the text, this module:

- renders Hugo shortcodes: ``notice``/``hint``/``alert``... become callouts,
  ``figure`` a picture with its caption, ``ref``/``relref`` links to the page,
  ``details``/``expand`` a titled box, ``tabs``/``tab`` titled paragraphs and
  ``highlight`` a code block; every other shortcode is removed (the text between
  a pair is kept) with a diagnostic at its line and column;
- turns MkDocs collapsibles (``??? note``) into open boxes and flattens content
  tabs (``=== "Tab"``) into a bold title over the tab's text;
- turns GitHub alerts (``> [!NOTE]``) into callouts;
- turns raw ``<img>`` and ``<a href>`` into Markdown images and links, so they are
  checked and shown the same way, and replaces ``<iframe>``, ``<video>``... by a
  quiet note;
- lets Markdown inside HTML blocks (``<div>`` ... ``</div>``) be Markdown;
- flattens lists and quotes nested deeper than ``MAX_DEPTH`` and drops HTML
  containers nested deeper than ``MAX_HTML_DEPTH``, so no page can exhaust the
  parser's stack.

Every output line remembers the body line it came from, so diagnostics point at
the author's own line. Fenced code is left alone.
"""

from __future__ import annotations

import html
import re
import shlex
from dataclasses import dataclass, field
from urllib.parse import quote

MAX_DEPTH = 8  # list and quote levels; more is flattened
MAX_HTML_DEPTH = 16  # nested HTML containers; more are dropped (their text stays)

DROPPED = "kiosk-dropped:"  # an image source the renderer turns into a quiet note
REF = "kiosk-ref:"  # a link target the renderer looks up like Hugo's ref

_FENCE = re.compile(r"^\s*(```|~~~)")
_SHORTCODE = re.compile(r"\{\{([<%])(.*?)([>%])\}\}")
_TAB = re.compile(r"^(\s*)===\+?\s+\"(.*?)\"\s*$")
_COLLAPSIBLE = re.compile(r"^(\s*)\?\?\?\+?(?=\s)")
_ALERT = re.compile(r"^>\s*\[!(note|tip|important|warning|caution)\]\s*$", re.IGNORECASE)
_QUOTED = re.compile(r"^\s*>\s?(.*)$")
_TOC = re.compile(r"^\s*\[TOC\]\s*$")
_QUOTES = re.compile(r"^(\s*>)+")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_IMG = re.compile(r"<img\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)/?>", re.IGNORECASE)
_A = re.compile(r"<a\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</a\s*>", re.IGNORECASE)
_EMBED = re.compile(
    r"<(iframe|video|audio|embed|object)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.IGNORECASE,
)
_ATTRIBUTE = re.compile(r"([\w:-]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))")
_CONTAINERS = "div|section|article|aside|details|header|footer|main|nav|center|figure|blockquote"
_CONTAINER_TAG = re.compile(
    rf"<(/?)({_CONTAINERS}|p)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>", re.IGNORECASE
)
_BLOCK_START = re.compile(rf"^<({_CONTAINERS}|p)\b", re.IGNORECASE)

# Shortcodes shown as a callout, and the box kind each gives when none is named.
CALLOUTS = {
    "notice": "note",
    "hint": "note",
    "alert": "note",
    "callout": "note",
    "admonition": "note",
    "note": "note",
    "info": "note",
    "tip": "tip",
    "warning": "warning",
    "caution": "caution",
    "danger": "danger",
    "important": "note",
    "details": "note",
    "expand": "note",
}
_NAMED_KIND = ("notice", "hint", "alert", "callout", "admonition")
_QUIET = frozenset({"toc", "tabs"})  # no meaning here; removed without a word
_FIGURES = frozenset({"figure", "img", "image"})


@dataclass
class Prepared:
    """The rewritten lines, the body line (from 0) each came from, and problems found."""

    lines: list[str] = field(default_factory=list)
    origin: list[int] = field(default_factory=list)
    problems: list[tuple[int, int, str]] = field(default_factory=list)  # (line, column, text)

    def add(self, text: str, line: int) -> None:
        self.lines.append(text)
        self.origin.append(line)

    def problem(self, line: int, column: int, message: str) -> None:
        self.problems.append((line, column, message))


@dataclass(frozen=True)
class _Code:
    """One shortcode found in the text."""

    line: int
    start: int
    closing: bool
    name: str
    args: tuple[str, ...]
    named: dict[str, str]


def prepare(source: list[str]) -> Prepared:
    """Rewrite ``source`` (a page body's lines). Never raises for bad content."""
    return _Preparer(source).run()


class _Preparer:
    def __init__(self, source: list[str]) -> None:
        self.source = source
        self.out = Prepared()
        self.paired = _pairs(source)
        self.tabs: list[int] = []
        self.alert = False
        self.html_depth = 0
        self.html_excess = 0
        self.deep_reported = False
        self.html_reported = False
        self.skip_embed: str | None = None  # the closing tag of a multi-line <iframe>
        self.highlight = False

    def run(self) -> Prepared:
        fenced = False
        for index, line in enumerate(self.source):
            if self.highlight:
                found = _SHORTCODE.search(line)
                code = _parse(index, found) if found else None
                if code is not None and code.closing and code.name.lower() == "highlight":
                    self.highlight = False
                    self.out.add("```", index)
                else:
                    self.out.add(_unescape_shortcodes(line), index)
                continue
            if fenced or _FENCE.match(line):
                if _FENCE.match(line):
                    fenced = not fenced
                self.out.add(_unescape_shortcodes(line), index)
                continue
            if self.skip_embed is not None:
                end = line.lower().find(self.skip_embed)
                if end < 0:
                    self.out.add("", index)
                    continue
                self.skip_embed = None
                line = line[end:].split(">", 1)[-1]
            for text in self._lines(index, line):
                self.out.add(text, index)
        return self.out

    # --- one line outside code ----------------------------------------------------

    def _lines(self, index: int, line: str) -> list[str]:
        line = self._tabs(index, line)
        if self.alert:
            quoted = _QUOTED.match(line)
            if quoted:
                return ["    " + quoted.group(1)]
            self.alert = False
        alert = _ALERT.match(line)
        if alert:
            self.alert = True
            return [f"!!! {alert.group(1).lower()}"]
        if _TOC.match(line):
            return [""]
        line = _COLLAPSIBLE.sub(r"\1!!!", line)
        line = self._depth(index, line)
        line = _outside_code(line, lambda text, offset: self._html(index, text, offset))
        line = self._containers(index, line)
        return self._shortcodes(index, line)

    def _tabs(self, index: int, line: str) -> str:
        """MkDocs content tabs: the title in bold, the tab's text no longer indented."""
        if not line.strip():
            return line
        indent = _indent_width(line)
        while self.tabs and indent <= self.tabs[-1]:
            self.tabs.pop()
        line = _dedent(line, 4 * len(self.tabs))
        tab = _TAB.match(line)
        if tab:
            self.tabs.append(indent)
            return f"{tab.group(1)}**{tab.group(2)}**"
        return line

    def _depth(self, index: int, line: str) -> str:
        quotes = _QUOTES.match(line)
        deep = False
        if quotes and quotes.group(0).count(">") > MAX_DEPTH:
            line = "> " * MAX_DEPTH + line[quotes.end() :].lstrip()
            deep = True
        elif line.strip() and _indent_width(line) > 4 * MAX_DEPTH:
            line = " " * (4 * MAX_DEPTH) + line.lstrip()
            deep = True
        if deep and not self.deep_reported:
            self.deep_reported = True
            self.out.problem(
                index,
                0,
                f"lists or quotes nested more than {MAX_DEPTH} levels deep: the deeper "
                "levels are shown flattened",
            )
        elif not deep:
            self.deep_reported = False
        return line

    # --- raw HTML -----------------------------------------------------------------

    def _html(self, index: int, text: str, offset: int) -> str:
        def embed(match: re.Match[str]) -> str:
            tag = match.group(1).lower()
            attributes = _attributes(match.group(2))
            src = attributes.get("src") or attributes.get("data") or ""
            what = f"'{src}'" if src else f"<{tag}>"
            kind = "audio" if tag == "audio" else "video"
            self.out.problem(
                index,
                offset + match.start() + 1,
                f"embedded {tag} {what} cannot be shown on the kiosk: removed "
                "(a note in the page says so)",
            )
            rest = text[match.end() :].lower()
            closing = f"</{tag}"
            if tag not in ("embed",) and closing not in rest:
                self.skip_embed = closing
            return f"![]({DROPPED}{kind})"

        def image(match: re.Match[str]) -> str:
            attributes = _attributes(match.group(1))
            src = attributes.get("src", "").strip()
            if not src:
                self.out.problem(index, offset + match.start() + 1, "<img> with no 'src' removed")
                return ""
            alt = _escape_brackets(attributes.get("alt", ""))
            return f"![{alt}](<{src}>)"

        def link(match: re.Match[str]) -> str:
            href = _attributes(match.group(1)).get("href", "").strip()
            inner = match.group(2)
            return f"[{inner}](<{href}>)" if href and inner.strip() else inner

        text = _EMBED.sub(embed, text)
        text = re.sub(r"</(iframe|video|audio|object)\s*>", "", text, flags=re.IGNORECASE)
        text = _IMG.sub(image, text)
        return _A.sub(link, text)

    def _containers(self, index: int, line: str) -> str:
        """Markdown inside HTML blocks; containers nested too deep are dropped."""

        def tag(match: re.Match[str]) -> str:
            closing = match.group(1) == "/"
            if match.group(2).lower() == "p":  # often left open: not counted
                whole = match.group(0)
                if not closing and match.start() == 0 and "markdown=" not in whole.lower():
                    return whole[:-1] + ' markdown="1">'
                return whole
            if closing:
                if self.html_excess:
                    self.html_excess -= 1
                    return ""
                self.html_depth = max(0, self.html_depth - 1)
                return match.group(0)
            if match.group(0).endswith("/>"):
                return match.group(0)
            if self.html_depth >= MAX_HTML_DEPTH:
                self.html_excess += 1
                if not self.html_reported:
                    self.html_reported = True
                    self.out.problem(
                        index,
                        match.start() + 1,
                        f"HTML nested more than {MAX_HTML_DEPTH} levels deep: the deeper "
                        "levels are left out (their text still shows)",
                    )
                return ""
            self.html_depth += 1
            whole = match.group(0)
            if match.start() == 0 and _BLOCK_START.match(line) and "markdown=" not in whole.lower():
                return whole[:-1] + ' markdown="1">'
            return whole

        if "<" not in line:
            return line
        return _CONTAINER_TAG.sub(tag, line)

    # --- Hugo shortcodes ----------------------------------------------------------

    def _shortcodes(self, index: int, line: str) -> list[str]:
        if "{{" not in line:
            return [line]
        lines: list[str] = []
        current = ""
        position = 0
        ordinal = 0
        for match in _SHORTCODE.finditer(line):
            current += line[position : match.start()]
            position = match.end()
            escaped = _escaped(match)
            if escaped is not None:
                current += escaped
                continue
            code = _parse(index, match)
            if code is None:
                current += match.group(0)
                continue
            paired, column = self.paired.get((index, ordinal), (False, match.start()))
            ordinal += 1
            before, replacement, after = self._shortcode(code, current, paired, column + 1)
            current = before
            if replacement is None:
                continue
            if isinstance(replacement, str):
                current += replacement
                continue
            lines.append(current)
            lines.extend(replacement[:-1])
            current = replacement[-1] + after
        current += line[position:]
        lines.append(current)
        return lines

    def _shortcode(
        self, code: _Code, before: str, paired: bool, column: int
    ) -> tuple[str, str | list[str] | None, str]:
        """What a shortcode becomes: text in the line, or lines (the last one goes on)."""
        name = code.name.lower()
        if name in ("ref", "relref"):
            target = code.named.get("path") or (code.args[0] if code.args else "")
            url = REF + quote(target, safe="/#.-_~")
            if re.search(r"\]\(\s*<?$", before):
                return before, url, ""
            return before, f"[]({url})", ""  # the page's title goes in
        if name in _FIGURES and not code.closing:
            src = code.named.get("src") or (code.args[0] if code.args else "")
            caption = code.named.get("caption") or code.named.get("title") or ""
            alt = _escape_brackets(code.named.get("alt") or caption)
            picture = f"![{alt}](<{src}>)"
            if caption:
                return before, [picture + "  ", f"*{caption}*"], ""
            return before, picture, ""
        if name in CALLOUTS and paired:
            if code.closing:
                return before, ["", "</div>", ""], ""
            kind = CALLOUTS[name]
            if name in _NAMED_KIND and code.args:
                kind = code.args[0]
            for key in ("type", "color", "style", "theme", "context"):
                kind = code.named.get(key, kind)
            title = code.named.get("title") or code.named.get("summary") or ""
            if name in ("details", "expand") and not title and code.args:
                title = code.args[0]
            attributes = f'class="admonition {html.escape(kind.lower())}"'
            if title:
                attributes += f' data-kiosk-title="{html.escape(title)}"'
            return before, ["", f'<div {attributes} markdown="1">', ""], ""
        if name == "tab":
            if code.closing:
                return before, ["", ""], ""
            title = (
                code.named.get("name")
                or code.named.get("title")
                or (code.args[0] if code.args else "")
            )
            return before, ["", f"**{title}**" if title else "", ""], ""
        if name == "highlight" and not code.closing:
            self.highlight = True
            language = code.args[0] if code.args else ""
            return before, ["", f"```{language}"], ""
        if name in _QUIET:
            return before, None, ""
        if code.closing:
            return before, None, ""  # its opening was reported
        kept = "; the text inside it is kept" if paired else ""
        self.out.problem(
            code.line,
            column,
            f"Hugo shortcode '{code.name}' is not supported on the kiosk: removed{kept}",
        )
        return before, None, ""


def _parse(line: int, match: re.Match[str]) -> _Code | None:
    inner = match.group(2).strip()
    closing = inner.startswith("/")
    inner = inner.lstrip("/").strip().rstrip("/").strip()
    name = re.match(r"[\w.-]+", inner)
    if name is None:
        return None
    rest = inner[name.end() :]
    try:
        tokens = shlex.split(rest, posix=True)
    except ValueError:
        tokens = rest.split()
    args: list[str] = []
    named: dict[str, str] = {}
    for token in tokens:
        key, equals, value = token.partition("=")
        if equals and re.fullmatch(r"[\w-]+", key):
            named[key.lower()] = value
        else:
            args.append(token)
    return _Code(line, match.start(), closing, name.group(0), tuple(args), named)


def _escaped(match: re.Match[str]) -> str | None:
    """Hugo's way to show a shortcode as text: ``{{</* notice */>}}``."""
    inner = match.group(2).strip()
    if inner.startswith("/*") and inner.endswith("*/"):
        return "{{" + match.group(1) + " " + inner[2:-2].strip() + " " + match.group(3) + "}}"
    return None


def _unescape_shortcodes(line: str) -> str:
    if "{{" not in line:
        return line
    return _SHORTCODE.sub(lambda m: _escaped(m) or m.group(0), line)


def _pairs(source: list[str]) -> dict[tuple[int, int], tuple[bool, int]]:
    """For the n-th shortcode of each line: whether it has a partner (an opening its
    closing, a closing its opening), and its place in the author's line."""
    found: dict[tuple[int, int], tuple[bool, int]] = {}
    stacks: dict[str, list[tuple[int, int]]] = {}
    fenced = False
    for index, line in enumerate(source):
        if _FENCE.match(line):
            fenced = not fenced
        if fenced or "{{" not in line:
            continue
        ordinal = 0
        for match in _SHORTCODE.finditer(line):
            if _escaped(match) is not None:
                continue
            code = _parse(index, match)
            if code is None:
                continue
            key = (index, ordinal)
            ordinal += 1
            name = code.name.lower()
            found[key] = (False, match.start())
            if code.closing:
                opened = stacks.get(name)
                if opened:
                    other = opened.pop()
                    found[other] = (True, found[other][1])
                    found[key] = (True, match.start())
            else:
                stacks.setdefault(name, []).append(key)
    return found


def _outside_code(line: str, change: object) -> str:
    """Apply ``change(text, offset)`` to the parts of ``line`` outside code spans."""
    if "<" not in line:
        return line
    assert callable(change)
    parts: list[str] = []
    position = 0
    for span in _CODE_SPAN.finditer(line):
        parts.append(change(line[position : span.start()], position))
        parts.append(span.group(0))
        position = span.end()
    parts.append(change(line[position:], position))
    return "".join(parts)


def _attributes(text: str) -> dict[str, str]:
    return {
        m.group(1).lower(): html.unescape(next(g for g in m.groups()[1:] if g is not None))
        for m in _ATTRIBUTE.finditer(text)
    }


def _escape_brackets(text: str) -> str:
    return text.replace("[", "\\[").replace("]", "\\]")


def _indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _dedent(line: str, columns: int) -> str:
    """``line`` with up to ``columns`` of its leading white space removed."""
    if columns <= 0:
        return line
    width = _indent_width(line)
    stripped = line.lstrip(" \t")
    return " " * max(0, width - columns) + stripped
