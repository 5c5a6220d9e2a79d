"""``kiosk export``: the static site behind the QR codes, checked as a browser would use it."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest

from kiosk import cli, resources
from kiosk.core import loader, share
from tests.conftest import REPO, run_python, write
from tests.unit.test_cli import BLOCK_QT

BASE = "https://hospital.example/kiosk/"


class Links(HTMLParser):
    """Every src and href in a file, and whether it has a script."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []  # tag, attribute, value
        self.tags: list[str] = []
        self.switch: dict[str, str] = {}  # hreflang → href

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = {name: value or "" for name, value in attrs}
        for name in ("src", "href"):
            if name in values:
                self.refs.append((tag, name, values[name]))
        if tag == "a" and "hreflang" in values:
            self.switch[values["hreflang"]] = values["href"]


def _parse(file: Path) -> Links:
    links = Links()
    links.feed(file.read_text(encoding="utf-8"))
    return links


def _target(file: Path, ref: str) -> Path:
    return (file.parent / unquote(urlsplit(ref).path)).resolve()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site") / "out"
    config = out.parent / "kiosk.toml"
    config.write_text("", encoding="utf-8")
    status = cli.main([
        "export", "--content", str(REPO / "content"), "--config", str(config),
        "--out", str(out), "--base-url", BASE,
    ])  # fmt: skip
    assert status == 0
    return out


def _html_files(site: Path) -> Iterator[Path]:
    yield from sorted(site.rglob("*.html"))


def test_every_page_in_every_language_is_where_its_qr_code_points(site: Path) -> None:
    library = loader.load(REPO / "content", resources.assets_dir())
    assert library.ids  # the same Library kiosk check reads
    for lang in ("zh-CN", "en"):
        ids = {page.id for page in library.in_language(lang)}
        assert ids == library.ids, f"{lang} lacks pages"
        for page in library.in_language(lang):
            address = share.address(page, BASE)
            relative = address.removeprefix(BASE)
            assert (site / unquote(relative) / "index.html").is_file(), address
    exported = {
        str(PurePosixPath(*path.relative_to(site).parts[1:-1]))
        for path in site.glob("*/**/index.html")
        if path.parent.parent != site
    }
    assert exported == library.ids  # nothing more, nothing less
    assert (site / "index.html").is_file()
    assert (site / "zh-CN" / "index.html").is_file() and (site / "en" / "index.html").is_file()


def test_kiosk_check_and_export_agree_on_every_page_id(
    site: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check", str(REPO / "content")]) == 0
    summary = capsys.readouterr().out.strip().splitlines()[-1]
    pages = {
        p.parent.relative_to(site / "en").as_posix() for p in (site / "en").rglob("*/index.html")
    }
    assert summary.startswith(f"{len(pages)} pages in 2 languages")


def test_the_site_runs_no_script_and_loads_nothing_from_elsewhere(site: Path) -> None:
    for file in _html_files(site):
        text = file.read_text(encoding="utf-8")
        assert "<script" not in text.lower(), file
        links = _parse(file)
        for tag, _, value in links.refs:
            if tag == "a":
                continue  # a link a reader follows is not a resource
            assert not urlsplit(value).scheme and not value.startswith("//"), (file, value)
    assert "url(" not in (site / "site.css").read_text(encoding="utf-8")  # no fonts or images
    assert "@import" not in (site / "site.css").read_text(encoding="utf-8")


def test_every_local_link_and_picture_is_a_file_of_the_site(site: Path) -> None:
    for file in _html_files(site):
        for _, _, value in _parse(file).refs:
            parts = urlsplit(value)
            assert not parts.scheme and not parts.netloc, (file, value)  # relative, always
            if not parts.path:
                continue  # "#section" on the same page
            target = _target(file, value)
            assert target.is_file(), (file, value)
            assert target.is_relative_to(site.resolve()), (file, value)


def test_the_language_switch_leads_to_the_translation(site: Path) -> None:
    page = site / "en" / "weaning" / "residual-milk" / "index.html"
    switch = _parse(page).switch
    assert (
        _target(page, switch["zh-CN"])
        == (site / "zh-CN" / "weaning" / "residual-milk" / "index.html").resolve()
    )
    text = _target(page, switch["zh-CN"]).read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in text
    assert "断奶" in text


def test_a_page_has_its_text_pictures_doctor_box_questions_and_trust_footer(site: Path) -> None:
    text = (site / "zh-CN" / "weaning" / "residual-milk" / "index.html").read_text(encoding="utf-8")
    page = loader.load(REPO / "content", resources.assets_dir()).get(
        "weaning/residual-milk", "zh-CN"
    )
    assert page is not None and f"<h1>{page.title}</h1>" in text
    assert 'class="cover"' in text
    assert "callout-doctor" in text
    assert "<details>" in text and "看答案" in text
    assert "信息来源：" in text
    assert "本页内容尚未经临床医生审核。" in text  # nothing claims a review that did not happen


def test_a_guide_is_one_page_with_numbered_steps_and_their_pictures(site: Path) -> None:
    file = site / "en" / "weaning" / "gentle-weaning" / "index.html"
    links = _parse(file)
    text = file.read_text(encoding="utf-8")
    assert text.count('<span class="number">') == 7
    pictures = [value for tag, _, value in links.refs if tag == "img"]
    assert len(pictures) >= 8  # the cover and a picture for each step
    assert "Not yet reviewed by a clinician." in text


def test_the_sitemap_lists_every_address(site: Path) -> None:
    lines = (site / "sitemap.txt").read_text(encoding="utf-8").split()
    assert f"{BASE}en/weaning/residual-milk/" in lines
    assert len(lines) == len(list(site.glob("*/*/*/index.html")))


def test_exporting_again_replaces_the_last_export(tmp_path: Path) -> None:
    content, out = tmp_path / "content", tmp_path / "out"
    write(content, "a.en.md", "---\ntitle: A\n---\nText.\n")
    write(content, "b.en.md", "---\ntitle: B\n---\nText.\n")
    assert cli.main(["export", "--content", str(content), "--out", str(out)]) == 0
    assert (out / "en" / "b" / "index.html").is_file()
    (content / "b.en.md").unlink()
    assert cli.main(["export", "--content", str(content), "--out", str(out)]) == 0
    assert (out / "en" / "a" / "index.html").is_file()
    assert not (out / "en" / "b").exists()  # a page taken out goes from the site too


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("file", "is a file, not a folder"),
        ("foreign", "is not empty and holds no previous export"),
    ],
)
def test_a_bad_out_folder_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str, message: str
) -> None:
    out = tmp_path / "out"
    if setup == "file":
        out.write_text("keep me", encoding="utf-8")
    else:
        write(out, "notes.txt", "keep me")
    assert cli.main(["export", "--content", str(REPO / "content"), "--out", str(out)]) == 2
    assert message in capsys.readouterr().err
    kept = out if setup == "file" else out / "notes.txt"
    assert kept.read_text(encoding="utf-8") == "keep me"


def test_missing_content_exits_non_zero_with_a_clear_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(
        ["export", "--content", str(tmp_path / "nowhere"), "--out", str(tmp_path / "o")]
    )
    assert status == 2
    assert f"content folder {tmp_path / 'nowhere'} not found" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_a_base_url_that_is_no_web_address_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = cli.main(["export", "--out", str(tmp_path / "o"), "--base-url", "hospital.example"])
    assert status == 2
    assert "--base-url should start with https://" in capsys.readouterr().err


def test_export_needs_no_qt(tmp_path: Path) -> None:
    script = BLOCK_QT + textwrap.dedent(
        f"""
        from kiosk import cli
        status = cli.main(["export", "--out", {str(tmp_path / "site")!r}])
        assert status == 0, status
        loaded = [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
        assert not loaded, loaded
        print("no Qt")
        """
    )
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("no Qt")
