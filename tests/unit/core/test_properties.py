"""Random text and random front matter never make the loader or renderer raise."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk import resources
from kiosk.core import loader
from kiosk.core.schema import KEYS

ASSETS = resources.assets_dir()

# Markdown-ish text: plenty of the characters that mean something to the parsers.
TOKENS = [
    *"abc 中文\n#*_`[]()!<>/\\:-+=|{}.'\"~\t\x00é",
    "---",
    "+++",
    "](",
    "![",
    "<script>",
    "## ",
    "!!! note",
    "../",
    "http://",
    "\n    ",
    "img.svg",
    ".md",
]
markdownish = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=10,
)
front_matter = st.dictionaries(
    st.sampled_from([*(k.name for k in KEYS.values()), "titel", "questions"])
    | st.text(max_size=10),
    values,
    max_size=8,
)

# The number of examples comes from the profile (tests/conftest.py): a quick one by
# default, HYPOTHESIS_PROFILE=thorough for a long hunt.
SETTINGS = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load_and_render_everything(root: Path) -> None:
    library = loader.load(root, ASSETS, today=dt.date(2026, 1, 1))
    library.check_all()
    for page in library.pages:
        library.related(page)


@SETTINGS
@given(body=markdownish)
def test_random_text_never_raises(body: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "random.en.md").write_text(body, encoding="utf-8", errors="surrogatepass")
        _load_and_render_everything(root)


@SETTINGS
@given(meta=front_matter, body=markdownish, kind=st.sampled_from(["guide", "article"]))
def test_random_front_matter_never_raises(meta: dict[str, object], body: str, kind: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        header = yaml.safe_dump({"type": kind, **meta}, allow_unicode=True)
        (root / "page.zh-CN.md").write_text(f"---\n{header}---\n{body}", encoding="utf-8")
        _load_and_render_everything(root)


@SETTINGS
@given(raw=st.binary(max_size=300))
def test_random_bytes_never_raise(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "bytes.md").write_bytes(raw)
        _load_and_render_everything(root)
