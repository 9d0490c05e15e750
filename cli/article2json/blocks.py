"""Split text into blocks at blank lines. No judgements are made here.

A blank line holds nothing but white space and invisible format characters
(ZWSP, LRM, a stray BOM...). Offsets are into the decoded text, whose line ends
are LF only.
"""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple

from .patterns import Lazy
from .scripts import is_no_space

# One or more blank lines, with the line breaks around them.
_BLANK_LINES = Lazy(r"\n[\s\p{Cf}]*\n")
_VISIBLE = Lazy(r"[^\s\p{Cf}]")


class Line(NamedTuple):
    text: str  # trimmed of white space at both ends
    start: int
    end: int


class Block(NamedTuple):
    lines: tuple[Line, ...]

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def first(self) -> str:
        return self.lines[0].text

    @property
    def last(self) -> str:
        return self.lines[-1].text

    def text(self) -> str:
        return join_lines([ln.text for ln in self.lines])

    def split(self, at: int) -> tuple[Block, Block]:
        return Block(self.lines[:at]), Block(self.lines[at:])


def join_lines(lines: list[str]) -> str:
    """Join the lines of a wrapped paragraph: with a space, or with nothing
    between two characters of scripts written without spaces."""
    if len(lines) == 1:
        return lines[0]
    parts = [lines[0]]
    for prev, line in pairwise(lines):
        if not (is_no_space(prev[-1]) and is_no_space(line[0])):
            parts.append(" ")
        parts.append(line)
    return "".join(parts)


def _lines(text: str, start: int, end: int) -> tuple[Line, ...]:
    segment = text[start:end]
    if "\n" not in segment:  # most blocks are one line
        line = _line(segment, start)
        return (line,) if line else ()
    out = []
    pos = start
    for raw in segment.split("\n"):
        line = _line(raw, pos)
        if line:
            out.append(line)
        pos += len(raw) + 1
    return tuple(out)


def _line(raw: str, pos: int) -> Line | None:
    """The visible part of one line that starts at offset `pos`, if any."""
    stripped = raw.strip()
    if not stripped or not (stripped.isprintable() or _VISIBLE.p.search(stripped)):
        return None
    # Only white space precedes the first visible character.
    s = pos + raw.find(stripped[0])
    return Line(stripped, s, s + len(stripped))


def split_blocks(text: str) -> list[Block]:
    """The blocks of `text`, in order; a block is one or more non-blank lines."""
    blocks: list[Block] = []
    pos = 0
    for sep in _BLANK_LINES.p.finditer(text):
        if sep.start() > pos:
            lines = _lines(text, pos, sep.start())
            if lines:
                blocks.append(Block(lines))
        pos = sep.end()
    if pos < len(text):
        lines = _lines(text, pos, len(text))
        if lines:
            blocks.append(Block(lines))
    return blocks
