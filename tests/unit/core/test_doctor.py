"""``kiosk doctor``'s checklist on machines that have everything, and on ones that lack things."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from kiosk import resources
from kiosk.core import doctor_checks, loader
from kiosk.core.config import Config
from kiosk.core.doctor import Probes, Report, Screen, Speech, Status
from kiosk.core.doctor_checks import ConfigFinding, ContentFinding

CJK = ("Noto Sans CJK SC", "WenQuanYi Micro Hei")
LATIN = ("Noto Sans", "DejaVu Sans")
EMOJI = ("Noto Color Emoji",)
UNITS = {"kiosk-cage.service": ("enabled", "active", "30s")}


def systemctl(units: Mapping[str, tuple[str, str, str]]):  # type: ignore[no-untyped-def]
    """A systemctl that knows ``units``: name → (is-enabled, is-active, WatchdogUSec)."""

    def run(args: Sequence[str]) -> tuple[int, str]:
        unit = args[-1]
        if unit not in units:
            return 1, f"Failed to get unit file state for {unit}: No such file or directory"
        enabled, active, watchdog = units[unit]
        if "is-enabled" in args:
            return (0 if enabled == "enabled" else 1), enabled
        if "is-active" in args:
            return (0 if active == "active" else 3), active
        return 0, watchdog

    return run


def everything(tmp_path: Path) -> Probes:
    """A machine with all the kiosk uses."""
    return Probes(
        python=lambda: "3.13.0",
        pyside=lambda: "6.11.3",
        binding_leak=lambda: None,
        plugins=lambda: {"xcb": None, "wayland": None},
        missing_x11_packages=list,
        display=lambda: None,
        screens=lambda: [Screen("HDMI-1", 1080, 1920)],
        families=lambda: {"Noto Sans CJK SC", "Noto Sans", "Noto Color Emoji", "Sans"},
        speech=lambda engine, langs, named: Speech(
            "speechd", None, {lang: f"voice-{lang}" for lang in langs}
        ),
        systemctl=systemctl(UNITS),
        autostart=tmp_path / "no-autostart.desktop",
        cjk_fonts=CJK,
        latin_fonts=LATIN,
        emoji_fonts=EMOJI,
    )


def findings(tmp_path: Path, content: Path | None = None) -> tuple[ConfigFinding, ContentFinding]:
    config = Config(pin_hash="pbkdf2:x", languages=("zh-CN", "en"))
    path = tmp_path / "kiosk.toml"
    path.write_text('pin_hash = "pbkdf2:x"\n', encoding="utf-8")
    root = content or resources.content_dir()
    library = loader.load(root, resources.assets_dir()) if root.is_dir() else None
    return ConfigFinding(path, config), ContentFinding(root, "--content", library)


def examine(tmp_path: Path, probes: Probes, content: Path | None = None) -> Report:
    config, found = findings(tmp_path, content)
    folders = {"log": tmp_path / "log", "state": tmp_path / "state"}
    return doctor_checks.examine(config, found, probes, folders)


def test_a_machine_with_everything_is_all_ticks(tmp_path: Path) -> None:
    report = examine(tmp_path, everything(tmp_path))
    text = report.text()
    assert [item.status for item in report.items] == [Status.OK] * len(report.items)
    assert report.exit_status == 0
    assert "✗" not in text and "\n! " not in text
    assert "✓ 1 screen: HDMI-1 1080x1920" in text
    assert "✓ Chinese font: Noto Sans CJK SC" in text
    assert "✓ kiosk-cage.service watchdog: 30s" in text
    assert text.rstrip().endswith("The kiosk can run here, with everything it uses.")


def test_a_machine_without_a_chinese_font_is_told_what_to_install(tmp_path: Path) -> None:
    probes = dataclasses.replace(everything(tmp_path), families=lambda: {"DejaVu Sans"})
    report = examine(tmp_path, probes)
    text = report.text()
    assert "✗ no font with Chinese characters" in text
    assert "    fix: sudo apt-get install fonts-noto-cjk" in text
    assert "✓ Latin font: DejaVu Sans" in text
    assert "! no emoji font" in text
    assert report.exit_status == 0  # the kiosk runs; Chinese shows as boxes
    assert "The kiosk can run here (1 missing, 1 warning)." in text


def test_no_content_means_the_kiosk_cannot_run(tmp_path: Path) -> None:
    report = examine(tmp_path, everything(tmp_path), content=tmp_path / "nowhere")
    assert report.exit_status == 1
    assert f"✗ no content folder at {tmp_path / 'nowhere'}" in report.text()
    assert "The kiosk cannot run here" in report.text()


def test_a_folder_with_no_pages_means_the_kiosk_cannot_run(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    report = examine(tmp_path, everything(tmp_path), content=tmp_path / "empty")
    assert report.exit_status == 1


def test_a_broken_config_means_the_kiosk_cannot_run(tmp_path: Path) -> None:
    _, content = findings(tmp_path)
    broken = ConfigFinding(tmp_path / "kiosk.toml", Config(), "kiosk.toml: error: not valid TOML")
    report = doctor_checks.examine(broken, content, everything(tmp_path), {})
    assert report.exit_status == 1
    assert "✗ kiosk.toml: error: not valid TOML" in report.text()
    assert "! no staff PIN" in report.text()


def test_one_platform_is_enough_but_none_is_not(tmp_path: Path) -> None:
    no_xcb = dataclasses.replace(
        everything(tmp_path),
        plugins=lambda: {"xcb": None, "wayland": None},
        missing_x11_packages=lambda: ["libxcb-cursor0"],
    )
    report = examine(tmp_path, no_xcb)
    assert report.exit_status == 0
    assert "    fix: sudo apt-get install libxcb-cursor0" in report.text()
    neither = dataclasses.replace(
        no_xcb, plugins=lambda: {"xcb": None, "wayland": "libwayland-client.so.0: not found"}
    )
    assert examine(tmp_path, neither).exit_status == 1


def test_over_ssh_the_display_is_a_warning_not_a_failure(tmp_path: Path) -> None:
    def no_screens() -> list[Screen]:
        raise AssertionError("screens are not asked for without a display")

    probes = dataclasses.replace(
        everything(tmp_path),
        display=lambda: "neither DISPLAY nor WAYLAND_DISPLAY is set",
        screens=no_screens,
    )
    report = examine(tmp_path, probes)
    assert report.exit_status == 0
    assert "! no display here (neither DISPLAY nor WAYLAND_DISPLAY is set)" in report.text()


def test_the_known_bad_binding_stops_the_kiosk(tmp_path: Path) -> None:
    leaking = dataclasses.replace(
        everything(tmp_path), python=lambda: "3.11.7", binding_leak=lambda: "loses None"
    )
    report = examine(tmp_path, leaking)
    assert report.exit_status == 1
    assert report.items[0].fix.startswith("reinstall")


def test_a_service_without_watchdog_or_not_running_is_a_warning(tmp_path: Path) -> None:
    probes = dataclasses.replace(
        everything(tmp_path),
        systemctl=systemctl({"kiosk.service": ("enabled", "failed", "0")}),
    )
    text = examine(tmp_path, probes).text()
    assert "! kiosk.service (user service in a desktop session): enabled, failed" in text
    assert "    fix: systemctl --user start kiosk.service" in text
    assert "! kiosk.service has no watchdog" in text
    none = dataclasses.replace(everything(tmp_path), systemctl=None)
    assert (
        "! the kiosk is not installed as a service (no systemctl here)"
        in examine(tmp_path, none).text()
    )


def test_voices_are_checked_for_every_language(tmp_path: Path) -> None:
    probes = dataclasses.replace(
        everything(tmp_path),
        speech=lambda engine, langs, named: Speech("speechd", None, {"en": "English"}),
    )
    text = examine(tmp_path, probes).text()
    assert "✓ read aloud in en: English (speechd)" in text
    assert "! no voice for zh-CN (speechd)" in text
    assert "    fix: sudo apt-get install speech-dispatcher espeak-ng" in text


def test_json_has_the_same_items_and_the_health_figures(tmp_path: Path) -> None:
    probes = dataclasses.replace(everything(tmp_path), families=lambda: {"DejaVu Sans"})
    report = examine(tmp_path, probes)
    data = json.loads(report.json())
    assert data["can_run"] is True
    assert [(i["mark"], i["text"]) for i in data["items"]] == [
        (item.status.mark, item.text) for item in report.items
    ]
    cjk = next(i for i in data["items"] if i["check"] == "fonts.cjk")
    assert cjk["status"] == "missing"
    assert cjk["fix"] == "sudo apt-get install fonts-noto-cjk"
    assert data["health"]["kiosk_up"] == 1
    assert data["health"]["kiosk_content_pages"] == len(
        loader.load(resources.content_dir(), resources.assets_dir()).ids
    )


@pytest.mark.parametrize("writable", [True, False])
def test_the_log_folder_must_be_writable(tmp_path: Path, writable: bool) -> None:
    log = tmp_path / "log"
    if not writable:
        log.write_text("a file where the folder should be", encoding="utf-8")
    config, content = findings(tmp_path)
    report = doctor_checks.examine(config, content, everything(tmp_path), {"log": log})
    assert report.exit_status == (0 if writable else 1)
