"""From raw bytes to the text the parser reads.

Strict by default: a converter that silently replaces bytes corrupts data, so
invalid input is an error naming where it is, unless the caller opts in to
`errors="replace"`.
"""

from __future__ import annotations

import codecs
import unicodedata
from typing import Literal

from .errors import ConvertError

Normalization = Literal["nfc", "nfkc"]

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def sniff_bom(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def _looks_like_utf16(data: bytes) -> str | None:
    """Name UTF-16 text that came without a byte-order mark (mostly-ASCII text
    has a NUL in every other byte)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(
    data: bytes, encoding: str | None = None, errors: Literal["strict", "replace"] = "strict"
) -> tuple[str, str]:
    """Decode `data` and turn CRLF and CR line ends into LF.

    Returns the text and the name of the encoding used. `encoding=None` means:
    the encoding of a byte-order mark if there is one, else UTF-8.
    """
    bom = sniff_bom(data)
    name = encoding or "utf-8"
    skip = 0
    if bom is not None and (encoding is None or _same_codec(bom[0], encoding)):
        name, skip = bom
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        raise ConvertError(f"unknown encoding {name!r}") from None
    body = memoryview(data)[skip:]
    if codec in ("utf-8", "ascii") or not codec.startswith("utf"):
        nul = data.find(b"\x00", skip)
        if nul >= 0:
            guess = _looks_like_utf16(data)
            if guess:
                raise ConvertError(
                    f"looks like {guess.upper()} without a byte-order mark; try --encoding {guess}"
                )
            raise ConvertError(f"binary file (NUL byte at byte {nul})")
    try:
        text = codecs.decode(body, codec, errors)
    except UnicodeDecodeError as e:
        what = "UTF-8" if codec == "utf-8" else codec
        raise ConvertError(
            f"invalid {what} at byte {e.start + skip} ({e.reason}); "
            "name the right one with --encoding (e.g. --encoding latin-1) "
            "or use --errors replace"
        ) from None
    name = f"{codec}-sig" if skip and codec == "utf-8" else codec
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, name


def _same_codec(a: str, b: str) -> bool:
    try:
        ca, cb = codecs.lookup(a).name, codecs.lookup(b).name
    except LookupError:
        return False
    return ca == cb or (ca.startswith("utf-16") and cb == "utf-16") or (
        ca.startswith("utf-32") and cb == "utf-32"
    ) or (ca == "utf-8" and cb == "utf-8-sig")  # fmt: skip


def normalize(text: str, form: Normalization | None) -> str:
    if form is None:
        return text
    return unicodedata.normalize(form.upper(), text)  # type: ignore[arg-type]
