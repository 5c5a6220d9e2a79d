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
    "not_reviewed": {
        "zh-CN": "本页内容尚未经临床医生审核。",
        "en": "Not yet reviewed by a clinician.",
    },
    "intro": {"zh-CN": "开始之前", "en": "Before you start"},
    "start": {"zh-CN": "开始", "en": "Start"},
    "about_page": {"zh-CN": "这些问题来自：{title}", "en": "These questions are about: {title}"},
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
    "step_of": {"zh-CN": "第 {n} 步，共 {total} 步", "en": "Step {n} of {total}"},
    "summary": {"zh-CN": "回顾一下", "en": "In short"},
    "next": {"zh-CN": "下一步", "en": "Next"},
    "previous": {"zh-CN": "上一步", "en": "Back a step"},
    "check": {"zh-CN": "考考自己", "en": "Check your understanding"},
    "question_of": {"zh-CN": "第 {n} 题，共 {total} 题", "en": "Question {n} of {total}"},
    "true": {"zh-CN": "对", "en": "Yes"},
    "false": {"zh-CN": "不对", "en": "No"},
    "right": {"zh-CN": "答对了！", "en": "That's right!"},
    "not_quite": {"zh-CN": "不太对，没关系。", "en": "Not quite, and that's fine."},
    "next_question": {"zh-CN": "下一题", "en": "Next question"},
    "see_result": {"zh-CN": "看看结果", "en": "See how you did"},
    "try_again": {"zh-CN": "再做一次", "en": "Try again"},
    "score": {
        "zh-CN": "{total} 题里答对了 {right} 题。",
        "en": "You got {right} of {total} right.",
    },
    "well_done": {
        "zh-CN": "谢谢你认真阅读。有任何疑问，请问医生或护士。",
        "en": "Thank you for reading. If anything is unclear, ask your doctor or nurse.",
    },
    "back_to_page": {"zh-CN": "返回本页", "en": "Back to the page"},
    # Read aloud: the words on the speaker button in each state, and what a
    # screen reader says for it.
    "listen": {"zh-CN": "听一听", "en": "Listen"},
    "listen_pause": {"zh-CN": "暂停", "en": "Pause"},
    "listen_resume": {"zh-CN": "继续听", "en": "Go on"},
    "listen_stop": {"zh-CN": "停止", "en": "Stop"},
    "listen_name": {"zh-CN": "朗读这部分内容", "en": "Read this aloud"},
    "listen_pause_name": {"zh-CN": "暂停朗读", "en": "Pause reading aloud"},
    "listen_resume_name": {"zh-CN": "继续朗读", "en": "Go on reading aloud"},
    "listen_stop_name": {"zh-CN": "停止朗读", "en": "Stop reading aloud"},
}


def tr(key: str, lang: str) -> str:
    """The kiosk's text ``key`` in ``lang`` (English if it has none)."""
    entry = TEXT[key]
    return entry.get(lang) or entry["en"]
