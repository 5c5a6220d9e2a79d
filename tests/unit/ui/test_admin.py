"""The staff menu lists the content's problems in the form staff can act on."""

from __future__ import annotations

from collections.abc import Callable

from kiosk.ui.screens.admin import AdminScreen
from kiosk.ui.window import KioskWindow

MakeWindow = Callable[..., KioskWindow]


def test_problems_name_files_inside_the_content_folder(make_window: MakeWindow) -> None:
    window = make_window()
    window.show_admin()
    admin = window.staff
    assert isinstance(admin, AdminScreen)
    shown = [admin.diagnostics.item(n).text() for n in range(admin.diagnostics.count())]
    # The test pages have no doctor box: one warning each, named as staff would find it.
    assert "topic/page-1.en.md:10: warning: no 'When to see a doctor' box" in "\n".join(shown)
    assert not any(line.startswith("/") for line in shown)
