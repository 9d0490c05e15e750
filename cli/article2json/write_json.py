"""Write an article's JSON as its parts come, without the `Article` dict:
the bytes of `to_json(assemble(...), pretty=..., newline=True)`, with a
string of each paragraph alive only while it is written (a dict of 300,000
paragraphs takes 70 bytes a paragraph more than their JSON)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import chain, islice
from typing import TYPE_CHECKING, Any

import orjson

from . import SCHEMA_VERSION
from .assemble import parts, tally_for
from .blocks import Block
from .classify import BOILERPLATE, FRONT_BLOCKS, HEADING, PARAGRAPH, TITLE

if TYPE_CHECKING:
    from .article import Source

# The title is among this many first parts: two a block of front matter.
HEAD_PARTS = 2 * FRONT_BLOCKS + 1
# Strings longer than this are written in pieces of this many characters.
STRING_PIECE = 1 << 16


def article_json(
    blocks: Sequence[Block], kinds: bytes | bytearray, source: Source, *, pretty: bool = False
) -> bytes:
    """The article's JSON and a newline, as orjson writes the article's dict
    (keys in the same order; with `pretty`, as OPT_INDENT_2 indents it)."""
    out = io.BytesIO()  # (its getvalue() hands over its buffer: no copy at the end)
    write = out.write
    dumps = orjson.dumps
    colon = b": " if pretty else b":"

    def nl(depth: int) -> bytes:
        return b"\n" + b"  " * depth if pretty else b""

    def value(obj: Any, depth: int) -> bytes:
        """An object's JSON at `depth` (its inner lines indented below it)."""
        if not pretty:
            return dumps(obj)
        return dumps(obj, option=orjson.OPT_INDENT_2).replace(b"\n", nl(depth))

    def string(text: str | None) -> None:
        """A string's JSON; a long one a piece at a time (orjson reserves
        several times a string's length for its output, and keeps it)."""
        if text is None or len(text) <= STRING_PIECE:
            write(dumps(text))
            return
        write(b'"')
        for at in range(0, len(text), STRING_PIECE):
            write(dumps(text[at : at + STRING_PIECE])[1:-1])
        write(b'"')

    def key(name: bytes, depth: int, first: bool = False) -> None:
        write((b"" if first else b",") + nl(depth) + b'"' + name + b'"' + colon)

    tally = tally_for(kinds)
    write(b"{")
    key(b"schema_version", 1, first=True)
    write(dumps(SCHEMA_VERSION))
    key(b"source", 1)
    write(value(source, 1))
    key(b"title", 1)
    stream = parts(blocks, kinds, tally)
    boilerplate: list[str] = []  # (at the article's edges only: a few blocks)
    # The title comes after the front matter (each block of it a part, and
    # a date line a section's start too), and is written before it.
    head = list(islice(stream, HEAD_PARTS))
    title = next((p for p in head if p[0] == TITLE), None)
    string(None if title is None else title[1])
    rest = chain((p for p in head if p is not title), stream)
    key(b"sections", 1)
    write(b"[")
    sections = paragraphs = 0  # sections written, paragraphs of the last one
    part = next(rest, None)
    while part is not None:
        kind, text, level, _ = part
        if kind == HEADING:
            if sections:
                write((nl(3) + b"]" if paragraphs else b"]") + nl(2) + b"}")
            write((b"," if sections else b"") + nl(2) + b"{")
            key(b"heading", 3, first=True)
            string(text)
            key(b"level", 3)
            write(dumps(level))
            key(b"paragraphs", 3)
            write(b"[")
            sections += 1
            paragraphs = 0
        elif kind == PARAGRAPH:
            write((b"," if paragraphs else b"") + nl(4))
            string(text)
            paragraphs += 1
        elif kind == BOILERPLATE:
            assert text is not None
            boilerplate.append(text)
        else:
            raise AssertionError("a title after the article's first block")
        part = next(rest, None)
    if sections:
        write((nl(3) + b"]" if paragraphs else b"]") + nl(2) + b"}" + nl(1))
    write(b"]")
    key(b"boilerplate", 1)
    write(value(boilerplate, 1))
    key(b"stats", 1)
    write(value(tally.stats(), 1))
    write(nl(0) + b"}\n")
    return out.getvalue()
