"""Invariants that hold for any input (hypothesis)."""

from __future__ import annotations

import orjson
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import article2json
from article2json import ConvertError

from helpers import examples, validate

# Text biased towards what articles are made of: letters of several scripts,
# vowel signs, joiners, punctuation, spaces and line breaks.
_alphabet = st.sampled_from(
    list("कखगमनरसहािीुेोंँ़्।॥ abcXYZ.,:;?!\"'()-—«»")
    + list("ঢাকায়নতুন।")
    + list("東京の桜、。")
    + list("مرحبا۔؟،")
    + list("Новыймост")
    + [
        "\u200d",
        "\u200c",
        "\u200b",
        "\u00a0",
        "\u200e",
        "\t",
        "\n",
        "\n\n",
        "\r\n",
        "\r",
        "# ",
        "- ",
        "1. ",
    ]
)
article_text = st.lists(_alphabet, max_size=300).map("".join)
any_text = st.text(max_size=300)

SPACE = regex.compile(r"[\s\p{Cf}]")
LINE_START = regex.compile(r"(?m)^[\s\p{Cf}]+")
SETTINGS = settings(
    max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def _check_blocks(text: str) -> None:
    a = article2json.parse(text, blocks=True)
    validate(orjson.loads(article2json.to_json(a)))
    decoded = text.replace("\r\n", "\n").replace("\r", "\n")
    covered = [False] * len(decoded)
    last_end = 0
    for b in a["blocks"]:
        assert last_end <= b["start"] < b["end"] <= len(decoded)
        last_end = b["end"]
        for k in range(b["start"], b["end"]):
            covered[k] = True
        piece = decoded[b["start"] : b["end"]]
        # The text holds the span's characters, without markup and with its
        # lines joined; a format character that starts a line (a BOM, a
        # zero-width joiner) is not kept, one inside a line is.
        # (a quotation's ">" marks are markup too: left out on both sides)
        seen = "".join(LINE_START.sub("", piece).split()).replace(">", "")
        assert "".join(b["text"].split()).replace(">", "") in seen
    for k, ch in enumerate(decoded):
        if not SPACE.match(ch):
            assert covered[k], f"character {ch!r} at {k} is in no block"


@SETTINGS
@given(article_text)
def test_blocks_cover_every_visible_character_once_in_order(text: str) -> None:
    _check_blocks(text)


@SETTINGS
@given(any_text)
def test_any_unicode_text_gives_valid_output(text: str) -> None:
    try:
        a = article2json.parse(text)
    except ConvertError as e:
        assert "surrogate" in e.reason
        return
    validate(orjson.loads(article2json.to_json(a)))


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_give_valid_output_or_a_documented_error(data: bytes) -> None:
    try:
        a = article2json.parse(data)
    except ConvertError as e:
        assert e.reason.startswith(("invalid UTF-8", "binary file", "looks like UTF-16"))
        return
    validate(orjson.loads(article2json.to_json(a)))


@SETTINGS
@given(article_text)
def test_output_is_deterministic_and_crlf_equals_lf(text: str) -> None:
    lf = text.replace("\r\n", "\n").replace("\r", "\n")
    a, b = article2json.parse(text), article2json.parse(text)
    assert article2json.to_json(a) == article2json.to_json(b)
    crlf = article2json.parse(lf.replace("\n", "\r\n"))
    plain = article2json.parse(lf)
    for key in ("title", "sections", "boilerplate", "stats"):
        assert crlf[key] == plain[key]


@SETTINGS
@given(article_text)
def test_every_body_character_lands_in_exactly_one_field(text: str) -> None:
    """Non-space characters of the title, headings, paragraphs and boilerplate
    together are the input's non-space characters, in order, less markup."""
    a = article2json.parse(text, blocks=True)
    fields = [a["title"] or ""] if a["title"] is not None else []
    for s in a["sections"]:
        if s["heading"] is not None:
            fields.append(s["heading"])
        fields.extend(s["paragraphs"])
    fields.extend(a["boilerplate"])
    assert sorted(fields) == sorted(b["text"] for b in a["blocks"])


@SETTINGS
@given(st.text(max_size=400))
def test_fast_word_count_equals_the_unicode_pattern(text: str) -> None:
    """The byte-level word counter gives exactly what the Unicode pattern
    (runs of \\w, each letter of a script without spaces apart) finds."""
    from article2json.scripts import WORD, count_words

    assert count_words(text) == sum(1 for _ in WORD.p.finditer(text))
