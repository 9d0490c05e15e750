"""Line breaks a paragraph keeps: in a wrapped file, a block whose lines were
ended on purpose (a poem, an address, "Date: ..." lines) keeps them; a
wrapped paragraph is joined (`Block.text`). Read from the document's wrap
width and from the block's own lines: a greedy wrap leaves every line too
full for the next word within the block's longest.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from .blocks import Block, first_word, is_quotation, unquoted
from .lines import Line
from .scripts import is_no_space, sentence_and_clause

# A line ended on purpose leaves room: the next line's first word would have
# fitted with this share of the document's wrap width to spare (a file's
# paragraphs are often wrapped a few columns apart).
BREAK_ROOM = 0.125
# What the first "word" of a line in a script written without spaces counts.
NO_SPACE_WORD = 12
# Lines whose longest is shorter than this are no paragraph wrapped at a
# width of its own (no prose is wrapped that narrow: an address's lines).
OWN_WRAP_MIN = 30
# A line too full for the next word is this close to the longest where the
# block is prose wrapped at a width of its own (a poem's lines vary more),
# whose longest line is this long at least (a song's lines are shorter).
OWN_WRAP_FULL = 0.85
PROSE_WRAP_MIN = 40
# Longer blocks are not tested (a poem is shorter; a wrapped paragraph of
# 80,000 lines would be read once more for nothing).
BREAK_LINES = 256


def breaks_kept(block: Block, joined: str, width: int | None) -> str:
    """The text of a paragraph whose lines were ended on purpose (a poem,
    an address, "Date: ..." lines) with its line breaks, in a document
    wrapped at `width` (None: lines were not wrapped, as in Markdown);
    else `joined`, its text as `Block.text` gives it."""
    lines = block.lines
    if width is None or not 1 < len(lines) <= BREAK_LINES or "\n" in joined:
        return joined
    if is_quotation(lines):
        lines = tuple(unquoted(lines))
    return "\n".join(ln.text for ln in lines) if ended_on_purpose(lines, width) else joined


def ended_on_purpose(lines: Sequence[Line], width: int) -> bool:
    """Whether every line but the last ended well before the wrap `width`
    (its next line's first word would have fitted with room to spare), and
    the lines are no paragraph wrapped at a width of its own (in a file of
    few wrapped lines, `width` may be read from paragraphs on one line each).

    A wrap at any width leaves each line too full for the next word within
    the block's longest line: lines of three or more where one is not (a
    poem: "and gives back only stone;" under a longer line) were ended on
    purpose, unless a line goes on in lower case after a line without a
    mark (a sentence cut short), fewer than half had room, each of those
    ending a clause, and the others are near the longest (prose wrapped by
    hand, a line short of its width at a comma; a poem's short line or a
    command's ends with no mark). Lines that are each too full, or only two,
    were ended on purpose only if no line goes on so, and, for three or
    more, if the longest is under OWN_WRAP_MIN columns (an address's lines;
    no prose is wrapped that narrow)."""
    if len(lines) < 2:
        return False
    room = width - max(2, int(width * BREAK_ROOM))
    longest = max(ln.indent + len(ln.text) for ln in lines)
    full = OWN_WRAP_FULL * longest
    fits = 0  # lines that had room for the next word within `longest`
    marked = True  # each of those ends a sentence or a clause ("taxes,")
    even = True  # every line without that room is near `longest`
    lower = False  # a line goes on in lower case after a line without a mark
    for above, line in pairwise(lines):
        text = line.text
        # (a wrap between two characters of a script written without spaces
        # may come early, before a Latin word: "ASEAN本部")
        word = NO_SPACE_WORD if is_no_space(text[0]) else len(first_word(text))
        end = above.indent + len(above.text) + 1 + word
        if end > room:
            return False
        lower = lower or (text[0].islower() and not any(sentence_and_clause(above.text)))
        if end <= longest:
            fits += 1
            marked = marked and any(sentence_and_clause(above.text))
        else:
            even = even and above.indent + len(above.text) >= full
    if len(lines) == 2:
        return not lower
    if lower and even and marked and 2 * fits < len(lines) - 1 and longest >= PROSE_WRAP_MIN:
        return False  # prose wrapped at its own width, a line short of it at a comma
    return fits > 0 or (longest < OWN_WRAP_MIN and not lower)
