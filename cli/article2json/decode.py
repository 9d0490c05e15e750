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


# How much of a file the UTF-16 guesses read.
UTF16_SAMPLE = 4096


def _nul_shares(sample: bytes) -> tuple[float, float]:
    """The shares of NUL among the odd and the even bytes of `sample`: the
    high bytes of UTF-16-LE and of UTF-16-BE."""
    odd, even = sample[1::2], sample[0::2]
    return odd.count(0) / len(odd), even.count(0) / len(even)


def _looks_like_utf16(data: bytes) -> str | None:
    """Name UTF-16 text that came without a byte-order mark (mostly-ASCII text
    has a NUL in every other byte)."""
    sample = data[:UTF16_SAMPLE]
    if len(sample) < 4:
        return None
    high_le, high_be = _nul_shares(sample)
    if high_le > 0.4 and high_be < 0.05:
        return "utf-16-le"
    if high_be > 0.4 and high_le < 0.05:
        return "utf-16-be"
    return None


# With --encoding auto, UTF-16 without a mark is read when this share of the
# high bytes are NUL (a Russian text's spaces: about a sixth; a Japanese one's
# line ends: a few in a hundred), three times as many as of the low bytes,
# and its first characters decode to text: spaces, and no control characters.
AUTO_UTF16_SHARE = 0.03


def _utf16_text(data: bytes) -> str | None:
    """The UTF-16 codec `data` is text in, for --encoding auto, if any."""
    sample = data[:UTF16_SAMPLE]
    if len(sample) < 4:
        return None
    high_le, high_be = _nul_shares(sample)
    # (the other bytes have NULs too in some texts: Chinese 开 is U+5F00)
    if high_le >= AUTO_UTF16_SHARE and high_le > 3 * high_be:
        guess = "utf-16-le"
    elif high_be >= AUTO_UTF16_SHARE and high_be > 3 * high_le:
        guess = "utf-16-be"
    else:
        return None
    head = codecs.decode(sample, guess, "replace")
    controls = sum(1 for ch in head if (ch < " " and ch not in "\n\r\t") or ch == "\ufffd")
    # Text has spaces or line ends (Japanese at least its line ends); bytes
    # read two by two as UTF-16 give letters of every script, and no spaces.
    spaces = sum(1 for ch in head if ch.isspace())
    return guess if controls <= 0.01 * len(head) and spaces >= 0.005 * len(head) else None


AUTO = "auto"


def check_encoding(name: object) -> str:
    """The codec's name for `name`, or "auto". TypeError for a name that is not
    a string; ConvertError for an unknown codec or one that is not a text
    encoding (`hex`, `base64`, `rot13`, `zlib`... transform bytes or text
    into the same kind, not bytes into text)."""
    if not isinstance(name, str):
        raise TypeError(f"encoding must be a str, not {type(name).__name__}")
    if name.lower() == AUTO:
        return AUTO
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise ConvertError(f"unknown encoding {name!r}") from None
    if not getattr(info, "_is_text_encoding", True):
        raise ConvertError(f"{name!r} is not a text encoding")
    return info.name


def detect(data: bytes) -> str:
    """The encoding charset-normalizer finds for `data` (imported only here)."""
    try:
        import charset_normalizer
    except ImportError:
        raise ConvertError(
            "--encoding auto needs charset-normalizer: pip install 'article2json[detect]'"
        ) from None
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise ConvertError("no text encoding fits the bytes; name one with --encoding")
    # Among code pages that fit as well, Windows-1252 (Western Europe, the
    # most common): charset-normalizer ties it with Windows-1250 on French
    # or Spanish text and picks the latter ("aprčs", "Espańa").
    for m in matches:
        if m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence:
            return "cp1252"
    name = codecs.lookup(best.encoding).name
    if name in _SAME_AS_1252_OFTEN and _decodes_as(data, "cp1252") == str(best):
        return "cp1252"  # (German text reads the same in both: say the usual one)
    return name


# Code pages whose text is often the same as Windows-1252's.
_SAME_AS_1252_OFTEN = frozenset({"cp1250", "cp1257", "iso8859-15", "iso8859-13", "iso8859-10"})


def _decodes_as(data: bytes, encoding: str) -> str | None:
    try:
        return codecs.decode(data, encoding)
    except UnicodeDecodeError:
        return None


def _fitting(data: bytes) -> str:
    """A hint for bytes that are not UTF-8: most such files are Windows-1252
    (under latin-1, its bytes 0x80-0x9F would become invisible C1 controls)."""
    try:
        codecs.decode(data, "cp1252")
    except UnicodeDecodeError:
        return "try --encoding auto to detect the encoding, or name it with --encoding"
    return "the bytes fit Windows-1252: try --encoding cp1252 (or --encoding auto)"


def decode(
    data: bytes, encoding: str | None = None, errors: Literal["strict", "replace"] = "strict"
) -> tuple[str, str]:
    """Decode `data` and turn CRLF and CR line ends into LF.

    Returns the text and the name of the encoding used. `encoding=None` means:
    the encoding of a byte-order mark if there is one, else UTF-8; "auto":
    a byte-order mark, else UTF-8 if the bytes are valid UTF-8, else what
    charset-normalizer detects.
    """
    if errors not in ("strict", "replace"):
        raise ValueError(f"errors must be 'strict' or 'replace', not {errors!r}")
    wanted = None if encoding is None else check_encoding(encoding)
    bom = sniff_bom(data)
    name = wanted if wanted not in (None, AUTO) else "utf-8"
    skip = 0
    if bom is not None and (wanted in (None, AUTO) or _same_codec(bom[0], name)):
        name, skip = bom
    elif wanted == AUTO:
        name = _auto(data)
    codec = codecs.lookup(name).name
    body = memoryview(data)[skip:]
    if codec in ("utf-8", "ascii") or not codec.startswith("utf"):
        nul = data.find(b"\x00", skip)
        if nul >= 0:
            guess = _looks_like_utf16(data) or _utf16_text(data)
            if guess:
                raise ConvertError(
                    f"looks like {guess.upper()} without a byte-order mark; try --encoding {guess}"
                )
            raise ConvertError(f"binary file (NUL byte at byte {nul})")
    try:
        text = codecs.decode(body, codec, errors)
    except UnicodeDecodeError as e:
        if codec == "utf-8":
            raise ConvertError(
                f"invalid UTF-8 at byte {e.start + skip} ({e.reason}); "
                f"{_fitting(data)}, or use --errors replace"
            ) from None
        raise ConvertError(
            f"invalid {codec} at byte {e.start + skip} ({e.reason}); "
            "name the right encoding with --encoding (or --encoding auto), "
            "or use --errors replace"
        ) from None
    name = f"{codec}-sig" if skip and codec == "utf-8" else codec
    return line_ends(text), name


def line_ends(text: str) -> str:
    """`text` with LF line ends only: CRLF and CR become LF, and so does a
    form feed (a page break of a PDF extract: what follows it is another
    block, never the paragraph above continued with a page number)."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\f", "\n") if "\f" in text else text


def _auto(data: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8, else the detected encoding;
    with NUL bytes, UTF-16 without a mark where the bytes read as its text,
    else left for `decode` to report as binary."""
    if b"\x00" in data:  # (UTF-16 of Cyrillic, say, is valid UTF-8 too: first)
        return _utf16_text(data) or "utf-8"
    try:
        codecs.decode(data, "utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    return detect(data)


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
