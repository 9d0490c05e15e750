"""Lay out labelled blocks as real files do: hard-wrapped at a width (a few
paragraphs quoted: indented whole, or marked with ">"), indented paragraphs
without blank lines, one paragraph a line, headings
pasted above their paragraph, wrapped text with neither blank lines nor
indents (`flat`), CRLF and trailing blanks.

Training on these is how the segmentation model learns where blocks start,
and evaluating on them shows whether the converter depends on a clean
layout. Every layout keeps each block's words: folded, a block reads as
before. Pure functions; randomness only from a seeded `random.Random`.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from .blocks import keeps_lines
from .corpus import Labelled
from .scripts import is_no_space

# The layouts the evaluation and training generate, by name.
LAYOUTS = ("clean", "wrap60", "wrap80", "wrap110", "wrap140", "indented", "lines", "tight", "flat")


@dataclass(frozen=True)
class Laid:
    text: str
    # For each visible line of `text`, in order: the index of its block, and
    # whether the line starts that block.
    block_of_line: tuple[int, ...]
    starts: tuple[bool, ...]


def wrap(text: str, width: int) -> list[str]:
    """`text` hard-wrapped at `width` columns: at spaces, or between two
    letters of a script written without spaces (joined again with nothing)."""
    words = " ".join(text.split())
    out: list[str] = []
    while len(words) > width:
        cut = _cut(words, width)
        if cut is None:
            break
        out.append(words[:cut].rstrip(" "))
        words = words[cut + (words[cut] == " ") :]
    out.append(words)
    return out


def _cut(line: str, at: int) -> int | None:
    for i in range(at, 0, -1):
        before = is_no_space(line[i - 1])
        if line[i] == " " and not (before and is_no_space(line[i + 1 : i + 2] or " ")):
            return i
        if before and is_no_space(line[i]):
            return i
    return None


def _block_lines(block: Labelled, width: int | None, hang: str = "  ") -> list[str]:
    """The lines of one block: a list or table keeps its items (a long item
    wraps with a hanging indent), anything else is wrapped as one paragraph."""
    lines = [ln.strip() for ln in block.text.split("\n") if ln.strip()]
    if width is None:
        return lines if keeps_lines(lines) else [" ".join(" ".join(lines).split())]
    if keeps_lines(lines):
        out = []
        for item in lines:
            pieces = wrap(item, width - len(hang)) if "\t" not in item else [item]
            out.append(pieces[0])
            out.extend(hang + p for p in pieces[1:])
        return out
    return wrap(" ".join(lines), width)


# The share of wrapped paragraphs of two lines or more a wrapped layout sets
# as a quotation (indented whole, or marked with ">" as e-mail does).
QUOTE_SHARE = 0.05


def _quotes(block: Labelled, i: int, lines: list[str], rng: random.Random, share: float) -> bool:
    """Whether this block is laid out as a quotation: a wrapped paragraph
    (not a list or table) of two lines or more, drawn at `share`."""
    if block.kind != "paragraph" or i == 0 or len(lines) < 2 or not share:
        return False
    return not keeps_lines(lines) and rng.random() < share


def lay_out(
    blocks: Sequence[Labelled], layout: str, seed: object = 0, quotes: float = QUOTE_SHARE
) -> Laid:
    """`blocks` as text in the named layout (see LAYOUTS); `seed` draws the
    file's own width, indent and wraps (give each document its own);
    `quotes` is the share of paragraphs a wrapped layout quotes."""
    rng = random.Random(f"{layout}:{seed}")
    quoting = random.Random(f"quote:{layout}:{seed}")  # apart: the other draws stay as they were
    pieces: list[str] = []
    owner: list[int] = []
    starts: list[bool] = []
    indent = rng.choice(("  ", "    ", "\t", "   "))
    width = 60 + 10 * rng.randrange(0, 7)  # the file's own width, for indented and tight
    for i, block in enumerate(blocks):
        if layout == "clean":
            lines = [ln.strip() for ln in block.text.split("\n") if ln.strip()]
        elif layout.startswith("wrap"):
            lines = _block_lines(block, int(layout[4:]) - rng.randrange(0, 8))
        elif layout == "lines":
            lines = _block_lines(block, None)
        else:  # indented, tight, flat
            lines = _block_lines(block, width)
        if layout == "indented" and block.kind in ("paragraph", "boilerplate"):
            lines[0] = indent + lines[0]
        elif layout.startswith("wrap") and _quotes(block, i, lines, quoting, quotes):
            # A quotation: every line indented, or marked with ">".
            mark = quoting.choice((indent, "> ", ">"))
            # (narrower by the mark, and by a tab's 4 columns at most)
            lines = [mark + ln for ln in _block_lines(block, int(layout[4:]) - len(mark) - 4)]
        # Blank lines between blocks, except where the layout has none.
        if pieces and not (
            layout in ("indented", "lines", "flat")
            or (layout == "tight" and blocks[i - 1].kind in ("title", "heading"))
        ):
            pieces.append("")
        for k, line in enumerate(lines):
            trailing = " " if rng.random() < 0.1 else ""
            pieces.append(line + trailing)
            owner.append(i)
            starts.append(k == 0)
    text = "\n".join(pieces) + "\n"
    if rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
    return Laid(text, tuple(owner), tuple(starts))
