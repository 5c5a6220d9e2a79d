"""Where the bundled content and assets are, in a source checkout or an installed wheel.

In the repository they sit next to the package (``content/``, ``assets/``); a wheel
carries them inside it as ``kiosk/_bundled/``.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled(name: str) -> Path:
    """The bundled folder ``name`` ("content" or "assets")."""
    installed = _PACKAGE / "_bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def content_dir() -> Path:
    return bundled("content")


def assets_dir() -> Path:
    return bundled("assets")
