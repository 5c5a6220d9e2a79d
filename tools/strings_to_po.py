"""Copy the kiosk's UI texts from a ``TEXT = {key: {lang: text}}`` dict into the .po files.

The kiosk's own words used to live in ``kiosk/ui/strings.py`` as such a dict. Branches
made before they moved to ``kiosk/locale/*.po`` still add keys there; this ports them.
Keys the .po files lack are appended (``msgctxt`` = key, ``msgid`` = the English text,
``msgstr`` = the text in the file's language, empty if the dict has none). Keys they
have already are left alone, and named if their text differs; ``--update`` takes the
dict's text instead (a changed English text marks other languages' entries fuzzy
unless the dict gives them a new translation too).

    git show other-branch:kiosk/ui/strings.py | python tools/strings_to_po.py -
    python tools/strings_to_po.py old_strings.py --locale-dir kiosk/locale --dry-run

The dict is read with ``ast.literal_eval``: nothing in the file is run.
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

import polib

from kiosk.core.translations import language_code

LOCALE_DIR = Path(__file__).resolve().parent.parent / "kiosk" / "locale"
Texts = dict[str, dict[str, str]]


def read_text_dict(source: str, name: str = "TEXT") -> Texts:
    """The literal dict assigned to ``name`` in Python source."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id == name:
            found = ast.literal_eval(value)
            if not isinstance(found, dict):
                raise ValueError(f"{name} is not a dict")
            return found
    raise ValueError(f"no '{name} = {{...}}' found")


def port(
    texts: Texts, locale_dir: Path, *, update: bool = False, dry_run: bool = False
) -> list[str]:
    """Add (or with ``update`` replace) ``texts`` in every .po file; returns what was done."""
    said: list[str] = []
    seen_codes: set[str] = set()
    if not locale_dir.is_dir():
        return [f"{locale_dir}: no such folder"]
    for path in sorted([*locale_dir.glob("*.po"), *locale_dir.glob("*.pot")]):
        po = polib.pofile(str(path))
        template = path.suffix == ".pot"  # the English texts only, for new languages
        code = "" if template else language_code(po.metadata.get("Language") or path.stem).lower()
        seen_codes.add(code)
        by_key = {entry.msgctxt: entry for entry in po if entry.msgctxt}
        added: list[str] = []
        differ: list[str] = []
        for key, row in texts.items():
            english = row.get("en")
            if not english:
                said.append(f"{key}: no English text in the dict; skipped")
                continue
            mine = next((t for lang, t in row.items() if lang.lower() == code), None)
            if template:
                mine = ""
            entry = by_key.get(key)
            if entry is None:
                po.append(polib.POEntry(msgctxt=key, msgid=english, msgstr=mine or ""))
                added.append(key)
            elif entry.msgid != english or (
                mine is not None and not template and entry.msgstr != mine
            ):
                differ.append(key)
                if update:
                    if mine is not None:
                        entry.flags = [f for f in entry.flags if f != "fuzzy"]
                        entry.msgstr = mine
                    elif entry.msgid != english and "fuzzy" not in entry.flags:
                        entry.flags.append("fuzzy")  # its translation is of the old text
                    entry.msgid = english
        if (added or (update and differ)) and not dry_run:
            po.save()
        line = f"{_shown(path)}: added {len(added)}" + (f" ({', '.join(added)})" if added else "")
        if differ:
            line += f"; {'replaced' if update else 'kept (--update replaces)'} {len(differ)} "
            line += f"whose text differs ({', '.join(differ)})"
        said.append(line)
    for lang in sorted({lang for row in texts.values() for lang in row}):
        if lang.lower() not in seen_codes:
            said.append(f"{locale_dir}: no .po file for '{lang}'; its texts were not copied")
    return said


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", help="a Python file with TEXT = {...}, or - for standard input")
    parser.add_argument("--locale-dir", type=Path, default=LOCALE_DIR, metavar="DIR")
    parser.add_argument("--name", default="TEXT", help="the dict's name (default TEXT)")
    parser.add_argument("--update", action="store_true", help="replace texts that differ")
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would change; write nothing"
    )
    args = parser.parse_args(argv)
    source = (
        sys.stdin.read() if args.source == "-" else Path(args.source).read_text(encoding="utf-8")
    )
    try:
        texts = read_text_dict(source, args.name)
    except (ValueError, SyntaxError) as exc:
        print(f"strings_to_po: error: {exc}", file=sys.stderr)
        return 2
    for line in port(texts, args.locale_dir, update=args.update, dry_run=args.dry_run):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
