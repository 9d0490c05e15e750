"""Split text into blocks at blank lines. No judgements are made here.

A blank line holds nothing but white space and invisible format characters
(ZWSP, LRM, a stray BOM...). Offsets are into the decoded text, whose line ends
are LF only.
"""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple

from .patterns import Lazy
from .scripts import ends_sentence, is_no_space, sentence_and_clause

# A bullet ("-", "•"...) or a number or letter mark ("1.", "a)", "(3)").
_BULLET = Lazy(r"^(?:[-*+•●○◦▪▫■□‣⁃–—·∙~]|\(?(?:\p{Nd}{1,3}|\w)\s?[.)]\s*\w)")
_BULLET_CHARS = "-*+•●○◦▪▫■□‣⁃–—·∙~("

# One or more blank lines, with the line breaks around them.
_BLANK_LINES = Lazy(r"\n[\s\p{Cf}]*\n")
_VISIBLE = Lazy(r"[^\s\p{Cf}]")


_new_tuple = tuple.__new__  # builds a NamedTuple without its Python-level __new__


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
        if len(self.lines) == 1:
            return self.lines[0].text
        lines = [ln.text for ln in self.lines]
        return "\n".join(lines) if keeps_lines(lines) else join_lines(lines)


def keeps_lines(lines: list[str]) -> bool:
    """Whether the lines of a block are items (a list, the rows of a table),
    whose line breaks the text keeps, rather than a wrapped paragraph."""
    if len(lines) < 2:
        return False
    items = lines[1:] if len(lines) > 2 else lines  # a first line may introduce the list
    return all(map(is_list_item, items)) or all("\t" in ln for ln in items)


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


def is_list_item(text: str) -> bool:
    """A bulleted or numbered line ("- x", "• x", "1. x", "a) x", "(3) x")."""
    if not text:
        return False
    head = text[:6]
    if text[0] not in _BULLET_CHARS and "." not in head and ")" not in head:
        return False  # neither a bullet nor a number mark: no need for the pattern
    return _BULLET.p.match(text) is not None


def _lines(segment: str, pos: int) -> tuple[Line, ...]:
    """The visible lines of a block of several lines starting at offset `pos`."""
    out = []
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
    return _new_tuple(Line, (stripped, s, s + len(stripped)))


# A line this long is prose, not a list item, a table row or a heading.
PROSE_LINE = 40
# Text is hard-wrapped at no more than this many columns: a longer line ends
# where its author ended it.
WRAP_MAX = 100
# A line of words has a space at least every this many characters on average.
WORD_SPACING = 25
# The longest line taken for a heading pasted right above its paragraph.
GLUED_HEADING_MAX = 60


def relayout(block: Block) -> list[Block]:
    """The block as one or more blocks: its lines apart when they are separate
    paragraphs rather than one paragraph wrapped at a width.

    Files with one paragraph per line and no blank lines show it by their
    lines: some are longer than any wrapping width, or nearly all long ones end
    a sentence, where wrapped lines rarely do. A short line with no closing
    mark above lines three times as long is a heading (or a title) pasted
    right above its paragraph.
    """
    lines = block.lines
    if len(lines) < 2:
        return [block]
    if _one_per_line([ln.text for ln in lines]):
        return [Block((ln,)) for ln in lines]
    first, rest = lines[0].text, lines[1:]
    if (
        len(first) <= GLUED_HEADING_MAX
        and 3 * len(first) <= max(len(ln.text) for ln in rest)
        and not (any(sentence_and_clause(first)) or is_list_item(first))
    ):
        return [Block(lines[:1]), *relayout(Block(rest))]
    return [block]


def _one_per_line(lines: list[str]) -> bool:
    """Whether the lines of a block are paragraphs of their own: some line
    of words is longer than any wrapping width, or nearly every long line
    but the last ends a sentence."""
    if any(len(ln) > WRAP_MAX and ln.count(" ") * WORD_SPACING >= len(ln) for ln in lines):
        return True  # (a long link or a line of Japanese is no such evidence)
    prose = [ln for ln in lines[:-1] if len(ln) >= PROSE_LINE]
    return len(prose) >= 3 and 5 * sum(map(ends_sentence, prose)) >= 4 * len(prose)


def split_blocks(text: str) -> list[Block]:
    """The blocks of `text`, in order; a block is one or more non-blank lines
    (see `relayout` for lines that are blocks of their own)."""
    blocks: list[Block] = []
    append = blocks.append
    pos = 0
    ends = [m.span() for m in _BLANK_LINES.p.finditer(text)]
    ends.append((len(text), len(text)))
    for start, end in ends:
        if start > pos:
            segment = text[pos:start]
            if "\n" not in segment:  # most blocks are one line
                line = _line(segment, pos)
                if line:
                    append(_new_tuple(Block, ((line,),)))
            else:
                lines = _lines(segment, pos)
                if lines:
                    blocks.extend(relayout(Block(lines)))
        pos = end
    return blocks
