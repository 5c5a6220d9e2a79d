"""Shared fixtures: where the repository's content, assets and test data are."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from kiosk import resources
from kiosk.core import languages, loader
from kiosk.core.library import Library

settings.register_profile("default", max_examples=60)
settings.register_profile("thorough", max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"

# Tests never need a display: Qt draws offscreen unless told otherwise, on one
# screen large enough for any test window. (Qt looks for the widget under a
# point only on a screen; off it, a kinetic scroll finds no target.)
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={DATA / 'offscreen-screen.json'}"
# ... and never read or write the developer's own kiosk config, cache or logs.
_HOME = tempfile.mkdtemp(prefix="kiosk-tests-")
for _name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
    os.environ[_name] = str(Path(_HOME) / _name.lower())
os.environ.pop(languages.ENV_VAR, None)  # only the bundled translation files, unless a test says


TODAY = dt.date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _bundled_languages_after_each_test() -> Iterator[None]:
    """A test whose config adds translation files (locale_dir) takes them away again."""
    yield
    languages.use_locale_dir(None)


@pytest.fixture
def assets() -> Path:
    return resources.assets_dir()


@pytest.fixture
def bad_library(assets: Path) -> Library:
    """The corpus of broken pages, in English only, checked on a fixed day."""
    return loader.load(
        DATA / "bad", assets, default_lang="en", expected_languages=("en",), today=TODAY
    )


def write(root: Path, relative: str, text: str) -> Path:
    """Write a content file under ``root``, making folders as needed."""
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_python(code: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``python -c CODE`` from the top of the repository, in a fresh process, so its
    imports are counted from nothing. Offscreen Qt unless ``env`` says otherwise."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=env if env is not None else {**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
