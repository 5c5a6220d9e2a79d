"""A Python-Markdown extension: a line break inside Chinese text is not a space.

Authors wrap long lines in their editor. In English the break reads as a space;
between two Chinese characters (or Chinese punctuation) it must vanish, or the
sentence shows stray gaps such as "产奶。 如果".
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

_CJK = r"\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t]*\n[ \t]*(?=[{_CJK}])")


def join_cjk_lines(text: str) -> str:
    return _BREAK.sub("", text)


class CjkBreaksProcessor(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if element.text:
                element.text = join_cjk_lines(element.text)
            if element.tail:
                element.tail = join_cjk_lines(element.tail)


class CjkBreaksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(CjkBreaksProcessor(md), "kiosk_cjk_breaks", 3)
