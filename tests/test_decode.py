"""Decoding: byte-order marks, strict UTF-8 with the offset of the first bad byte, line ends."""

from __future__ import annotations

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


def test_unknown_encoding() -> None:
    with pytest.raises(ConvertError, match="unknown encoding"):
        decode(b"x", "no-such-codec")
