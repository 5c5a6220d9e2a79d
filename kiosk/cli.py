"""The ``kiosk`` command: a thin shell over the core and the UI.

Qt is imported only by the commands that show something, so ``kiosk check`` runs on
machines without a display or without PySide6 at all.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import hashlib
import logging
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from kiosk import __version__, logs, resources
from kiosk.core import config as config_file
from kiosk.core import diagnostics, languages, loader, pin
from kiosk.core.config import Config
from kiosk.core.diagnostics import Severity
from kiosk.core.library import Library
from kiosk.ui.strings import tr as kiosk_words  # plain data: no Qt

if TYPE_CHECKING:  # imported when files are read, not before 'kiosk run' paints
    from kiosk.core.index_cache import IndexCache

COMMANDS = (
    "run",
    "check",
    "snapshot",
    "export",
    "set-pin",
    "update",
    "stats",
    "doctor",
    "sessions",
)
APP = "kiosk"

log = logging.getLogger("kiosk")


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir(APP, appauthor=False)) / "kiosk.toml"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="A fullscreen patient-education kiosk that shows local Markdown pages.",
        epilog="With no command, 'kiosk' runs the kiosk. 'kiosk COMMAND --help' tells more.",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser(
        "run",
        help="show the kiosk (the default command)",
        description="Open the kiosk fullscreen on a screen. In kiosk mode nothing a visitor "
        "does leaves the app; staff hold the top-left corner for the admin menu.",
    )
    _content_options(run)
    run.add_argument(
        "--windowed", action="store_true", help="a normal window with no lockdown, for authors"
    )
    run.add_argument("--screen", type=int, metavar="N", help="screen number (default 0)")
    run.add_argument("--lang", metavar="L", help="start language, e.g. zh-CN or en")
    run.add_argument(
        "--present",
        metavar="SESSION",
        help="start presenting a nurse's session (a file in the content's sessions/ folder)",
    )
    run.add_argument(
        "--presenter-screen",
        type=int,
        metavar="M",
        help="with --present: the screen for the presenter view (default: another screen "
        "than the kiosk's, if there is one)",
    )
    run.set_defaults(handler=_run)

    snap = commands.add_parser(
        "snapshot",
        help="save a picture of a screen as PNG (needs no display)",
        description="Render a screen offscreen and save it as a PNG: home by default, or a "
        "page with --page. Exits 1 for an unknown page.",
    )
    _content_options(snap)
    snap.add_argument("--out", type=Path, required=True, metavar="FILE.png")
    snap.add_argument("--page", metavar="ID", help="page id, e.g. weaning/residual-milk")
    snap.add_argument("--lang", metavar="L", help="language, e.g. zh-CN or en")
    snap.add_argument("--size", default="1920x1080", metavar="WxH", help="default 1920x1080")
    snap.add_argument(
        "--scroll",
        choices=("top", "bottom"),
        default="top",
        help="show the top (default) or the end of a page",
    )
    snap.add_argument(
        "--step",
        type=int,
        metavar="N",
        help="a guide's step N (0 is its introduction, the last + 1 its summary); "
        "with --view check, question N",
    )
    snap.add_argument(
        "--answer",
        type=int,
        metavar="K",
        help="with --view check: tap answer K (1 = the first, or Yes) to show the feedback",
    )
    snap.add_argument(
        "--text-scale",
        type=float,
        metavar="X",
        help="the visitor's text size, as after tapping A+ or A−: "
        "1.0 (default), 1.25, 1.5, 1.75 or 2.0",
    )
    snap.add_argument(
        "--theme",
        choices=config_file.THEMES,
        help="the look, as after tapping the contrast switch (default: the config's)",
    )
    snap.add_argument(
        "--view",
        choices=("kiosk", "attract", "admin", "cleaning", "check", "pin"),
        default="kiosk",
        help="attract screen, staff panel, its screen-cleaning countdown, staff PIN pad, "
        "or the check of --page, instead",
    )
    snap.add_argument(
        "--demo-stats",
        action="store_true",
        help="with --view admin: made-up reading counts for the chart, and the panel says so "
        "(without it, the counts this machine has)",
    )
    snap.add_argument(
        "--locked",
        action="store_true",
        help="with --view pin: the pad locked after too many wrong PINs, counting down",
    )
    snap.add_argument("--session", metavar="ID", help="a nurse's session (with --item)")
    snap.add_argument(
        "--item",
        type=int,
        metavar="N",
        help="with --session: item N (from 1) as the room sees it; with --step, a check's "
        "question or a guide's step, and with --answer, the question's answer shown",
    )
    snap.add_argument(
        "--presenter",
        action="store_true",
        help="with --session: the nurse's presenter view instead of the room's screen",
    )
    snap.set_defaults(handler=_snapshot)

    set_pin = commands.add_parser(
        "set-pin",
        help="set the admin PIN (stored as a salted hash in the config file)",
        description="Asks for the PIN twice, without showing it. A script can pipe it in "
        "instead, one line each time: printf '2468\\n2468\\n' | kiosk set-pin",
    )
    _config_option(set_pin)
    set_pin.set_defaults(handler=_set_pin)

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
    check.add_argument(
        "--report",
        type=Path,
        metavar="FILE.md",
        help="also write a report for a patient-education committee: every page's length, "
        "reading grade, doctor box, questions, review status and PEMAT-P scores",
    )
    _config_option(check, "for its languages")
    check.set_defaults(handler=_check)

    export = commands.add_parser(
        "export",
        help="write the library as a static website, the pages behind the QR codes",
        description="Write every page, in every language, as a small mobile website "
        "with no JavaScript and nothing loaded from elsewhere: OUT/LANG/ID/index.html, "
        "where each page's QR code points. Copy OUT to the web server at share_base_url.",
    )
    _content_options(export)
    export.add_argument("--out", type=Path, required=True, metavar="DIR", help="the site folder")
    export.add_argument(
        "--base-url",
        metavar="URL",
        help="where OUT will be published (default: share_base_url from the config); "
        "also writes OUT/sitemap.txt with every page's address",
    )
    export.set_defaults(handler=_export)

    update = commands.add_parser(
        "update",
        help="take the content repository's newest revision, if it checks without errors",
        description="DIR is a git clone of the content repository. Fetch its upstream, "
        "check the new revision as 'kiosk check' does in a worktree of its own, and move "
        "DIR to it only if there are no errors. Otherwise keep the revision shown, print "
        "the problems and exit 1 (2: could not fetch or update). The running kiosk shows "
        "the new pages by itself. Run it from a timer (deploy/kiosk-update.timer).",
    )
    _content_options(update)
    update.set_defaults(handler=_update)
    stats = commands.add_parser(
        "stats",
        help="show the anonymous usage counts, or write them as CSV (needs no display)",
        description="Summarise what was read on this kiosk over the last days: most-read "
        "pages, how far readers got in guides, check answers, read-aloud uses and idle "
        "resets. --csv writes every count with a kiosk_id column; files from many kiosks "
        "share one header, so they join with: awk 'FNR > 1 || NR == 1' *.csv > all.csv",
    )
    stats.add_argument(
        "--days",
        type=int,
        default=30,
        metavar="N",
        help="the last N days, today included (default 30)",
    )
    stats.add_argument(
        "--csv",
        type=Path,
        metavar="FILE",
        help="write the counts as CSV to FILE ('-': standard output) instead of the summary",
    )
    stats.add_argument(
        "--db",
        type=Path,
        metavar="FILE",
        help="the counts database (default: "
        "stats.sqlite3 in the platform's data folder, where the kiosk keeps it)",
    )
    _config_option(stats, "to say if counting is off")
    stats.set_defaults(handler=_stats)
    doctor = commands.add_parser(
        "doctor",
        help="check what this machine has for the kiosk, and how to fix what it lacks",
        description="A checklist: Python and Qt, the display and its screens, fonts, voices, "
        "the content, the config, the PIN, the folders the kiosk writes to, and the "
        "service. Each line is ✓, ✗ (missing) or ! (a warning), with a fix for each miss. "
        "Exits 1 when the kiosk cannot run here. Needs no display: over ssh it checks all "
        "the rest.",
    )
    _content_options(doctor)
    doctor.add_argument(
        "--json", action="store_true", help="print the checklist and health figures as JSON"
    )
    doctor.set_defaults(handler=_doctor)
    records = commands.add_parser(
        "sessions",
        help="list the education sessions given (anonymous records), or export them",
        description="List the record kept when each education session ended: session, "
        "language, start, minutes, items shown, questions asked. No names are ever kept.",
    )
    records.add_argument(
        "--csv",
        type=Path,
        metavar="FILE",
        help="write the records as CSV with a header row ('-': to the screen)",
    )
    records.set_defaults(handler=_sessions)
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
    config = _load_config(args)
    if config is None:
        return 2
    root: Path = args.dir if args.dir is not None else _shown(resources.content_dir())
    library = loader.load(
        root,
        resources.assets_dir(),
        default_lang=config.files_language,
        content_language=config.content_language or None,
        expected_languages=config.languages,
        cache=_index_cache(root) if root.is_dir() else None,
        words=kiosk_words,
    )
    from kiosk.core import check_cache, checker

    cache = check_cache.CheckCache(check_cache.default_path(root), library.roots)
    found = checker.check(library, cache, jobs=checker.cores()) or ()
    for item in found:
        print(item)
    for item in languages.problems():  # the translation files, for translators
        print(item.shown(_shown(item.path)))
    found = (*found, *languages.problems())
    if args.report is not None:
        from kiosk.core import content_report

        command = f"kiosk check {_shown(root)} --report {_shown(args.report)}"
        args.report.write_text(content_report.build(library, root, command), encoding="utf-8")
    errors = diagnostics.count(found, Severity.ERROR)
    warnings = diagnostics.count(found, Severity.WARNING)
    pages = len(library.ids)
    langs = len(library.languages)
    shown_sessions = f"{_plural(len(library.sessions), 'session')}, " if library.sessions else ""
    print(
        f"{_plural(pages, 'page')} in {_plural(langs, 'language')}, {shown_sessions}"
        f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    )
    return 1 if errors or (args.strict and warnings) else 0


def _update(args: argparse.Namespace) -> int:
    from kiosk.core import update

    config = _load_config(args)
    if config is None:
        return 2
    content: Path | None = args.content or config.content_path
    if content is None:
        print(
            "kiosk update: error: no content folder: pass --content DIR, or set content_dir "
            "in the config (a git clone of the content repository)",
            file=sys.stderr,
        )
        return 2

    def check(root: Path) -> tuple[diagnostics.Diagnostic, ...]:
        from kiosk.core import checker

        library = loader.load(
            root,
            resources.assets_dir(),
            default_lang=config.files_language,
            content_language=config.content_language or None,
            expected_languages=config.languages,
            words=kiosk_words,
        )
        return checker.check(library, None, jobs=checker.cores()) or ()

    outcome = update.update(content, check)
    for line in outcome.lines:
        print(line)
    stream = sys.stdout if outcome.status == update.OK else sys.stderr
    prefix = "" if outcome.status == update.OK else "kiosk update: error: "
    print(prefix + outcome.result.message, file=stream)
    return outcome.status


def _export(args: argparse.Namespace) -> int:
    from kiosk.core import export
    from kiosk.ui.strings import tr  # the kiosk's words only; no Qt

    config = _load_config(args)
    if config is None:
        return 2
    root: Path = args.content or config.content_path or resources.content_dir()
    if not root.is_dir():
        print(f"kiosk export: error: content folder {root} not found", file=sys.stderr)
        return 2
    base = config.share_base_url if args.base_url is None else args.base_url
    if base and not re.match(r"^https?://[^\s/]+", base):
        print(
            f"kiosk export: error: --base-url should start with https://, not {base}",
            file=sys.stderr,
        )
        return 2
    library = loader.load(
        root,
        resources.assets_dir(),
        default_lang=config.default_language,
        expected_languages=config.languages,
    )
    errors = [item for item in library.diagnostics if item.severity is Severity.ERROR]
    for item in errors:
        print(item, file=sys.stderr)
    if not library.pages:
        print(f"kiosk export: error: no pages in {root}", file=sys.stderr)
        return 1
    try:
        result = export.export(
            library,
            args.out,
            config=config,
            words=tr,
            style_sheet=resources.assets_dir() / "site" / "site.css",
            base_url=base,
        )
    except export.ExportError as exc:
        print(f"kiosk export: error: {exc}", file=sys.stderr)
        return 2
    for warning in result.warnings:
        print(warning, file=sys.stderr)
    pages = _plural(len(result.pages), "page")
    langs = _plural(len({lang for _, lang in result.pages}), "language")
    print(f"{pages} in {langs} written to {args.out}")
    if base:
        print(f"QR codes point at {base.rstrip('/')}/LANG/ID/: publish {args.out} there")
    else:
        print("no share_base_url: the kiosk shows no QR codes; set it, or pass --base-url")
    return 0


def _stats(args: argparse.Namespace) -> int:
    import datetime as dt
    import sqlite3

    from kiosk.core import stats, stats_report

    config = _load_config(args)
    if config is None:
        return 2
    if args.days < 1:
        print(f"kiosk stats: error: --days should be 1 or more, not {args.days}", file=sys.stderr)
        return 2
    path: Path = args.db or stats.default_path()
    if args.db is not None and not path.is_file():
        print(f"kiosk stats: error: no database {path}", file=sys.stderr)
        return 2
    today = dt.date.today()
    try:
        found = stats.rows(args.days, today=today, path=path)
    except sqlite3.Error as exc:
        print(f"kiosk stats: error: cannot read {path}: {exc}", file=sys.stderr)
        return 1
    notes = []
    if not path.is_file():
        notes.append(
            f"No usage has been counted here yet: {path} does not exist. If the kiosk runs "
            "as another user, run this as that user, or name its file with --db."
        )
    if not config.usage_stats:
        notes.append("Counting is off: usage_stats = false in the config.")
    for note in notes:
        print(note, file=sys.stderr if args.csv is not None else sys.stdout)
    if args.csv is None:
        first = (today - dt.timedelta(days=args.days - 1)).isoformat()
        print(stats_report.summary(found, first, today.isoformat()), end="")
        return 0
    if str(args.csv) == "-":
        stats_report.write_csv(found, sys.stdout)
        return 0
    try:
        args.csv.parent.mkdir(parents=True, exist_ok=True)
        with args.csv.open("w", encoding="utf-8", newline="") as out:
            written = stats_report.write_csv(found, out)
    except OSError as exc:
        print(f"kiosk stats: error: cannot write {args.csv}: {exc}", file=sys.stderr)
        return 2
    days = _plural(args.days, "day")
    print(f"{_plural(written, 'row')} of usage counts ({days}) written to {args.csv}")
    return 0


def _doctor(args: argparse.Namespace) -> int:
    from kiosk.core import checker, doctor, doctor_checks, update_state
    from kiosk.core.check_cache import CheckCache
    from kiosk.core.check_cache import default_path as check_cache_path

    path = args.config if args.config is not None else default_config_path()
    try:
        config, warnings = config_file.load(path)
        found = doctor_checks.ConfigFinding(path, config, None, tuple(warnings))
    except config_file.ConfigError as exc:
        config = Config()
        found = doctor_checks.ConfigFinding(path, config, str(exc))
    root = _content_root(args, config)
    source = "--content" if args.content else "content_dir" if config.content_path else "bundled"
    content = doctor_checks.ContentFinding(root, source)
    if root.is_dir():
        library = _library_loader(args, config, cached=True)()
        cache = CheckCache(check_cache_path(root), library.roots)
        every = checker.check(library, cache, jobs=checker.cores()) or library.diagnostics
        content = doctor_checks.ContentFinding(root, source, library, every)
    try:
        from kiosk.ui import doctor_probes

        probes = doctor_probes.probes()
    except ImportError:  # no PySide6: doctor says so, and checks what needs no Qt
        probes = doctor.without_qt()
    folders = {
        "log": logs.folder(),
        "state": Path(platformdirs.user_state_dir(APP, appauthor=False)),
        "data": Path(platformdirs.user_data_dir(APP, appauthor=False)),
        "cache": Path(platformdirs.user_cache_dir(APP, appauthor=False)),
    }
    report = doctor_checks.examine(found, content, probes, folders, update_state.load())
    print(report.json() if args.json else report.text(), end="")
    return report.exit_status


def _content_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        type=Path,
        metavar="DIR",
        help="content folder (default: from the config, else the bundled one)",
    )
    _config_option(parser)


def _config_option(parser: argparse.ArgumentParser, what: str = "") -> None:
    """``--config FILE``; ``what``: what the command reads from it."""
    parser.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help=f"config file{', ' + what if what else ''} (default: {default_config_path()})",
    )


def _load_config(args: argparse.Namespace) -> Config | None:
    path = args.config if args.config is not None else default_config_path()
    if args.config is not None and not path.exists():
        print(f"kiosk: error: config file {path} not found", file=sys.stderr)
        return None
    try:
        config, warnings = config_file.load(path)
    except config_file.ConfigError as exc:
        print(exc, file=sys.stderr)
        return None
    for warning in warnings:
        print(warning, file=sys.stderr)
    return config


def _content_root(args: argparse.Namespace, config: Config) -> Path:
    root: Path = args.content or config.content_path or resources.content_dir()
    return root


def _missing_content(args: argparse.Namespace, config: Config) -> str | None:
    """Why the content folder cannot be used at all, or None."""
    root = _content_root(args, config)
    where = "--content" if args.content else "content_dir in the config"
    if not root.exists():
        return f"content folder {root} not found (from {where})"
    if not root.is_dir():
        return f"{root} is not a folder (from {where})"
    return None


def _library_loader(
    args: argparse.Namespace, config: Config, cached: bool
) -> Callable[[], Library]:
    """A function that (re)loads the content; the kiosk calls it again on "Reload"."""
    root = _content_root(args, config)

    def load() -> Library:
        return loader.load(
            root,
            resources.assets_dir(),
            default_lang=config.files_language,
            content_language=config.content_language or None,
            expected_languages=config.languages,
            cache=_index_cache(root) if cached else None,
            words=kiosk_words,
        )

    return load


def _index_cache(root: Path) -> IndexCache:
    """The index cache of the content folder ``root``, shared by run, snapshot and check."""
    from kiosk.core.index_cache import IndexCache

    path = _index_path(root)
    with contextlib.suppress(OSError):  # the pickle of earlier versions
        path.with_suffix(".pickle").unlink()
    return IndexCache(path)


def _index_path(root: Path) -> Path:
    key = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:12]
    return Path(platformdirs.user_cache_dir(APP, appauthor=False)) / f"index-{key}.sqlite3"


def _first_screen(args: argparse.Namespace, config: Config) -> Library | None:
    """Home's first cards as the last full load saw them (see core/start_index.py), for
    ``kiosk run`` to paint at once; None if there is no usable record."""
    root = _content_root(args, config)
    return loader.load_start(
        root,
        resources.assets_dir(),
        _index_path(root),
        default_lang=config.files_language,
        content_language=config.content_language or None,
        expected_languages=config.languages,
    )


def _run(args: argparse.Namespace) -> int:
    from kiosk import display_check  # ctypes and subprocess: only a real screen needs them

    config = _load_config(args)
    if config is None:
        return 2
    problem = (
        _missing_content(args, config)
        or display_check.problem()
        or _unknown_language(args.lang, config)
    )
    if problem:
        print(f"kiosk: error: {problem}", file=sys.stderr)
        return 2
    log_path = logs.setup()
    previous = logs.trace_fatal_errors()
    if previous:
        log.warning("%s", previous)
    windowed = args.windowed or config.windowed
    if not windowed and not config.pin_hash:
        log.warning(
            "no admin PIN is set: anyone can open the staff menu, so it offers no Exit; "
            "run 'kiosk set-pin' to set one"
        )
    load = _library_loader(args, config, cached=True)
    # Paint the first screen as it was last time; the content is read right after
    # (live_reload.LiveReload.catch_up), and its problems logged then. A nurse's
    # session needs the whole library at once.
    library = _first_screen(args, config) if args.present is None else None
    if library is None:
        library = load()
        for item in (*languages.problems(), *library.diagnostics):
            log.warning("%s", item)
        if args.present is not None and library.session(args.present) is None:
            known = ", ".join(session.id for session in library.sessions) or "none"
            print(f"kiosk: error: no session '{args.present}' (sessions: {known})", file=sys.stderr)
            return 2
        log.info("starting: %d pages; log at %s", len(library.pages), log_path)
    else:
        log.info("starting from the first screen as it was; log at %s", log_path)
    from kiosk.ui import app  # Qt only now, after config and content

    status = app.run(
        library,
        config,
        windowed=windowed,
        screen=args.screen if args.screen is not None else config.screen,
        lang=args.lang,
        reload=load,
        present=args.present,
        presenter_screen=args.presenter_screen,
    )
    log.info("stopped (exit status %d)", status)
    logs.mark_clean_stop()
    return status


def _snapshot(args: argparse.Namespace) -> int:
    config = _load_config(args)
    if config is None:
        return 2
    unknown = _unknown_language(args.lang, config) or _missing_content(args, config)
    if unknown:
        print(f"kiosk snapshot: error: {unknown}", file=sys.stderr)
        return 2
    match = re.fullmatch(r"(\d+)x(\d+)", args.size)
    if not match:
        print(
            f"kiosk snapshot: error: --size should be like 1920x1080, not {args.size}",
            file=sys.stderr,
        )
        return 2
    if (args.item is not None or args.presenter) and args.session is None:
        print("kiosk snapshot: error: --item and --presenter go with --session", file=sys.stderr)
        return 2
    library = _library_loader(args, config, cached=True)()
    from kiosk.ui import app

    error = app.snapshot(
        library,
        config,
        args.out,
        size=(int(match.group(1)), int(match.group(2))),
        lang=args.lang,
        page_id=args.page,
        scroll=args.scroll,
        view=args.view,
        step=args.step,
        answer=args.answer,
        text_scale=args.text_scale,
        look=args.theme,
        locked=args.locked,
        demo_stats=args.demo_stats,
        session=args.session,
        item=args.item,
        presenter=args.presenter,
    )
    if error:
        print(f"kiosk snapshot: error: {error}", file=sys.stderr)
        return 1
    print(args.out)
    return 0


def _set_pin(args: argparse.Namespace) -> int:
    path = args.config if args.config is not None else default_config_path()
    try:
        first = _read_pin("New admin PIN (4-12 digits): ")
        again = _read_pin("Same PIN again: ") if pin.is_valid_pin(first) else ""
    except (EOFError, KeyboardInterrupt):
        print("\nkiosk set-pin: error: no PIN was entered; nothing was changed", file=sys.stderr)
        return 2
    if not pin.is_valid_pin(first):
        print("kiosk set-pin: error: the PIN must be 4 to 12 digits", file=sys.stderr)
        return 2
    if again != first:
        print("kiosk set-pin: error: the two PINs differ; nothing was changed", file=sys.stderr)
        return 2
    config_file.set_value(path, "pin_hash", pin.hash_pin(first))
    print(f"Admin PIN set in {path} (only a salted hash is stored).")
    return 0


def _sessions(args: argparse.Namespace) -> int:
    from kiosk.core import session_records

    path = session_records.default_path()
    try:
        records = session_records.load_all(path)
    except session_records.RecordsError as exc:
        print(f"kiosk sessions: error: {exc}", file=sys.stderr)
        return 1
    if args.csv is not None:
        if str(args.csv) == "-":
            session_records.write_csv(records, sys.stdout)
            return 0
        try:
            session_records.write_csv(records, args.csv)
        except OSError as exc:
            print(
                f"kiosk sessions: error: cannot write {args.csv}: {exc.strerror}", file=sys.stderr
            )
            return 2
        print(f"{_plural(len(records), 'record')} written to {args.csv}")
        return 0
    for record in records:
        print(
            f"{record.started.replace('T', ' ')}  {record.session_id}  {record.lang}  "
            f"{record.minutes} min  {record.items_shown}/{record.items_total} items  "
            f"{_plural(record.questions_asked, 'question')} asked"
        )
    print(f"{_plural(len(records), 'session')} recorded in {path}")
    return 0


def _unknown_language(lang: str | None, config: Config) -> str | None:
    if lang is None or lang in config.languages:
        return None
    return f"--lang {lang} is not one of the kiosk's languages ({', '.join(config.languages)})"


def _read_pin(prompt: str) -> str:
    """A PIN typed without echo at a terminal, or one line of a script's input."""
    if sys.stdin is None:  # started with its input closed
        raise EOFError
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise EOFError
    return line.rstrip("\r\n")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _shown(path: Path) -> Path:
    """A path relative to the working folder when it is below it, for shorter messages."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
