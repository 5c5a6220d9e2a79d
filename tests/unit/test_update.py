"""kiosk update: a clean new revision is taken, one with an error is refused, a fetch
that fails changes nothing. Real git, with an "upstream" bare repository in tmp_path."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.core import update_state

GOOD = "---\ntitle: {title}\nsource: Test\n---\n\n{body}\n"
BROKEN = "---\ntitle: [this list never ends\n---\n\nHalf a page.\n"


def git(folder: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


@pytest.fixture(autouse=True)
def _git_identity(monkeypatch: pytest.MonkeyPatch) -> None:
    """Commits need a name; nothing of the developer's own git config is read."""
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", "Content team")
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "content@hospital.example")


class Repo:
    """An upstream repository, an author's clone of it, and a kiosk's clone."""

    def __init__(self, tmp_path: Path) -> None:
        self.upstream = tmp_path / "upstream.git"
        self.author = tmp_path / "author"
        self.kiosk = tmp_path / "kiosk"
        subprocess.run(
            ["git", "init", "--quiet", "--bare", "-b", "main", str(self.upstream)], check=True
        )
        subprocess.run(["git", "init", "--quiet", "-b", "main", str(self.author)], check=True)
        git(self.author, "remote", "add", "origin", str(self.upstream))
        self.publish("hands.en.md", GOOD.format(title="Clean hands", body="Wash your hands."))
        subprocess.run(["git", "clone", "--quiet", str(self.upstream), str(self.kiosk)], check=True)

    def publish(self, name: str, text: str) -> str:
        path = self.author / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        git(self.author, "add", "-A")
        git(self.author, "commit", "--quiet", "-m", f"Change {name}")
        git(self.author, "push", "--quiet", "origin", "HEAD:main")
        return git(self.author, "rev-parse", "HEAD")


def update(repo: Repo) -> int:
    return cli.main(["update", "--content", str(repo.kiosk)])


def test_a_clean_new_revision_is_taken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = Repo(tmp_path)
    new = repo.publish("hands.en.md", GOOD.format(title="Clean hands", body="Use soap, too."))

    assert update(repo) == 0

    assert "Use soap, too." in (repo.kiosk / "hands.en.md").read_text(encoding="utf-8")
    assert git(repo.kiosk, "rev-parse", "HEAD") == new
    result = update_state.load()
    assert result is not None and result.ok
    assert new.startswith(result.revision) and result.revision == result.offered
    assert f"to {new[:12]}" in capsys.readouterr().out
    assert "kiosk-update-" not in git(repo.kiosk, "worktree", "list")  # cleaned up

    assert update(repo) == 0  # and again: nothing new
    assert "already the newest" in capsys.readouterr().out


def test_a_revision_with_an_error_is_refused_and_the_old_one_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path)
    old = git(repo.kiosk, "rev-parse", "HEAD")
    bad = repo.publish("care/hands.en.md", BROKEN)

    assert update(repo) == 1

    out, err = capsys.readouterr()
    error = re.search(r"^care/hands\.en\.md:\d+: error: .*$", out, re.MULTILINE)
    assert error, out  # relative to the repository, as authors see it
    assert "kiosk-update-" not in out  # no temporary folder in what staff read
    assert "refused" in err
    assert git(repo.kiosk, "rev-parse", "HEAD") == old
    assert not (repo.kiosk / "care").exists()
    result = update_state.load()
    assert result is not None and not result.ok
    assert old.startswith(result.revision) and bad.startswith(result.offered)
    assert error.group(0) in result.message
    assert "kiosk-update-" not in git(repo.kiosk, "worktree", "list")


def test_when_fetching_fails_nothing_changes_and_it_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path)
    old = git(repo.kiosk, "rev-parse", "HEAD")
    repo.upstream.rename(tmp_path / "gone.git")

    assert update(repo) == 2

    assert "could not fetch from origin/main" in capsys.readouterr().err
    assert git(repo.kiosk, "rev-parse", "HEAD") == old
    assert (repo.kiosk / "hands.en.md").is_file()
    result = update_state.load()
    assert result is not None and not result.ok
    assert result.offered == "" and old.startswith(result.revision)
    assert "still showing" in result.message


def test_a_clone_with_local_changes_is_not_touched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = Repo(tmp_path)
    repo.publish("hands.en.md", GOOD.format(title="Clean hands", body="Use soap, too."))
    (repo.kiosk / "hands.en.md").write_text(GOOD.format(title="Mine", body="Mine."), "utf-8")

    assert update(repo) == 2

    assert "local changes" in capsys.readouterr().err
    assert "Mine." in (repo.kiosk / "hands.en.md").read_text(encoding="utf-8")


def test_a_folder_that_is_no_clone_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "plain").mkdir()
    assert cli.main(["update", "--content", str(tmp_path / "plain")]) == 2
    assert "is not a git clone" in capsys.readouterr().err
    result = update_state.load()
    assert result is not None and not result.ok and result.revision == ""
