"""``kiosk update``: take the content repository's newest revision, only if it checks clean.

The kiosk's content folder is a git clone (or a folder inside one) that nobody edits
on the kiosk. A systemd timer runs ``kiosk update``, the only part of the kiosk that
talks to a network:

1. ``git fetch`` the branch's upstream; the revision it offers is ``@{upstream}``.
2. Check that revision in a worktree of its own (``git worktree add --detach`` in a
   temporary folder), with the same core check as ``kiosk check``. What the kiosk
   shows is not touched while this runs.
3. Without errors, move the clone to it with ``git reset --hard REV``; with errors,
   keep the revision shown and say why. Warnings do not stop an update, as they do
   not fail ``kiosk check``.

Why ``reset --hard`` on a clone that must be clean first: the files shown are then
exactly the tree that was checked. A fast-forward (``merge --ff-only``) would get
stuck for good the day someone rewrites the repository's history (a page taken out
for legal reasons); ``checkout --detach`` would carry local edits along into what is
shown, unchecked. A clone with local changes (``git status`` not empty) is refused
instead: nothing of anyone's is ever thrown away, and staff see why. Commits made on
the kiosk itself stay in git's reflog.

The running kiosk sees the files change and shows the new revision by itself (live
reload). Every attempt's result is saved with ``update_state.save``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import os
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kiosk.core import diagnostics, update_state
from kiosk.core.diagnostics import Diagnostic, Severity
from kiosk.core.update_state import UpdateResult

FETCH_SECONDS = 300  # a fetch that takes longer has failed
SHORT = 12  # characters of a revision shown to staff

OK, REFUSED, FAILED = 0, 1, 2
"""Exit statuses: taken (or already the newest); refused for errors; could not update."""

Check = Callable[[Path], Sequence[Diagnostic]]
"""Checks a content folder as ``kiosk check`` does; returns every diagnostic."""


class UpdateError(Exception):
    """Updating could not be tried or finished; the message says why, for staff."""


@dataclass(frozen=True)
class Outcome:
    """What ``update`` did: the exit status, the saved result, and what to print
    (the offered revision's diagnostics, with paths relative to the repository)."""

    status: int
    result: UpdateResult
    lines: tuple[str, ...] = ()


def update(
    content: Path,
    check: Check,
    *,
    state: Path | None = None,
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC),
) -> Outcome:
    """Update the git clone that holds ``content``; save and return the outcome."""
    git = Git(content)
    shown = ""
    try:
        with _one_at_a_time(state):
            shown = git.revision("HEAD")
            outcome = _update(git, content, check, shown, now)
    except UpdateError as exc:
        when = now().isoformat(timespec="seconds")
        still = f"; still showing {shown[:SHORT]}" if shown else ""
        outcome = Outcome(FAILED, UpdateResult(when, False, shown[:SHORT], "", f"{exc}{still}"))
    update_state.save(outcome.result, state)
    return outcome


def _update(
    git: Git, content: Path, check: Check, shown: str, now: Callable[[], dt.datetime]
) -> Outcome:
    top = Path(git.run("rev-parse", "--show-toplevel"))
    inside = content.resolve().relative_to(top.resolve())
    upstream = git.upstream()
    git.run("fetch", "--quiet", timeout=FETCH_SECONDS, what=f"could not fetch from {upstream}")
    offered = git.revision("@{upstream}")
    when = now().isoformat(timespec="seconds")
    if offered == shown:
        message = f"already the newest: {shown[:SHORT]}"
        return Outcome(OK, UpdateResult(when, True, shown[:SHORT], offered[:SHORT], message))
    local = git.run("status", "--porcelain", "--untracked-files=normal")
    if local:
        first = local.splitlines()[0].strip()
        raise UpdateError(
            f"{content} has local changes ({first} ...): kiosk update only follows "
            f"{upstream}; commit them there, or 'git -C {content} stash' them"
        )
    with git.worktree(offered) as tree:
        try:
            found = tuple(check(tree / inside))
        except Exception as exc:  # a bug in a check: refuse, never take it unchecked
            raise UpdateError(f"checking {offered[:SHORT]} failed: {exc!r}") from exc
    errors = [item for item in found if item.severity is Severity.ERROR]
    lines = tuple(_relative(item, tree) for item in found)
    if errors:
        message = (
            f"refused {offered[:SHORT]}: {_plural(len(errors), 'error')} "
            f"(first: {_relative(errors[0], tree)}); still showing {shown[:SHORT]}"
        )
        result = UpdateResult(when, False, shown[:SHORT], offered[:SHORT], message)
        return Outcome(REFUSED, result, lines)
    git.run("reset", "--quiet", "--hard", offered)
    warnings = diagnostics.count(found, Severity.WARNING)
    message = f"updated {shown[:SHORT]} to {offered[:SHORT]} ({_plural(warnings, 'warning')})"
    return Outcome(OK, UpdateResult(when, True, offered[:SHORT], offered[:SHORT], message), lines)


def _relative(item: Diagnostic, tree: Path) -> str:
    """The diagnostic as the author sees it in the repository: ``pages/x.en.md:3: ...``."""
    return item.within(tree)


class Git:
    """git commands in the clone that holds ``folder``; never asks anyone for anything."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}

    def run(self, *args: str, timeout: float = 60, what: str = "") -> str:
        if not self.folder.is_dir():
            raise UpdateError(f"content folder {self.folder} not found")
        try:
            done = subprocess.run(
                ["git", "-C", str(self.folder), *args],
                capture_output=True,
                text=True,
                env=self.env,
                timeout=timeout,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except FileNotFoundError:
            raise UpdateError("git is not installed (apt-get install git)") from None
        except subprocess.TimeoutExpired:
            raise UpdateError(f"{what or 'git ' + args[0]}: no answer in {timeout:.0f} s") from None
        if done.returncode != 0:
            said = [line for line in done.stderr.splitlines() if line.strip()]
            reason = said[-1].strip() if said else f"git {args[0]} failed"
            if "not a git repository" in done.stderr:
                reason = f"{self.folder} is not a git clone (see 'Fleet' in docs/deploy.md)"
            raise UpdateError(f"{what}: {reason}" if what else reason)
        return done.stdout.strip()

    def revision(self, name: str) -> str:
        return self.run("rev-parse", "--verify", "--quiet", f"{name}^{{commit}}")

    def upstream(self) -> str:
        try:
            return self.run("rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}")
        except UpdateError:
            raise UpdateError(
                f"{self.folder} follows no upstream branch: check out a branch that does, "
                f"e.g. 'git -C {self.folder} checkout main'"
            ) from None

    @contextlib.contextmanager
    def worktree(self, revision: str) -> Iterator[Path]:
        """``revision`` checked out in a temporary folder, removed afterwards."""
        self.run("worktree", "prune")  # what a run that was killed left behind
        with tempfile.TemporaryDirectory(prefix="kiosk-update-") as folder:
            tree = Path(folder) / "tree"
            self.run("worktree", "add", "--quiet", "--detach", str(tree), revision)
            try:
                yield tree
            finally:
                with contextlib.suppress(UpdateError):
                    self.run("worktree", "remove", "--force", str(tree))
                with contextlib.suppress(UpdateError):
                    self.run("worktree", "prune")


@contextlib.contextmanager
def _one_at_a_time(state: Path | None) -> Iterator[None]:
    """One update at a time (the timer's and one started by hand)."""
    lock = (state or update_state.default_path()).with_name("update.lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise UpdateError("another kiosk update is running") from None
        yield


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
