"""The first frame waits only for what it shows: other screens are imported when first built."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import run_python

# What the home screen never shows: each is imported when it is first needed.
LATER = (
    "kiosk.ui.screens.article",
    "kiosk.ui.screens.guide",
    "kiosk.ui.screens.check",
    "kiosk.ui.screens.admin",
    "kiosk.ui.widgets.pinpad",
    "kiosk.ui.widgets.bar_chart",  # the staff panel's parts
    "kiosk.ui.cleaning",
    "kiosk.ui.opening_hours",  # only with opening hours set
    "kiosk.screen_power",
    "kiosk.ui.speech.parts",
    "markdown",  # page bodies
    "segno",  # QR codes, on pages
    "ctypes",  # giving memory back, at the first idle reset
    "kiosk.ui.check_worker",  # the staff menu's check
    "kiosk.core.checker",
)


def _imported_after(code: str) -> set[str]:
    script = code + "\nimport sys\nprint('\\n'.join(sys.modules))\n"
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    return set(result.stdout.split())


def test_importing_the_app_imports_no_screen_but_home() -> None:
    loaded = _imported_after("import kiosk.ui.app")
    assert "kiosk.ui.screens.home" in loaded
    assert loaded.isdisjoint(LATER), sorted(loaded & set(LATER))


def test_the_home_snapshot_imports_no_other_screen(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    out = tmp_path / "home.png"
    loaded = _imported_after(
        "from kiosk import cli\n"
        f"assert cli.main(['snapshot', '--out', {str(out)!r}, "
        f"'--config', {str(tmp_path / 'kiosk.toml')!r}]) == 0\n"
    )
    assert out.exists()
    assert loaded.isdisjoint(LATER), sorted(loaded & set(LATER))


def test_a_page_snapshot_still_finds_its_screens(tmp_path: Path) -> None:
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    out = tmp_path / "guide.png"
    loaded = _imported_after(
        "from kiosk import cli\n"
        f"assert cli.main(['snapshot', '--out', {str(out)!r}, '--page', 'weaning/gentle-weaning',"
        f" '--step', '1', '--config', {str(tmp_path / 'kiosk.toml')!r}]) == 0\n"
    )
    assert out.exists()
    assert {"kiosk.ui.screens.guide", "markdown"} <= loaded


def test_a_start_with_an_up_to_date_index_reads_no_front_matter(tmp_path: Path) -> None:
    """PyYAML is imported only when some file's front matter must be read again."""
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    snapshot = (
        "from kiosk import cli\n"
        f"assert cli.main(['snapshot', '--out', {str(tmp_path / 'home.png')!r}, "
        f"'--config', {str(tmp_path / 'kiosk.toml')!r}]) == 0\n"
    )
    _imported_after(snapshot)  # fills the index cache, if no test did yet
    assert "yaml" not in _imported_after(snapshot)
