"""The ``kiosk`` command line, and the promise that ``kiosk check`` needs no Qt."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kiosk import cli, display_check
from kiosk.core import sourcefile
from tests.conftest import DATA, REPO, run_python, write
from tests.french import FRENCH_PO


def test_check_passes_on_the_bundled_content(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", str(REPO / "content")]) == 0
    out = capsys.readouterr().out
    assert "0 errors" in out


def test_check_fails_and_names_every_broken_file_with_its_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["check", str(DATA / "bad")]) == 1
    out = capsys.readouterr().out
    for name, line in [
        ("unclosed-front-matter.md", 1),
        ("bad-yaml.md", 4),
        ("bad-toml.md", 3),
        ("not-a-mapping.md", 2),
        ("no-title.md", 1),
        ("binary.md", 1),
    ]:
        assert f"{DATA / 'bad' / name}:{line}: error: " in out
    summary = out.strip().splitlines()[-1]
    assert ", 6 errors, " in summary


def test_strict_also_fails_on_warnings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.en.md").write_text("# Only English, no trust fields\n", encoding="utf-8")
    assert cli.main(["check", str(tmp_path)]) == 0
    assert cli.main(["check", "--strict", str(tmp_path)]) == 1
    assert "warning: no page is in zh-CN" in capsys.readouterr().out


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for command in cli.COMMANDS:
        assert command in out


BLOCK_QT = textwrap.dedent(
    """
    import sys
    from importlib.abc import MetaPathFinder

    class BlockQt(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"{name} is blocked in this test")
            return None

    sys.meta_path.insert(0, BlockQt())
    """
)


def test_the_core_and_kiosk_check_never_import_qt() -> None:
    script = BLOCK_QT + textwrap.dedent(
        f"""
        import pkgutil, importlib
        import kiosk.core
        for module in pkgutil.walk_packages(kiosk.core.__path__, "kiosk.core."):
            importlib.import_module(module.name)
        from kiosk import cli, display_check
        status = cli.main(["check", {str(REPO / "content")!r}])
        assert status == 0, status
        loaded = [m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))]
        assert not loaded, loaded
        print("no Qt")
        """
    )
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("no Qt")


def test_python_dash_m_kiosk_works() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "check", str(REPO / "content")],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "0 errors" in result.stdout


def test_run_names_missing_system_libraries_instead_of_crashing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import ctypes.util

    monkeypatch.setenv("DISPLAY", ":99")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    monkeypatch.setattr(display_check, "_x_display_answers", lambda: True)
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    assert cli.main(["run", "--config", str(tmp_path / "kiosk.toml")]) == 2
    assert "sudo apt-get install libxcb-cursor0" in capsys.readouterr().err


def test_check_expects_only_the_configured_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "a.md").write_text(
        "---\ntitle: 只有中文\nsource: 医院\nreviewed_by: 护士\nreviewed: 2026-01-01\n---\n\n"
        '!!! doctor "出现这些情况，请及时就医"\n    - 发烧。\n',
        encoding="utf-8",
    )
    config = tmp_path / "kiosk.toml"
    config.write_text('languages = ["zh-CN"]\n', encoding="utf-8")
    assert cli.main(["check", "--strict", "--config", str(config), str(tmp_path / "c")]) == 0
    assert "translation" not in capsys.readouterr().out


def test_check_names_problems_in_a_hospital_s_translation_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locale = tmp_path / "locale"
    write(locale, "fr.po", FRENCH_PO.replace('msgstr "Accueil"', 'msgstr ""'))
    config = tmp_path / "kiosk.toml"
    config.write_text(f'locale_dir = "{locale}"\nlanguages = ["zh-CN", "en"]\n', "utf-8")
    assert cli.main(["check", "--config", str(config), str(REPO / "content")]) == 0
    out = capsys.readouterr().out
    assert f"{locale / 'fr.po'}:11: warning: 'home' is not translated yet; English is shown" in out


def _kiosk(
    args: list[str], env: dict[str, str], stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m kiosk ARGS`` in a process of its own, as a person would run it."""
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        cwd=REPO,
        env=env,
        input=stdin,
        stdin=None if stdin is not None else subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def _env_without_display(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    env["XDG_STATE_HOME"] = str(tmp_path / "state")
    return env


DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def test_run_without_a_display_says_so_and_exits_2(tmp_path: Path) -> None:
    result = _kiosk(["run"], _env_without_display(tmp_path))
    assert result.returncode == 2, result.stderr
    assert "kiosk: error: there is no display" in result.stderr
    assert "xcb" not in result.stderr and "Traceback" not in result.stderr


def test_run_with_a_display_that_does_not_answer_says_so(tmp_path: Path) -> None:
    env = _env_without_display(tmp_path)
    env["DISPLAY"] = ":87"  # nothing listens there
    result = _kiosk(["run"], env)
    assert result.returncode == 2, result.stderr
    assert "kiosk: error: the X display :87 does not answer" in result.stderr


@pytest.mark.parametrize("typed", [None, "", "\n"])
def test_set_pin_with_no_input_is_a_one_line_error(tmp_path: Path, typed: str | None) -> None:
    config = tmp_path / "kiosk.toml"
    result = _kiosk(["set-pin", "--config", str(config)], _env_without_display(tmp_path), typed)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(errors) == 1 and errors[0].startswith("kiosk set-pin: error: ")
    assert "Traceback" not in result.stderr
    assert not config.exists()


def test_set_pin_with_its_input_closed_is_a_one_line_error(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    result = subprocess.run(
        ["sh", "-c", f'exec "{sys.executable}" -m kiosk set-pin --config "{config}" <&-'],
        cwd=REPO,
        env=_env_without_display(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "kiosk set-pin: error:" in result.stderr
    assert not config.exists()


def test_a_script_can_pipe_the_pin_in(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    result = _kiosk(
        ["set-pin", "--config", str(config)], _env_without_display(tmp_path), "2468\n2468\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no warning about echo, no prompts in the way
    assert "pin_hash" in config.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["run", "snapshot"])
def test_an_unknown_language_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    args = [command, "--lang", "fr", "--config", str(tmp_path / "kiosk.toml")]
    if command == "snapshot":
        args += ["--out", str(tmp_path / "x.png")]
    assert cli.main(args) == 2
    assert "--lang fr is not one of the kiosk's languages (zh-CN, en)" in capsys.readouterr().err


def test_a_snapshot_smaller_than_the_screens_allow_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "kiosk.toml").write_text("", encoding="utf-8")
    out = tmp_path / "x.png"
    args = ["snapshot", "--out", str(out), "--size", "10x10"]
    assert cli.main([*args, "--config", str(tmp_path / "kiosk.toml")]) == 1
    assert "--size 10x10 is too small: the screens need at least" in capsys.readouterr().err
    assert not out.exists()


def test_check_uses_the_index_cache_and_says_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    assert cli.main(["check", str(content)]) == 0
    first = capsys.readouterr().out
    read: list[Path] = []
    real = sourcefile.read

    def counting(file: Path) -> sourcefile.SourceFile:
        read.append(file)
        return real(file)

    monkeypatch.setattr(sourcefile, "read", counting)
    assert cli.main(["check", str(content)]) == 0
    assert capsys.readouterr().out == first
    assert read == []  # every page's front matter came from the cache
