"""The public Python API: `parse` and `to_json`.

Flow: bytes -> decode -> lines -> segment (blocks) -> classify (kinds) -> assemble. Nothing here prints,
exits or touches the file system.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Literal

import orjson

from .assemble import assemble_kinds
from .block_features import Doc, DocTally
from .classify import kinds
from .decode import Normalization, check_encoding, decode, line_ends
from .decode import normalize as normalize_text
from .errors import ConvertError
from .segment import segment_spans
from .write_json import article_json

if TYPE_CHECKING:
    from .article import Article, Source
    from .model import Crf
    from .spans import Spans

__all__ = ["ConvertError", "parse", "parse_json", "to_json"]


def parse(
    text: str | bytes,
    *,
    source: str | None = None,
    encoding: str | None = None,
    errors: Literal["strict", "replace"] = "strict",
    normalize: Normalization | None = None,
    blocks: bool = False,
    explain: bool = False,
    language: bool = False,
) -> Article:
    """Parse one article.

    `text` may be raw bytes (decoded as UTF-8, or as a byte-order mark or
    `encoding` says) or an already decoded string (then `source.bytes` and
    `source.sha256` describe its UTF-8 encoding). `language` adds
    `stats.language` and `stats.language_score` (py3langid, the extra
    `article2json[lang]`). Raises `ConvertError` for input that cannot be
    converted, `TypeError` for arguments of the wrong type, and, with
    `language` but without py3langid, `language.LanguageDetectionUnavailable`
    (an ImportError whose message says what to install).
    """
    decoded, src = _decoded(text, source, encoding, errors, normalize)
    del text  # the raw bytes are no longer needed: free them before the parse
    with _paused_gc():
        spans, codes, rules = structure(decoded, explain=explain)
        article = assemble_kinds(spans, codes, src, with_blocks=blocks or explain, rules=rules)
    if "blocks" in article:
        _number_lines(decoded, article)
    if language:
        from .language import detect_article

        code, score = detect_article(article)
        article["stats"]["language"] = code
        article["stats"]["language_score"] = round(score, 3)
    return article


def parse_json(
    text: str | bytes,
    *,
    source: str | None = None,
    path_bytes: str | None = None,
    encoding: str | None = None,
    errors: Literal["strict", "replace"] = "strict",
    normalize: Normalization | None = None,
    pretty: bool = False,
) -> bytes:
    """`to_json(parse(text, ...), pretty=pretty, newline=True)`, with
    `source.path_bytes` when given, written without the article's dict:
    peak memory stays within a few times the input's size whatever its
    shape (many short blocks, one huge paragraph...)."""
    decoded, src = _decoded(text, source, encoding, errors, normalize)
    del text
    if path_bytes is not None:
        src = {
            "path": src["path"],
            "path_bytes": path_bytes,
            "bytes": src["bytes"],
            "sha256": src["sha256"],
            "encoding": src["encoding"],
        }
    with _paused_gc():
        spans, codes, _ = structure(decoded)
        return article_json(spans, codes, src, pretty=pretty)


def structure(
    text: str, models: tuple[Crf, Crf] | None = None, *, explain: bool = False
) -> tuple[Spans, bytearray, list[str] | None]:
    """The passes `parse` and `parse_json` share: the blocks of decoded
    `text` as spans (the kind model's document facts read as they are cut),
    their kinds, and with `explain` why each got its kind. `models` (the
    segmentation and kind models) replace the shipped ones: the evaluation
    scores models trained without the documents it scores."""
    facts = DocTally()
    spans = segment_spans(text, models[0] if models else None, each=facts.add)
    codes, rules = kinds(spans, models[1] if models else None, explain=explain, doc=Doc(facts))
    return spans, codes, rules


def _decoded(
    text: str | bytes,
    source: str | None,
    encoding: str | None,
    errors: Literal["strict", "replace"],
    normalize: Normalization | None,
) -> tuple[str, Source]:
    """The text to parse, its line ends LF only, and its `source`."""
    if not isinstance(text, str | bytes | bytearray | memoryview):
        raise TypeError(f"parse() takes str or bytes, not {type(text).__name__}")
    if encoding is not None:
        check_encoding(encoding)  # a bad name is an error for str input too
    if isinstance(text, str):
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError as e:
            raise ConvertError(f"text contains a lone surrogate at character {e.start}") from None
        decoded = line_ends(text)
        encoding_name = "utf-8"
    else:
        data = bytes(text)
        decoded, encoding_name = decode(data, encoding, errors)
    decoded = normalize_text(decoded, normalize)
    src: Source = {
        "path": source,
        "bytes": len(data),
        "sha256": _sha256_hex(data),
        "encoding": encoding_name,
    }
    return decoded, src


@contextmanager
def _paused_gc() -> Iterator[None]:
    """The parse makes many small objects and no reference cycles: pausing
    the cyclic garbage collector keeps a 50 MB article linear in time."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


# Unless hashlib is loaded already (a batch, a host program), the small
# built-in SHA-256 is used: importing OpenSSL's would cost a one-liner more
# time than it saves, and 3.5 MB of memory; on a large input the built-in
# one's 7 ms a megabyte is well under 1% of the parse.


def _sha256_hex(data: bytes) -> str:
    import importlib

    if "hashlib" in sys.modules:
        names: tuple[str, ...] = ("hashlib",)
    else:
        names = ("_sha256", "_sha2", "hashlib")  # _sha256 in Python 3.11, _sha2 from 3.12 on
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        return str(module.sha256(data).hexdigest())
    raise AssertionError("no SHA-256")  # hashlib always has one


def _number_lines(text: str, article: Article) -> None:
    """Fill in each block's 1-based line number, counting newlines once."""
    line, pos = 1, 0
    for b in article.get("blocks", []):
        line += text.count("\n", pos, b["start"])
        pos = b["start"]
        b["line"] = line


def to_json(article: Article, *, pretty: bool = False, newline: bool = False) -> bytes:
    """Serialise an article as UTF-8 JSON; `newline` appends "\\n" (without a
    second copy of a large document)."""
    option = (orjson.OPT_INDENT_2 if pretty else 0) | (orjson.OPT_APPEND_NEWLINE if newline else 0)
    return orjson.dumps(article, option=option)
