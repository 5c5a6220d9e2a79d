"""A third language made in a test: French, as a hospital would add it, in a few files."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import write

# A few of the kiosk's texts only: the rest must show in English.
FRENCH_PO = r"""# Written by hand, as a translator might.
msgid ""
msgstr ""
"Language: fr\n"
"Content-Type: text/plain; charset=UTF-8\n"

msgctxt "language_name"
msgid "English"
msgstr "Français"

msgctxt "home"
msgid "Home"
msgstr "Accueil"

msgctxt "back"
msgid "Back"
msgstr "Retour"

msgctxt "labelled"
msgid "{label}: {value}"
msgstr "{label} : {value}"

msgctxt "source"
msgid "Source"
msgstr "Source"

msgctxt "step_of"
msgid "Step {n} of {total}"
msgstr "Étape {n} sur {total}"
"""

TRUST = "source: Hôpital\nreviewed_by: Nurse\nreviewed: 2026-01-01\n"


def french_locale(folder: Path) -> Path:
    """A folder with ``fr.po`` in it, as a hospital's ``locale_dir``."""
    write(folder, "fr.po", FRENCH_PO)
    return folder


def french_content(root: Path) -> Path:
    """One page in Chinese, English and French."""
    write(root, "care/rest.zh-CN.md", f"---\ntitle: 多休息\n{TRUST}---\n\n睡一会儿。\n")
    write(root, "care/rest.en.md", f"---\ntitle: Rest well\n{TRUST}---\n\nTake a nap.\n")
    write(
        root, "care/rest.fr.md", f"---\ntitle: Bien se reposer\n{TRUST}---\n\nFaites une sieste.\n"
    )
    return root
