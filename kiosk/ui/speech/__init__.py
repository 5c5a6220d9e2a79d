"""Reading pages aloud: a speech engine or a page's own recording, one sentence at a time.

``service`` and ``parts`` are light; ``synthesis`` (QtTextToSpeech) and ``recording``
(QtMultimedia) come from PySide6-Addons and are imported only when first needed,
so the kiosk starts without paying for them.
"""
