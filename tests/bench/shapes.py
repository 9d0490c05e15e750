"""Inputs of the shapes that stress memory (issue #12): many short blocks,
many headings, one huge paragraph of wrapped lines without blank lines, one
huge line. Shared by `bench_memory.py` and `tests/test_memory.py`."""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: bytes, size: int) -> bytes:
    return unit * max(1, size // len(unit))


def short_blocks(size: int) -> bytes:
    return _repeat(b"Alpha beta.\n\n", size)


def headings(size: int) -> bytes:
    return _repeat(b"A Short Heading\n\nOne two three four five six.\n\n", size)


def huge_paragraph(size: int) -> bytes:
    line = b"the river rose for nine days and the town waited on the hill for"
    return _repeat(line + b"\n", size)


def huge_line(size: int) -> bytes:
    return _repeat(b"the river rose for nine days. ", size) + b"\n"


SHAPES: dict[str, Callable[[int], bytes]] = {
    "short blocks": short_blocks,
    "headings": headings,
    "huge paragraph": huge_paragraph,
    "huge line": huge_line,
}
