"""The kiosk's own words, in every language. A new language adds a column here."""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "home": {"zh-CN": "首页", "en": "Home"},
    "back": {"zh-CN": "返回", "en": "Back"},
    "guides": {"zh-CN": "分步指南", "en": "Step-by-step guides"},
    "guide": {"zh-CN": "分步指南", "en": "Guide"},
    "read_next": {"zh-CN": "接着读", "en": "Read next"},
    "source": {"zh-CN": "信息来源", "en": "Source"},
    "reviewed_by": {"zh-CN": "审核", "en": "Reviewed by"},
    "reviewed": {"zh-CN": "审核日期", "en": "Last reviewed"},
    "review_due": {"zh-CN": "下次审核", "en": "Next review due"},
    "disclaimer": {
        "zh-CN": "本页内容仅供健康教育参考，不能代替医生的诊断和建议。",
        "en": "This information does not replace advice from your doctor or nurse.",
    },
    "unavailable": {
        "zh-CN": "抱歉，这一页暂时无法显示。",
        "en": "Sorry, this page is unavailable right now.",
    },
    "touch_to_start": {"zh-CN": "轻触屏幕开始", "en": "Touch to start"},
    "text_size": {"zh-CN": "字号", "en": "Text size"},
    "sections": {"zh-CN": "健康知识", "en": "Health topics"},
}


def tr(key: str, lang: str) -> str:
    """The kiosk's text ``key`` in ``lang`` (English if it has none)."""
    entry = TEXT[key]
    return entry.get(lang) or entry["en"]
