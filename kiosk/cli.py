"""The ``kiosk`` command: a thin shell over the core and the UI.

Qt is imported only by the commands that show something, so ``kiosk check`` runs on
machines without a display or without PySide6 at all.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kiosk import __version__, resources
from kiosk.core import diagnostics, loader
from kiosk.core.diagnostics import Severity

COMMANDS = ("run", "check")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="A fullscreen patient-education kiosk that shows local Markdown pages.",
        epilog="With no command, 'kiosk' runs the kiosk. 'kiosk COMMAND --help' tells more.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="show the kiosk (the default command)")
    run.add_argument("--content", type=Path, metavar="DIR", help="content folder to show")
    run.set_defaults(handler=_run)

    check = commands.add_parser(
        "check",
        help="check a content folder and list every problem (needs no display)",
        description="Load every page and print each problem as PATH:LINE: error|warning: "
        "message, then a summary. Exits 1 if any page has an error.",
    )
    check.add_argument(
        "dir",
        nargs="?",
        type=Path,
        metavar="DIR",
        help="content folder (default: the bundled content)",
    )
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.set_defaults(handler=_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``kiosk`` command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in _TOP_FLAGS):
        args_list.insert(0, "run")
    args = build_parser().parse_args(args_list)
    result: int = args.handler(args)
    return result


_TOP_FLAGS = ("-h", "--help", "--version")


def main_entry() -> None:
    sys.exit(main())


def _check(args: argparse.Namespace) -> int:
    root: Path = args.dir if args.dir is not None else _shown(resources.content_dir())
    library = loader.load(root, resources.assets_dir())
    found = library.check_all()
    for item in found:
        print(item)
    errors = diagnostics.count(found, Severity.ERROR)
    warnings = diagnostics.count(found, Severity.WARNING)
    pages = len(library.ids)
    langs = len(library.languages)
    print(
        f"{_plural(pages, 'page')} in {_plural(langs, 'language')}, "
        f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    )
    return 1 if errors or (args.strict and warnings) else 0


def _run(args: argparse.Namespace) -> int:
    print(
        "The kiosk window is not built yet. Use 'kiosk check' to check content.",
        file=sys.stderr,
    )
    return 2


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _shown(path: Path) -> Path:
    """A path relative to the working folder when it is below it, for shorter messages."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
