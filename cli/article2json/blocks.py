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
