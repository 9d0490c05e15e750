"""A block (a title, heading, paragraph, list...) as lines of the source, and
how its lines become one text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice, pairwise

from .lines import Line
from .patterns import Lazy
from .phrases import SUSPENDED_HYPHEN_WORDS
from .scripts import NO_SPACE_FROM, is_no_space, sentence_and_clause
from .tables import is_bar_table, is_table_row

# A bullet ("-", "•"...) first, or a number or letter mark ("1.", "a)", "(3)").
# The bullets are a set, not a class of the pattern: compiling that class cost
# a one-liner 2 M instructions, a fifth of its parse.
BULLETS = frozenset("-*+•●○◦▪▫■□‣⁃–—·∙~・")
# "1. x", "a) x", "(3) x"; in CJK text "1、x", "１．x", "（3）x", with no space
# (but "3、4人", three or four people, is a number).
_NUMBER_MARK = Lazy(
    r"\(?(?:\p{Nd}{1,3}|\w)\s?[.)]\s*\w|(?:\p{Nd}{1,3}[、．](?!\p{Nd})|（\p{Nd}{1,3}）)\s*\w"
)
_MARK_CHARS = frozenset(".)、．）")
# A reference list's line, "[1] Smith (2009).": kept a line each, as a list
# is, but no list item for the models (as one, it cost web's cross-validated
# title 0.006 and exact 0.006).
_REFERENCE = Lazy(r"\[\p{Nd}{1,3}\]\s+\w")
_WIDE_MARKS = frozenset("・、．）")


# A block of more lines than this is joined this many lines at a time (a
# list of every line of a paragraph of 80,000 lines would take twice its text).
JOIN_CHUNK = 1024


class Block:
    """A block as its lines. (A plain class: creating a NamedTuple class
    costs a one-liner 0.7 M instructions.)"""

    __slots__ = ("lines",)

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = lines  # a tuple, or offsets read again (`spans.SpanLines`)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Block) and tuple(self.lines) == tuple(other.lines)

    def __hash__(self) -> int:
        return hash(tuple(self.lines))

    def __repr__(self) -> str:
        return f"Block({tuple(self.lines)!r})"

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
        lines = self.lines
        if len(lines) == 1:
            return line_text(lines[0])
        if len(lines) > JOIN_CHUNK:
            return _join_long(lines)
        if is_quotation(lines):
            lines = tuple(unquoted(lines))
        texts = [ln.text for ln in lines]
        if keeps_lines(texts):
            return "\n".join(texts)
        if is_hanging_list(lines) or is_wrapped_list(texts):
            return hanging_list_text(lines, max(ln.indent + len(ln.text) for ln in lines))
        return join_lines(texts)


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


def is_quotation(lines: Iterable[Line]) -> bool:
    """Whether every line of a block starts with a quotation's ">" (e-mail,
    Markdown; an escaped "\\>" is text)."""
    return all(ln.text[0] == ">" and not ln.escaped for ln in lines)


def _without_marks(text: str) -> str:
    """`text` without the quotation marks it starts with ("> > x": "x")."""
    while text[:1] == ">":
        text = text[1:].lstrip()
    return text


def unquoted(lines: Iterable[Line]) -> Iterator[Line]:
    """A quotation's lines without their marks (all of them: "> > x" is x):
    the mark is markup, as an indent is. A line that held only marks goes."""
    for ln in lines:
        text = _without_marks(ln.text)
        if text:
            yield ln._replace(text=text)


def unquote_line(text: str) -> str:
    """A line of its own marked as a quotation ("> Text"): without its
    marks. Alone, a mark needs a space after it (">50 people" is text)."""
    if text[0] != ">" or text[1:2] not in (" ", ">"):
        return text
    return _without_marks(text) or text


def line_text(line: Line) -> str:
    """The text of a block of one line (an escaped "\\>" is text)."""
    return line.text if line.escaped else unquote_line(line.text)


def _join_long(lines: Sequence[Line]) -> str:
    """`Block.text` of many lines, joined a chunk of lines at a time; the
    lines are read again for each test, never listed whole."""
    quoted = is_quotation(lines)

    def each() -> Iterator[Line]:
        return unquoted(lines) if quoted else iter(lines)

    if is_hanging_list(each()) or is_wrapped_list(ln.text for ln in each()):
        return hanging_list_text(each(), max(ln.indent + len(ln.text) for ln in each()))
    # (more than 2 lines: the first may introduce the list)
    keep = all(is_list_item(ln.text) for ln in islice(each(), 1, None)) or all(
        is_table_row(ln.text) for ln in islice(each(), 1, None)
    )
    pieces: list[str] = []
    it = each()
    last = ""
    while chunk := [ln.text for ln in islice(it, JOIN_CHUNK)]:
        if pieces:
            pieces.append("\n" if keep else _joint(last, chunk[0]))
        pieces.append("\n".join(chunk) if keep else join_lines(chunk))
        last = chunk[-1]
    return "".join(pieces)


def _joint(prev: str, line: str) -> str:
    """What joins two lines of a wrapped paragraph: a space; nothing between
    two letters of a script written without spaces, nor after a word broken
    by a hyphen before a lower-case letter ("well-" "known": "well-known";
    the hyphen stays, since without a dictionary "exam-ple" cannot be told
    from "well-known")."""
    if is_no_space(prev[-1]) and is_no_space(line[0]):
        return ""
    if not (line[0].islower() and is_broken_word(prev)):
        return " "
    return " " if line.split(" ", 1)[0] in SUSPENDED_HYPHEN_WORDS else ""


def is_broken_word(text: str) -> bool:
    """A line that ends in a word broken by a hyphen ("conver-"; a soft
    hyphen too), not in a dash after a space ("it was -")."""
    return len(text) > 1 and text[-1] in _HYPHENS and text[-2].isalpha()


_HYPHENS = "-\u00ad"  # a hyphen, a soft hyphen


def keeps_lines(lines: list[str]) -> bool:
    """Whether the lines of a block are items (a list, a reference list, the
    rows of a table),
    whose line breaks the text keeps, rather than a wrapped paragraph."""
    if len(lines) < 2:
        return False
    items = lines[1:] if len(lines) > 2 else lines  # a first line may introduce the list
    return (
        all(map(is_list_item, items))
        or all(map(is_table_row, items))
        or is_bar_table(lines)
        or is_bar_table(items)
        or all(ln[:1] == "[" and _REFERENCE.p.match(ln) for ln in items)
    )


def join_lines(lines: list[str]) -> str:
    """Join the lines of a wrapped paragraph: with a space, or with nothing
    between two characters of scripts written without spaces."""
    if len(lines) == 1:
        return lines[0]
    parts = [lines[0]]
    for prev, line in pairwise(lines):
        end = prev[-1]
        # (most joins are a space: the test of `_joint` only where it may
        # be none; calling it for every line cost 4% of a corpus parse)
        parts.append(" " if end < NO_SPACE_FROM and end not in _HYPHENS else _joint(prev, line))
        parts.append(line)
    return "".join(parts)


def is_hanging_list(lines: Iterable[Line]) -> bool:
    """Whether the lines are a list whose long items wrap under their own
    text (a hanging indent), after the line or lines that introduce it: two
    items or more, and every other line below an item indented past its mark."""
    count = listed = 0
    indented = False
    below = -1  # the indent of the item above, once there is one
    for ln in lines:
        count += 1
        indented = indented or ln.indent > 0
        if is_list_item(ln.text):
            listed += 1
            below = ln.indent
        elif below >= 0 and ln.indent <= below:
            return False
    return count >= 3 and indented and listed >= 2


def is_wrapped_list(lines: Iterable[str]) -> bool:
    """Whether the lines are a list whose items wrap back to the margin: the
    first line an item (or the line after an introduction that ends with a
    colon), then another item with the same mark ("- x" ... "- y", "1. x" ...
    "2. y"), each under a line that ends its item: a sentence or clause end,
    or a line shorter than the longest so far. Prose whose wrapped lines
    happen to start with a dash has full lines above them."""
    it = iter(lines)
    first = next(it, None)
    if first is None:
        return False
    if item_column(first) is None:
        if not first.endswith((":", "：")):
            return False
        first = next(it, None)
        if first is None or item_column(first) is None:
            return False
    mark, above, longest, items = mark_of(first), first, len(first), 0
    count, full_above = 1, False
    for text in it:
        count += 1
        if item_column(text) is not None and mark_of(text) == mark:
            sent, clause = sentence_and_clause(above)
            # a full line above: prose that wraps onto a dash, unless
            # most lines are items ("- Faster start-up" over "- Dark mode")
            full_above = full_above or not (sent or clause or len(above) < LIST_FULL * longest)
            items += 1
        longest = max(longest, len(text))
        above = text
    return items > 0 and (not full_above or (items >= 2 and 2 * (items + 1) >= count))


# A line under which a wrapped list's next item starts is shorter than this
# share of the longest line above it, unless it ends a sentence or clause.
LIST_FULL = 0.85


def mark_of(item: str) -> str:
    """A list item's kind of mark: its bullet, or "1" for a number or letter."""
    return item[0] if item[0] in BULLETS else "1"


def hanging_list_text(lines: Iterable[Line], longest: int) -> str:
    """A list's text (hanging or wrapped): each item (and the introduction)
    joined into one line, one line an item. A line under one that was not
    full (its first word would have fitted within the list's `longest`
    line) is no wrap: it keeps its own line ("Bug fixes" between items),
    unless it is indented past the item above (a hanging indent)."""
    pieces: list[str] = []
    last: Line | None = None
    item_indent = 0
    for ln in lines:
        item = item_column(ln.text) is not None
        if last is not None:
            if item or (
                ln.indent <= item_indent and would_fit(last.text, ln.text, longest - last.indent)
            ):
                pieces.append("\n")
            else:
                pieces.append(_joint(last.text, ln.text))
        if item:
            item_indent = ln.indent
        pieces.append(ln.text)
        last = ln
    return "".join(pieces)


def would_fit(prev: str, cur: str, width: int) -> bool:
    """Whether the line's first word would have fitted at the end of the line
    above: then the line above was ended on purpose."""
    return len(prev) + 1 + len(first_word(cur)) <= width


def first_word(text: str) -> str:
    """The first word of a line: up to its first space, or its first letter
    in a script written without spaces."""
    return text[0] if is_no_space(text[0]) else text.split(" ", 1)[0]


def item_column(text: str) -> int | None:
    """Where the text of a list item starts, after its mark and the space
    after it ("- x": 2, "12. x": 4; a full-width mark needs no space:
    "・x": 1, "1、x": 2); None for a line that is no list item or has no
    space after its mark ("-5 degrees")."""
    if not is_list_item(text):
        return None
    if text[0] in BULLETS:
        rest = text[1:]
        at = 1 + len(rest) - len(rest.lstrip())
    else:
        m = _NUMBER_MARK.p.match(text)
        at = m.end() - 1 if m else 0
    if at >= 1 and text[at - 1] in _WIDE_MARKS:
        return at
    return at if at >= 2 and text[at - 1] in " \t" else None


def is_list_item(text: str) -> bool:
    """A bulleted or numbered line ("- x", "• x", "1. x", "a) x", "(3) x",
    "・x", "1、x", "（3）x")."""
    if not text:
        return False
    if text[0] in BULLETS:
        return True
    if _MARK_CHARS.isdisjoint(text[:6]):
        return False  # no number mark: no need for the pattern
    return _NUMBER_MARK.p.match(text) is not None
