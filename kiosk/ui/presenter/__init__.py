"""Presenter mode: a nurse runs an education session from a clicker or keyboard.

One controller (``controller.Presentation``) knows where the session is; the
audience view (in the kiosk window) and the presenter view (a second window on
the nurse's screen) both show it, and one application-wide key filter
(``keys.PresenterKeys``) drives it from whichever window has the keyboard.
``mode.PresenterMode`` puts them together on a kiosk window and takes them
away again, writing the session's anonymous record once.
"""
