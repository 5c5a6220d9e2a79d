"""A Python-Markdown extension that shapes blocks for Qt's rich-text engine.

Qt draws padding, borders and backgrounds on table cells but not on ``<div>``s, so an
admonition (``!!! warning "Title"``) becomes a one-cell table with the class
``callout-warning``; ordinary tables get the class ``data`` and the full width.
A box from a Hugo shortcode (see markdown_import) carries its title in
``data-kiosk-title``. A ``<details>`` block is shown open, its ``<summary>`` in bold.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

KINDS = {
    "warning": "warning",
    "danger": "warning",
    "caution": "warning",
    "error": "warning",
    "tip": "tip",
    "success": "tip",
    "hint": "tip",
    "doctor": "doctor",  # "When to see a doctor": see outline.py
}


class CalloutProcessor(Treeprocessor):
    def run(self, root: ET.Element) -> None:
        for table in root.iter("table"):
            table.set("class", "data")
            table.set("width", "100%")
        for element in root.iter():
            if element.tag == "summary":
                element.tag = "p"
                bold = ET.Element("strong")
                bold.text, element.text = element.text, None
                bold.extend(list(element))
                for child in list(element):
                    element.remove(child)
                element.append(bold)
            elif element.tag in ("details", "figure", "center"):
                element.tag = "div"
            elif element.tag == "figcaption":
                element.tag = "p"
        for parent in list(root.iter()):
            for index, child in enumerate(list(parent)):
                classes = child.get("class", "").split()
                if child.tag == "div" and "admonition" in classes:
                    parent.remove(child)
                    parent.insert(index, _callout(child, classes))


def _callout(div: ET.Element, classes: list[str]) -> ET.Element:
    kind = next((KINDS[c] for c in classes if c in KINDS), "note")
    table = ET.Element(
        "table",
        {"class": "callout", "width": "100%", "cellspacing": "0", "cellpadding": "24"},
    )
    cell = ET.SubElement(ET.SubElement(table, "tr"), "td", {"class": f"callout-{kind}"})
    title = div.get("data-kiosk-title", "")
    if title:
        ET.SubElement(cell, "p", {"class": "callout-title"}).text = title
    if (div.text or "").strip():
        ET.SubElement(cell, "p").text = div.text
    for element in list(div):
        if element.tag == "p" and "admonition-title" in element.get("class", ""):
            element.set("class", "callout-title")
        cell.append(element)
    return table


class CalloutsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API name)
        md.treeprocessors.register(CalloutProcessor(md), "kiosk_callouts", 4)
