"""Every page says when to see a doctor, in one place: after an article, on a guide summary."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QWidget

from kiosk.ui.screens.article import ArticleScreen
from kiosk.ui.screens.guide import GuideScreen
from kiosk.ui.window import KioskWindow


def _top(widget: QWidget, screen: QWidget) -> int:
    return widget.mapTo(screen, QPoint(0, 0)).y()


def test_an_article_shows_its_doctor_box_after_the_text_and_before_the_sources(
    shipped_kiosk: KioskWindow,
) -> None:
    for lang in ("en", "zh-CN"):
        shipped_kiosk.set_language(lang)
        shipped_kiosk.open_page("weaning/residual-milk")
        article = shipped_kiosk.screen_widget
        assert isinstance(article, ArticleScreen)
        assert article.body is not None and article.doctor is not None
        shown = article.doctor.toPlainText()
        assert ("When to see a doctor" if lang == "en" else "就医") in shown
        assert "!!!" not in article.body.toPlainText() and "!!!" not in shown
        footer = article.findChild(QWidget, "TrustFooter")
        assert footer is not None
        content = article.content
        assert _top(article.body, content) < _top(article.doctor, content) < _top(footer, content)


def test_a_guide_shows_its_doctor_box_on_the_summary_not_in_a_step(
    shipped_kiosk: KioskWindow,
) -> None:
    shipped_kiosk.set_language("en")
    shipped_kiosk.open_page("weaning/gentle-weaning")
    guide = shipped_kiosk.screen_widget
    assert isinstance(guide, GuideScreen)
    assert guide.summary.doctor is not None
    assert "When to see a doctor" in guide.summary.doctor.toPlainText()
    for step in guide.steps:
        assert "When to see a doctor" not in step.html
