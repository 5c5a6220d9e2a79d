"""The result of the last ``kiosk update``, kept where the running kiosk can read it.

``kiosk update`` (run by a systemd timer) writes it after every attempt; the staff
panel shows it, and the health metrics and ``kiosk doctor`` report it. One small
JSON file in the platform's state folder, replaced atomically, so a reader never
sees half of it.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from kiosk.core.files import write_atomic

FILE_NAME = "update.json"


@dataclass(frozen=True)
class UpdateResult:
    """One attempt to take the content repository's newest revision.

    when: ISO 8601 time in UTC, e.g. "2026-11-25T14:02:11+00:00".
    ok: True when the kiosk now shows ``revision`` (new, or already the newest).
    revision: the revision shown after the attempt (the old one if refused).
    offered: the revision upstream offered ("" when fetching failed).
    message: one line for staff: what happened, or why it was refused.
    """

    when: str
    ok: bool
    revision: str
    offered: str
    message: str


def default_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_state_dir("kiosk", appauthor=False)) / FILE_NAME


def save(result: UpdateResult, path: Path | None = None) -> None:
    text = json.dumps(asdict(result), ensure_ascii=False, indent=1)
    write_atomic(path or default_path(), text.encode("utf-8"))


def load(path: Path | None = None) -> UpdateResult | None:
    """The last result, or None if there was none (or the file is unreadable)."""
    path = path or default_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return UpdateResult(**{key: data[key] for key in UpdateResult.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None
