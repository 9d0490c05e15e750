"""The JSON writer (`api.parse_json`, what the command writes) gives the
bytes of `to_json(parse(...), newline=True)`, compact and pretty: on
generated documents of several scripts and layouts, on every golden file,
and whatever the bounds of the streaming pipeline (caches, chunks, which
runs are kept as lists) are set to: they are policy, never output."""

from __future__ import annotations

import contextlib
import textwrap
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import article2json
from article2json import assemble, blocks, lines, segment, spans, write_json
from article2json.api import parse_json

from helpers import GOLDEN, SEED, examples

WORDS = {
    "latin": [
        "the",
        "river",
        "rose",
        "for",
        "nine",
        "days",
        "and",
        "the",
        "town",
        "waited",
        "on",
        "hill",
    ],
    "devanagari": ["नदी", "नौ", "दिनों", "तक", "बढ़ती", "रही", "और", "शहर", "पहाड़ी", "पर"],
    "han": list("東京の桜が咲いた川は九日間増水し町は丘の上で待った"),
    "cyrillic": ["река", "поднималась", "девять", "дней", "и", "город", "ждал", "на", "холме"],
    "arabic": ["ارتفع", "النهر", "تسعة", "أيام", "وانتظرت", "المدينة", "على", "التل"],
}
ENDS = {"latin": ".", "devanagari": "।", "han": "。", "cyrillic": ".", "arabic": "."}


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    script = draw(st.sampled_from(sorted(WORDS)))
    words = WORDS[script]
    sep = "" if script == "han" else " "

    def phrase(lo: int, hi: int) -> str:
        return sep.join(draw(st.lists(st.sampled_from(words), min_size=lo, max_size=hi)))

    width = draw(st.sampled_from([None, 20, 40, 72]))
    blank = draw(st.booleans())
    out: list[str] = []
    if draw(st.integers(0, 3)) == 0:  # front matter above the headline
        out.extend([draw(st.sampled_from(["BREAKING NEWS", "Home | News | World"])), ""])
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["para", "para", "head", "md", "setext", "num", "list", "cue"]))
        if kind == "para":
            text = sep.join(phrase(2, 9) + ENDS[script] for _ in range(draw(st.integers(1, 4))))
            block = textwrap.wrap(text, width) if width and sep else [text]
            if draw(st.booleans()):
                block[0] = "  " + block[0]
        elif kind == "head":
            block = [phrase(1, 4).title()]
        elif kind == "md":
            block = ["#" * draw(st.integers(1, 3)) + " " + phrase(1, 4)]
        elif kind == "setext":
            block = [phrase(1, 4), draw(st.sampled_from(["===", "---"]))]
        elif kind == "num":
            block = [f"{draw(st.integers(1, 9))}. {phrase(1, 4)}"]
        elif kind == "list":
            block = ["- " + phrase(1, 5) for _ in range(draw(st.integers(2, 4)))]
        else:
            block = [
                draw(
                    st.sampled_from(
                        [
                            "Follow us on Twitter @town",
                            "(Read more at x.com/a)",
                            "BREAKING NEWS",  # front matter when it comes first
                            "Home | News | World",
                        ]
                    )
                )
            ]
        if out and (blank or draw(st.integers(0, 4)) == 0):
            out.append("")
        out.extend(line + draw(st.sampled_from(["", "", " "])) for line in block)
    text = "\n".join(out) + "\n"
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text.encode("utf-8")


def _same(data: bytes, source: str | None = None) -> bytes:
    for pretty in (False, True):
        want = article2json.to_json(
            article2json.parse(data, source=source), pretty=pretty, newline=True
        )
        assert parse_json(data, source=source, pretty=pretty) == want
    return want


BOUNDS = (
    (spans, "LAZY_LINES"),
    (spans, "CACHE_BLOCKS"),
    (spans, "CACHE_CHARS"),
    (spans, "MIN_CACHED"),
    (segment, "KEPT_LINES"),
    (segment, "LISTED_RUN"),
    (blocks, "JOIN_CHUNK"),
    (lines, "SPLIT_CHUNK"),
    (assemble, "WORD_WINDOW"),
    (write_json, "STRING_PIECE"),
)


@contextmanager
def bounds(values: tuple[int, ...]) -> Iterator[None]:
    with ExitStack() as stack:
        for (module, name), value in zip(BOUNDS, values, strict=True):
            stack.enter_context(mock.patch.object(module, name, value))
        yield


def tight_bounds() -> contextlib.AbstractContextManager[None]:
    """Every bound at its smallest: each block read again from the text,
    the long-run and long-block paths taken at once."""
    return bounds((1, 1, 1, 0, 0, 0, 2, 7, 5, 3))


def loose_bounds() -> contextlib.AbstractContextManager[None]:
    """No bound: the document read whole, as before spans."""
    return bounds((10**9,) * len(BOUNDS))


SETTINGS = settings(
    max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@SETTINGS
@given(documents())
def test_the_writer_gives_the_bytes_of_the_dict(data: bytes) -> None:
    want = _same(data, source="a.txt")
    with tight_bounds():
        assert _same(data, source="a.txt") == want


@pytest.mark.parametrize("path", [SEED, *sorted(GOLDEN.glob("*.txt"))], ids=lambda p: p.stem)
def test_the_writer_on_golden_files(path: Path) -> None:
    data = path.read_bytes()
    want = _same(data, source=path.name)
    with tight_bounds():
        assert _same(data, source=path.name) == want


def test_the_writer_carries_path_bytes() -> None:
    data = SEED.read_bytes()
    article = article2json.parse(data, source="x.txt")
    src = article["source"]
    article["source"] = {
        "path": src["path"],
        "path_bytes": "eP8=",
        "bytes": src["bytes"],
        "sha256": src["sha256"],
        "encoding": src["encoding"],
    }
    for pretty in (False, True):
        want = article2json.to_json(article, pretty=pretty, newline=True)
        assert parse_json(data, source="x.txt", path_bytes="eP8=", pretty=pretty) == want


def test_a_long_paragraph_and_many_blocks_stream() -> None:
    """A run of 1,100 lines (beyond a listed run and a joined chunk) and
    1,100 blocks (beyond the cache) give the output of the same text read
    whole (the property above takes every path with tiny bounds)."""
    para = "\n".join(["the river rose for nine days and the town waited"] * 1100)
    many = "\n\n".join(f"Block {i} ends here." for i in range(1100))
    for text in (para, "Title\n\n" + para + "\n\n" + many):
        data = text.encode()
        with loose_bounds():
            want = _same(data)
        assert _same(data) == want
