"""Generated content folders for the benchmarks: N pages, each in English and Chinese.

Pages look like the bundled ones: full front matter (title, summary, cover from
``assets/``, dates, tags and keywords from a shared vocabulary where a few words
are common and most are rare, some explicit ``related`` ids, trust fields), about
350 words of body with headings, a list, a picture, links to other pages and a
"When to see a doctor" box; one page in each folder of 250 is a step-by-step
guide. Each folder has its ``_index`` files. A generated folder is kept (in the system's
temporary folder) and reused by later runs; it is made again only when this
generator changes (``VERSION``).
"""

from __future__ import annotations

import random
import shutil
import tempfile
from pathlib import Path

VERSION = 2
PER_SECTION = 250
ROOT = Path(tempfile.gettempdir()) / "kiosk-benchmark-libraries"

COVERS = sorted(
    p.name for p in (Path(__file__).resolve().parent.parent / "assets" / "covers").glob("*.svg")
)
STEP_PICTURES = ("express-little.svg", "go-slowly.svg", "comfort.svg", "ask-doctor.svg")

# (English, Chinese): topic words; the first few are used far more than the rest.
TOPICS = [
    ("breast health", "乳房健康"),
    ("weaning", "断奶"),
    ("pain", "疼痛"),
    ("sleep", "睡眠"),
    ("feeding", "喂养"),
    ("fever", "发烧"),
    ("skin care", "皮肤护理"),
    ("medicines", "用药"),
    ("exercise", "运动"),
    ("mental health", "心理健康"),
    ("nutrition", "营养"),
    ("pregnancy", "怀孕"),
    ("newborn", "新生儿"),
    ("vaccines", "疫苗"),
    ("hygiene", "卫生"),
    ("back care", "腰背护理"),
    ("blood pressure", "血压"),
    ("diabetes", "糖尿病"),
    ("allergy", "过敏"),
    ("surgery", "手术"),
    ("wound care", "伤口护理"),
    ("breathing", "呼吸"),
    ("teeth", "牙齿"),
    ("eyes", "眼睛"),
    ("hearing", "听力"),
    ("heart", "心脏"),
    ("kidneys", "肾脏"),
    ("bones", "骨骼"),
    ("stress", "压力"),
    ("safety", "安全"),
]

EN_BODY = """\
This page explains {topic} in plain words. It says what you can do at home, what
to avoid, and when to see a doctor. Read it at your own pace, and ask a nurse if
anything is not clear.

## In short

- Most people feel better with simple care at home.
- Take your time, and rest when you need to.
- Ask for help early if something worries you.
- Know the signs in "When to see a doctor" at the end of this page.

## Why it happens

Your body needs time to adjust. Small changes each day are easier than one big
change. Many people notice the first signs in the morning, and feel better by
the evening. This is common, and it is usually not a sign of anything serious.

## What to do at home

![A nurse shows a patient a simple step to take at home](/assets/steps/{picture})

Picture: one small step at a time.

1. **Rest** when you feel tired, and drink water when you are thirsty.
2. **Keep a note** of how you feel each day, so you can tell a nurse.
3. **Eat regular meals** with fruit and vegetables.
4. **Move gently** every day, as much as feels comfortable.
5. **Read more:** [{other_title}]({other_link}) and [{third_title}]({third_link}).

## What to avoid

Do not take medicines that a doctor or pharmacist has not suggested for you. Do
not wait for a long time if you feel worse. Some remedies from friends can do
more harm than good, so check with a nurse first.

!!! doctor "When to see a doctor"
    **See a doctor today**

    - You have a high fever, or you feel very unwell.
    - The pain gets worse, or it does not get better after two days.

    **Make an appointment with a doctor**

    - You are worried, or you have questions about your care.
"""

ZH_BODY = """\
这一页用简单的话讲讲{topic}：在家可以怎么做，要避免什么，什么时候要看医生。
慢慢读，有看不懂的地方，可以问护士。

## 简单来说

- 大多数人在家好好护理，就会慢慢好起来。
- 不要着急，累了就休息。
- 有担心的事，早点找人帮忙。
- 记住本页最后“什么时候要看医生”里的情况。

## 为什么会这样

身体需要时间来适应。每天改变一点点，比一下子改变很多更容易。很多人早上最先感觉到，
到了晚上就好一些。这很常见，通常不是什么严重的问题。

## 在家可以这样做

![护士向病人演示一个在家可以做的简单步骤](/assets/steps/{picture})

图：一次只做一小步。

1. **多休息**：累了就歇一歇，口渴了就喝水。
2. **记下来**：每天记下自己的感觉，方便告诉护士。
3. **按时吃饭**：多吃水果和蔬菜。
4. **轻轻活动**：每天活动一下，以舒服为准。
5. **延伸阅读**：[{other_title}]({other_link})、[{third_title}]({third_link})。

## 不要这样做

医生或药师没有建议的药，不要自己吃。感觉更差了，不要一直拖着。亲友推荐的偏方，
有时弊大于利，先问问护士。

!!! doctor "什么时候要看医生"
    **今天就去看医生**

    - 发高烧，或者感觉很不舒服。
    - 疼痛加重，或者两天后还没有好转。

    **预约看医生**

    - 你很担心，或者对护理有疑问。
"""

EN_GUIDE = """\
This guide shows you, step by step, how to look after {topic} at home. It takes
about ten minutes. Sit somewhere calm before you start.

## Get ready

![Things to have ready before you start](/assets/steps/{picture})

Wash your hands with soap and water. Have a clean towel and a glass of water ready.

## Take the first step

![A gentle first step](/assets/steps/go-slowly.svg)

Go slowly and gently. Stop if it hurts. Read [{other_title}]({other_link}) if you are unsure.

## Rest and check

![A person resting in a chair](/assets/steps/comfort.svg)

Rest for a few minutes. Notice how you feel, and write it down for the nurse.

!!! doctor "When to see a doctor"
    - It hurts more after each try, or you have a fever.
"""

ZH_GUIDE = """\
这份指南一步一步告诉你在家怎样护理{topic}，大约需要十分钟。开始前，先找个安静的地方坐下。

## 做好准备

![开始前要准备好的东西](/assets/steps/{picture})

用肥皂和清水洗手，准备一条干净的毛巾和一杯水。

## 第一步

![轻轻开始](/assets/steps/go-slowly.svg)

慢慢来，动作要轻。如果疼，就停下来。不确定的话，看看[{other_title}]({other_link})。

## 休息一下，看看感觉

![一个人坐在椅子上休息](/assets/steps/comfort.svg)

休息几分钟，留意自己的感觉，记下来告诉护士。

!!! doctor "什么时候要看医生"
    - 每做一次都更疼，或者发烧了。
"""


def folder(pages: int) -> Path:
    """The content folder of ``pages`` x 2 pages, generated on first use."""
    root = ROOT / f"v{VERSION}-{pages}"
    if (root / ".complete").exists():
        return root
    if root.exists():
        shutil.rmtree(root)
    partial = root.with_name(root.name + ".partial")
    if partial.exists():
        shutil.rmtree(partial)
    generate(partial, pages)
    (partial / ".complete").write_text("generated\n", encoding="utf-8")
    partial.rename(root)
    return root


def _page_id(index: int) -> str:
    return f"section-{index // PER_SECTION:02d}/page-{index:05d}"


def _title(index: int, lang: str) -> str:
    en, zh = TOPICS[index % len(TOPICS)]
    return f"Caring for {en}, part {index}" if lang == "en" else f"{zh}护理（第 {index} 篇）"


def generate(root: Path, pages: int, seed: int = 1) -> None:
    """Write ``pages`` pages in English and Chinese under ``root``."""
    rng = random.Random(seed)
    sections = (pages + PER_SECTION - 1) // PER_SECTION
    for section in range(sections):
        folder = root / f"section-{section:02d}"
        folder.mkdir(parents=True)
        en, zh = TOPICS[section % len(TOPICS)]
        (folder / "_index.en.md").write_text(f"---\ntitle: {en.capitalize()}\n---\n", "utf-8")
        (folder / "_index.zh-CN.md").write_text(f"---\ntitle: {zh}\n---\n", "utf-8")
    weights = [1 / (rank + 1) for rank in range(len(TOPICS))]  # a few common words
    for index in range(pages):
        topics = set(rng.choices(range(len(TOPICS)), weights=weights, k=rng.randint(2, 4)))
        keyword = rng.choices(range(len(TOPICS)), weights=weights)[0]
        others = [rng.randrange(pages) for _ in range(3)]
        guide = index % PER_SECTION == 7  # one guide a folder: home shows guides first
        related = (
            [_page_id(i) for i in rng.sample(range(pages), min(pages, 2))] if index % 4 == 0 else []
        )
        day = 1 + index % 28
        for lang, column in (("en", 0), ("zh-CN", 1)):
            tags = ", ".join(TOPICS[t][column] for t in sorted(topics))
            lines = [
                f"title: {_title(index, lang)}",
                "summary: "
                + (
                    "What helps at home, what to avoid, and when to see a doctor."
                    if lang == "en"
                    else "在家怎样护理，要避免什么，什么时候要看医生。"
                ),
                f"type: {'guide' if guide else 'article'}",
                f"cover: /assets/covers/{COVERS[index % len(COVERS)]}",
                "cover_alt: "
                + ("A simple drawing for this topic" if lang == "en" else "这个话题的示意图"),
                f"date: 2025-{1 + index % 12:02d}-{day:02d}",
                f"tags: [{tags}]",
                f"keywords: [{TOPICS[keyword][column]}]",
                "source: Generated for a benchmark, from the bundled pages' plan",
                "reviewed_by: Benchmark Reviewer",
                "reviewed: 2026-01-10",
                "review_due: 2099-01-10",
            ]
            if index % 3 == 0:
                lines.append(f"lastmod: 2025-12-{day:02d}")
            if index % 9 == 0:
                lines.append(f"weight: {index % 50}")
            if related:
                lines.append(f"related: [{', '.join(related)}]")
            links = {
                "other_title": _title(others[0], lang),
                "other_link": f"/{_page_id(others[0])}.{lang}.md",
                "third_title": _title(others[1], lang),
                "third_link": f"/{_page_id(others[1])}.{lang}.md",
            }
            template = (
                (EN_GUIDE if lang == "en" else ZH_GUIDE)
                if guide
                else (EN_BODY if lang == "en" else ZH_BODY)
            )
            body = template.format(
                topic=TOPICS[min(topics)][column],
                picture=STEP_PICTURES[index % len(STEP_PICTURES)],
                **links,
            )
            path = root / f"{_page_id(index)}.{lang}.md"
            path.write_text("---\n" + "\n".join(lines) + "\n---\n\n" + body, encoding="utf-8")
