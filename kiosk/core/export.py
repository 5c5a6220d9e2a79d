"""``kiosk export``: the whole library as a static website, the pages behind the QR codes.

Each page is written where its QR code points (``share.page_path``:
``OUT/LANG/ID/index.html``), beside ``OUT/LANG/index.html`` (the pages by
section) and ``OUT/index.html`` (choose a language). Pictures are copied into
``OUT/media/``; links between files are relative. A hospital copies the folder
to its web server under ``share_base_url`` and every code works.

The folder is rewritten as a whole: files a previous export wrote (listed in
``OUT/.kiosk-export``) are removed first, so a page taken out of the library goes
from the site too. A folder with other files and no such list is refused.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote, urlsplit

from kiosk.core import languages, sanitize, share, site_html, trust
from kiosk.core.config import Config
from kiosk.core.library import Library
from kiosk.core.model import GUIDE, Image, Page

Words = Callable[[str, str], str]  # the kiosk's words: (key, language) → text

MANIFEST = ".kiosk-export"
STYLE_SHEET = "site.css"
MEDIA = "media"


class ExportError(Exception):
    """The site cannot be written; the message says why, for IT staff."""


@dataclass
class Result:
    """What was written: the pages' files (site paths) and every file, and any warnings."""

    pages: dict[tuple[str, str], str] = field(default_factory=dict)  # (id, lang) → path
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def export(
    library: Library,
    out: Path,
    *,
    config: Config,
    words: Words,
    style_sheet: Path,
    base_url: str = "",
) -> Result:
    """Write the site into ``out``. Raises ExportError for a folder it must not touch."""
    _prepare(out)
    site = _Site(library, out, config, words)
    shown = [code for code in config.languages if code in library.languages]
    result = Result()
    for lang in shown:
        for page in library.in_language(lang):
            result.pages[page.key] = site.write_page(page, shown)
            if page.share_url:
                result.warnings.append(
                    f"{page.file}:{page.lines.line('share_url')}: warning: its QR code "
                    f"points at its own share_url ({page.share_url}), not into this site"
                )
        site.write_home(lang, shown)
    site.write_chooser(shown)
    site.write(STYLE_SHEET, style_sheet.read_bytes())
    if base_url:  # every address the kiosk's codes show, for a search engine or a check
        lines = [share.address(page, base_url) for page in library.pages if page.lang in shown]
        site.write("sitemap.txt", ("\n".join(lines) + "\n").encode())
    site.copy_media()
    result.files = sorted(site.written)
    (out / MANIFEST).write_text("\n".join(result.files) + "\n", encoding="utf-8")
    return result


def _prepare(out: Path) -> None:
    """Make ``out`` ready: new, empty, or a previous export (whose files go)."""
    if out.exists() and not out.is_dir():
        raise ExportError(f"--out {out} is a file, not a folder")
    if not out.exists():
        try:
            out.mkdir(parents=True)
        except OSError as exc:
            raise ExportError(f"cannot make --out {out}: {exc.strerror or exc}") from None
        return
    manifest = out / MANIFEST
    if not manifest.is_file():
        if any(out.iterdir()):
            raise ExportError(
                f"--out {out} is not empty and holds no previous export: "
                "choose an empty or a new folder"
            )
        return
    for line in manifest.read_text(encoding="utf-8").splitlines():
        relative = PurePosixPath(line)
        if not line or relative.is_absolute() or ".." in relative.parts:
            continue
        (out / relative).unlink(missing_ok=True)
    for folder, _, _ in sorted(os.walk(out), key=lambda item: -len(item[0])):
        if Path(folder) != out and not any(Path(folder).iterdir()):
            Path(folder).rmdir()


class _Site:
    """Writes files and keeps track of them and of the pictures to copy."""

    def __init__(self, library: Library, out: Path, config: Config, words: Words) -> None:
        self.library, self.out, self.config, self.words = library, out, config, words
        self.written: set[str] = set()
        self.media: dict[Path, str] = {}  # picture file → its site path
        roots = library.roots
        self._media_roots = (
            (roots.assets.resolve(), f"{MEDIA}/assets"),
            (roots.content.resolve(), f"{MEDIA}/content"),
        )

    # --- files -------------------------------------------------------------------

    def write(self, path: str, data: bytes) -> None:
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        self.written.add(path)

    def copy_media(self) -> None:
        for source, path in self.media.items():
            target = self.out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            self.written.add(path)

    # --- addresses -----------------------------------------------------------------

    def page_file(self, page: Page) -> str:
        return share.page_path(page) + "index.html"

    def media_path(self, file: Path) -> str | None:
        resolved = file.resolve()
        if resolved in self.media:
            return self.media[resolved]
        for root, folder in self._media_roots:
            if resolved.is_relative_to(root) and resolved.is_file():
                path = f"{folder}/{resolved.relative_to(root).as_posix()}"
                self.media[resolved] = path
                return path
        return None

    @staticmethod
    def href(up: str, path: str) -> str:
        return up + quote(path, safe="/-._~")

    # --- pages ----------------------------------------------------------------------

    def frame(
        self, page_lang: str, title: str, up: str, shown: list[str], others: dict[str, str]
    ) -> site_html.Frame:
        names = {lang.code: lang.native_name for lang in languages.all_languages()}
        switch = [
            (code, names.get(code, code), None if code == page_lang else others.get(code))
            for code in shown
            if code == page_lang or code in others
        ]
        home_text = self.config.name(self.config.kiosk_name, page_lang)
        home = site_html.Link(self.href(up, f"{page_lang}/index.html"), home_text)
        return site_html.Frame(page_lang, title, up, home, switch)

    def write_page(self, page: Page, shown: list[str]) -> str:
        path = self.page_file(page)
        up = "../" * (path.count("/"))
        word = self._word(page.lang)
        others = {
            code: self.href(up, self.page_file(other))
            for code, other in self.library.translations(page).items()
            if code in shown and code != page.lang
        }
        title = f"{page.title} · {self.config.name(self.config.kiosk_name, page.lang)}"
        frame = self.frame(page.lang, title, up, shown, others)
        rendered = self.library.render(page)
        steps: list[site_html.StepPart] = []
        body = rendered.html
        if page.type == GUIDE and rendered.steps:
            body = rendered.intro_html
            steps = [
                site_html.StepPart(
                    step.title, self.picture(step.image, up), self.links(step.html, page, up)
                )
                for step in rendered.steps
            ]
        reads = [
            site_html.Link(self.href(up, self.page_file(other)), other.title)
            for other in self.library.related(page)
        ]
        text = site_html.page(
            frame,
            page,
            word=word,
            cover=self.picture(page.cover, up),
            body=self.links(body, page, up),
            steps=steps,
            doctor=self.links(rendered.doctor_html, page, up),
            trust=trust.rows(page, word),
            next_reads=reads,
        )
        self.write(path, text.encode())
        return path

    def picture(self, image: Image | None, up: str) -> site_html.Picture | None:
        if image is None:
            return None
        path = self.media_path(image.path)
        return site_html.Picture(self.href(up, path), image.alt) if path else None

    def links(self, html: str, page: Page, up: str) -> str:
        """The library's sanitized HTML with its pictures and page links made relative."""

        def relative(element: str, attribute: str, value: str) -> str | None:
            if attribute == "src":
                parts = urlsplit(value)
                path = (
                    self.media_path(Path(unquote(parts.path))) if parts.scheme == "file" else None
                )
                return self.href(up, path) if path else None
            if attribute == "href":
                if value.startswith("#"):
                    return value
                if value.startswith("page:"):
                    page_id, _, fragment = value[len("page:") :].partition("#")
                    target = self.library.get(page_id, page.lang)
                    if target is None:
                        return None
                    return self.href(up, self.page_file(target)) + (
                        f"#{fragment}" if fragment else ""
                    )
                return None
            return value

        return sanitize.clean(html, relative)  # the kiosk's own allowlist, addresses made relative

    def write_home(self, lang: str, shown: list[str]) -> None:
        up = "../"
        others = {code: f"{up}{code}/index.html" for code in shown if code != lang}
        name = self.config.name(self.config.kiosk_name, lang)
        frame = self.frame(lang, name, up, shown, others)
        pages = self.library.in_language(lang)
        sections: dict[str, list[site_html.Card]] = {}
        guides = self._word(lang)("guides")
        for page in pages:
            if page.type == GUIDE:
                heading = guides
            else:
                heading = self.library.section_title(page.section, lang) or self._word(lang)(
                    "sections"
                )
            card = site_html.Card(
                self.href(up, self.page_file(page)),
                page.title,
                page.summary,
                self.picture(page.cover, up),
                page.type == GUIDE,
            )
            sections.setdefault(heading, []).append(card)
        if guides in sections:  # guides first, as on the kiosk's home screen
            sections = {guides: sections.pop(guides), **sections}
        hospital = self.config.name(self.config.hospital_name, lang)
        text = site_html.home(frame, name, hospital, list(sections.items()))
        self.write(f"{lang}/index.html", text.encode())

    def write_chooser(self, shown: list[str]) -> None:
        names = {lang.code: lang.native_name for lang in languages.all_languages()}
        first = shown[0] if shown else self.config.default_language
        heading = " · ".join(
            dict.fromkeys(self.config.name(self.config.kiosk_name, c) for c in shown)
        )
        frame = site_html.Frame(first, heading, "", None, [])
        choices = [
            (
                code,
                names.get(code, code),
                self.config.name(self.config.hospital_name, code),
                f"{code}/index.html",
            )
            for code in shown
        ]
        self.write("index.html", site_html.chooser(frame, heading, choices).encode())

    def _word(self, lang: str) -> Callable[[str], str]:
        return lambda key: self.words(key, lang)
