"""Decoding: byte-order marks, strict UTF-8 with the offset of the first bad byte, line ends."""

from __future__ import annotations

import random

import pytest

from article2json.decode import decode
from article2json.errors import ConvertError


def test_utf8_is_the_default() -> None:
    assert decode("हिन्दी".encode()) == ("हिन्दी", "utf-8")


def test_utf8_bom_is_skipped() -> None:
    assert decode(b"\xef\xbb\xbfabc") == ("abc", "utf-8-sig")


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    text, name = decode("Привет\nмир".encode(codec))
    assert text == "Привет\nмир"
    assert name.startswith(codec)


def test_utf16_without_bom_is_named() -> None:
    with pytest.raises(ConvertError, match="UTF-16-LE without a byte-order mark"):
        decode("Hello world, this is text".encode("utf-16-le"))
    with pytest.raises(ConvertError, match="UTF-16-BE without a byte-order mark"):
        decode("Заголовок\n\nТекст статьи.\n".encode("utf-16-be"))  # NULs in its spaces only


@pytest.mark.parametrize(
    "text",
    [
        "Hello world, this is text.\n",
        "Заголовок\n\nТекст статьи.\n",
        "शीर्षक\n\nलेख का पाठ।\n",
        "今天天气很好，大家都出去玩了。游客很多，公园里人山人海。\n" * 5 + "东京樱花盛开了。\n",
        "東京の桜が満開になった。\n" * 20,  # NULs only in its line ends
    ],
)
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_auto_reads_utf16_without_bom_in_any_script(text: str, codec: str) -> None:
    """UTF-16 of Cyrillic or Devanagari has NUL bytes only in its spaces and
    line ends (and is valid UTF-8 besides), of Japanese only in its line
    ends (a Chinese 开, U+5F00, has one among its low bytes): --encoding
    auto still reads it."""
    assert decode(text.encode(codec), "auto") == (text, codec)


def test_auto_still_calls_binary_files_binary() -> None:
    rng = random.Random(7)
    noise = [bytes(rng.randrange(256) for _ in range(2000)) for _ in range(20)]
    padded = [bytes(b if i % 2 else 0 for i, b in enumerate(n)) for n in noise]
    for data in (
        bytes(range(256)) * 4,
        b"ELF\x00\x00\x01" * 200,
        b"text\x00more text" * 50,  # read two by two: letters, no spaces
        *(n + b"\x00" for n in noise),
        *padded,
    ):
        with pytest.raises(ConvertError, match=r"binary file \(NUL byte|without a byte-order mark"):
            decode(data, "auto")


def test_invalid_utf8_names_the_byte_offset() -> None:
    with pytest.raises(ConvertError, match=r"invalid UTF-8 at byte 6 .*--encoding"):
        decode(b"Price \xa3 5")


def test_replace_goes_on() -> None:
    assert decode(b"Price \xa3 5", errors="replace")[0] == "Price \ufffd 5"


def test_explicit_encoding() -> None:
    assert decode(b"Price \xa3 5", "latin-1") == ("Price £ 5", "iso8859-1")


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(ConvertError, match=r"binary file \(NUL byte at byte 3\)"):
        decode(b"\x89PN\x00\x01\x02")


def test_line_ends_become_lf() -> None:
    assert decode(b"a\r\nb\rc\n")[0] == "a\nb\nc\n"


def test_a_form_feed_is_a_line_end_and_what_follows_it_a_new_block() -> None:
    """A PDF extract's page break: the next page's first line (its number,
    its running header) is no continuation of the paragraph above. One
    character for one: offsets into the decoded text stay those of the
    input's characters (`line` counts the form feed as a line end)."""
    import article2json

    assert decode(b"end.\n\fNext\r\n")[0] == "end.\n\nNext\n"
    page = "Title\n\nThe first page ends with this sentence.\n\fThe second page starts here.\n"
    for given in (page, page.encode()):
        a = article2json.parse(given, blocks=True)
        assert [p for s in a["sections"] for p in s["paragraphs"]] == [
            "The first page ends with this sentence.",
            "The second page starts here.",
        ]
        assert [b["start"] for b in a["blocks"]][-1] == page.index("The second")


def test_unknown_encoding() -> None:
    with pytest.raises(ConvertError, match="unknown encoding"):
        decode(b"x", "no-such-codec")


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Le président est arrivé à Paris après une très longue journée. Il a été reçu.", "cp1252"),
        ("España celebra mañana el día de la niña. El señor Núñez llegó a la reunión.", "cp1252"),
        ("Die Bürger in München ärgern sich über die Straßenbahn. Größer wird es nicht.", "cp1252"),
        (
            "Příliš žluťoučký kůň úpěl ďábelské ódy. Česká republika leží ve střední Evropě.",
            "cp1250",
        ),
        (
            "Zażółć gęślą jaźń. Polska jest państwem w Europie Środkowej, stolicą jest Warszawa.",
            "cp1250",
        ),
    ],
    ids=["fr", "es", "de", "cs", "pl"],
)
def test_auto_prefers_windows_1252_where_it_fits_as_well(text: str, encoding: str) -> None:
    """charset-normalizer ties Windows-1252 with 1250 on French or Spanish
    ("aprčs", "Espańa"); Czech and Polish stay Windows-1250."""
    data = ("\n\n".join([text] * 3) + "\n").encode(encoding)
    got, name = decode(data, "auto")
    assert (name, got.split("\n")[0]) == (encoding, text)
