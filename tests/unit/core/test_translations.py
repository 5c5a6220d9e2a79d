"""Translations of a page must say the same: kiosk check compares their shape."""

from __future__ import annotations

from pathlib import Path

from kiosk.core import loader
from tests.conftest import TODAY, write

TRUST = "source: Hospital\nreviewed_by: Nurse\nreviewed: 2026-01-01\n"
ZH = f"""---
title: 涨奶
{TRUST}---

## 为什么

原因。

## 怎么办

办法。

!!! doctor "出现这些情况，请及时就医"
    **今天就去看医生**

    - 发烧。
    - 发红。
"""
EN_SHORT = f"""---
title: Full breasts
{TRUST}---

## Why

Reasons, and what to do, in one section.

!!! doctor "When to see a doctor"
    **See a doctor today**

    - A fever.
"""


def test_a_translation_with_fewer_sections_or_warning_signs_is_reported(
    tmp_path: Path, assets: Path
) -> None:
    write(tmp_path, "w/full.zh-CN.md", ZH)
    en = write(tmp_path, "w/full.en.md", EN_SHORT)
    library = loader.load(tmp_path, assets, today=TODAY)
    found = [(d.path, d.line, d.message) for d in library.check_all()]
    assert (en, 7, "'##' sections: 1 here, 2 in the zh-CN version (full.zh-CN.md); "
            "translations should say the same") in found  # fmt: skip
    assert (en, 7, "warning signs in its doctor box: 1 here, 2 in the zh-CN version "
            "(full.zh-CN.md); translations should say the same") in found  # fmt: skip
    assert all(path == en for path, _, _ in found)


def test_translations_of_the_same_shape_pass(tmp_path: Path, assets: Path) -> None:
    write(tmp_path, "w/full.zh-CN.md", ZH)
    write(
        tmp_path,
        "w/full.en.md",
        EN_SHORT.replace("## Why", "## Why\n\nReasons.\n\n## What to do").replace(
            "    - A fever.", "    - A fever.\n    - Redness."
        ),
    )
    write(tmp_path, "w/_index.en.md", "# Weaning\n")
    write(tmp_path, "w/_index.zh-CN.md", "# 断奶\n")
    library = loader.load(tmp_path, assets, today=TODAY)
    assert library.check_all() == ()
