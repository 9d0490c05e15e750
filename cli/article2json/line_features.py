"""What the segmentation model knows about a line: the evidence that it
starts a new block rather than continuing the line above.

Each feature is a small named function of the line, the line above and the
document's measured wrap width; `transition` gathers them into the named
values the model weighs. The wrap width is read from the document itself: a
line that ends well short of the article's usual line length, where the next
line's first word would have fitted, ends its paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import is_list_item
from .lines import Line
from .scripts import OPENING_QUOTES, is_no_space, sentence_and_clause

# Fewer lines than this that continue another line and the wrap width is
# read from all the lines.
MIN_INNER_LINES = 5
# Above this width a file is not hard-wrapped: one paragraph a line.
UNWRAPPED = 160
LONG_LINE = 150
SHORT_LINE = 40


def wrap_width(runs: Sequence[Sequence[Line]]) -> int:
    """The document's usual length of a line that another line continues
    (its 90th percentile), or of any line when few lines continue others."""
    return tally_runs(runs).width()


def percentile(counts: dict[int, int], k: int) -> int:
    """The k-th smallest (from 0) of values given as {value: how many}."""
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen > k:
            return value
    raise IndexError(k)


def first_word(text: str) -> str:
    """The first word of a line: up to its first space, or its first letter
    in a script written without spaces."""
    return text[0] if is_no_space(text[0]) else text.split(" ", 1)[0]


def would_fit(prev: str, cur: str, width: int) -> bool:
    """Whether the line's first word would have fitted at the end of the line
    above: then the line above was ended on purpose."""
    return len(prev) + 1 + len(first_word(cur)) <= width


def case_of_start(text: str) -> str:
    """'upper', 'lower' or 'none' for the first letter of a line (scripts
    without case give 'none')."""
    for ch in text[:4]:
        if ch.isalpha():
            return "upper" if ch.isupper() else "lower" if ch.islower() else "none"
    return "none"


def ends_with_hyphen(text: str) -> bool:
    """A word broken at the line's end ("conver-")."""
    return len(text) > 1 and text[-1] in "-\u00ad" and text[-2].isalpha()


def is_markup_rule(text: str) -> bool:
    """A line of "=" or "-" only (a setext underline or a rule)."""
    # (the first character first: most lines are prose, and set() of a long line costs)
    return len(text) > 1 and text[0] in "=-" and (set(text) == {"="} or set(text) == {"-"})


def length_bin(ratio: float) -> str:
    return "<.5" if ratio < 0.5 else "<.75" if ratio < 0.75 else "<.9" if ratio < 0.9 else ">=.9"


class Layout:
    """How a document lays out its text, read from the document itself. (A
    plain class: creating a NamedTuple class costs a one-liner 0.7 M
    instructions.)"""

    __slots__ = ("blanks", "first", "glued", "indents", "second", "width")

    def __init__(
        self,
        width: int,
        blanks: bool = False,
        glued: bool = False,
        indents: bool = False,
        first: int = -1,
        second: int = -1,
    ) -> None:
        self.width = width  # its wrap width
        self.blanks = blanks  # blank lines separate its blocks
        self.glued = (
            glued  # short unended lines sit right above full-width ones (headings pasted on)
        )
        self.indents = indents  # a first-line indent marks its paragraphs
        self.first = first  # offset of its first visible line (a title, most often)
        self.second = second  # of its second, in the first line's run (a title that wraps)

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Layout({fields})"


# Shares of a document's runs (or lines) that make it "glued" or "indented".
GLUED_SHARE = 0.2
INDENT_SHARE = 0.05


# A heading pasted on its paragraph may itself wrap onto this many lines.
GLUED_HEADING_LINES = 2


def glued_opening(heads: Sequence[tuple[int, bool]], width: int) -> bool:
    """Whether a run opens with a heading pasted on its paragraph, given the
    (length, unended) of its first lines (up to GLUED_HEADING_LINES + 1): one
    or two lines without a sentence or clause end, the last of them short,
    then a full-width line."""
    for j in range(min(GLUED_HEADING_LINES, len(heads) - 1)):
        length, unended = heads[j]
        if not unended:
            return False
        if length <= 0.6 * width:
            return heads[j + 1][0] >= 0.8 * width
    return False


def head_facts(lines: Sequence[Line]) -> tuple[tuple[int, bool], ...]:
    """What `glued_opening` reads of a run's first lines."""
    return tuple(
        (len(ln.text), not any(sentence_and_clause(ln.text)))
        for ln in lines[: GLUED_HEADING_LINES + 1]
    )


def is_glued(run: Sequence[Line], width: int) -> bool:
    return glued_opening(head_facts(run), width)


class LayoutTally:
    """What `Layout` is read from, gathered one line at a time (the facts of
    a 5 MB document in counts, not in lists of its lines)."""

    __slots__ = (
        "all_lengths",
        "first",
        "heads",
        "indented",
        "inner_lengths",
        "long_runs",
        "openings",
        "prev",
        "run_len",
        "runs",
        "second",
    )

    def __init__(self) -> None:
        self.all_lengths: dict[int, int] = {}  # length of a line: how many
        self.inner_lengths: dict[int, int] = {}  # the same, of lines another line continues
        self.runs = self.long_runs = self.indented = 0
        # `head_facts` of the runs of several lines: how many
        self.openings: dict[tuple[tuple[int, bool], ...], int] = {}
        self.heads: list[Line] = []  # the current run's first lines, until it is counted
        self.first = self.second = -1
        self.prev: Line | None = None  # the line above, in the current run
        self.run_len = 0

    def add(self, line: Line | None) -> None:
        """The document's next line, None for a blank one."""
        if line is None:
            if self.heads:
                self._opening()
            self.prev = None
            return
        prev = self.prev
        self.prev = line
        n = len(line.text)
        lengths = self.all_lengths
        lengths[n] = lengths.get(n, 0) + 1
        if prev is None:
            if self.heads:
                self._opening()
            self.run_len = 1
            self.runs += 1
            if self.first < 0:
                self.first = line.start
            return
        m = len(prev.text)
        inner = self.inner_lengths
        inner[m] = inner.get(m, 0) + 1
        if line.indent > prev.indent:
            self.indented += 1
        self.run_len += 1
        if self.run_len == 2:
            self.long_runs += 1
            self.heads = [prev, line]
            if self.runs == 1:
                self.second = line.start
        elif self.run_len == GLUED_HEADING_LINES + 1:
            self.heads.append(line)
            self._opening()

    def _opening(self) -> None:
        key = head_facts(self.heads)
        self.openings[key] = self.openings.get(key, 0) + 1
        self.heads = []

    @property
    def lines(self) -> int:
        return sum(self.all_lengths.values())

    @property
    def inner(self) -> int:
        """Lines that another line continues."""
        return sum(self.inner_lengths.values())

    def width(self) -> int:
        inner, lines = self.inner, self.lines
        if inner >= MIN_INNER_LINES:
            return max(1, percentile(self.inner_lengths, (inner * 9) // 10))
        if not lines:
            return 1
        return max(1, percentile(self.all_lengths, (lines * 9) // 10))

    def layout(self) -> Layout:
        if self.heads:
            self._opening()
        width = self.width()
        glued = sum(k for key, k in self.openings.items() if glued_opening(key, width))
        inner = self.inner
        return Layout(
            width,
            self.runs >= BLANK_RUNS and 10 * self.runs >= self.lines,
            bool(self.long_runs) and glued >= GLUED_SHARE * self.long_runs and glued >= 2,
            inner > 0 and self.indented >= INDENT_SHARE * inner and self.indented >= 2,
            self.first,
            self.second,
        )


def tally_runs(runs: Sequence[Sequence[Line]]) -> LayoutTally:
    tally = LayoutTally()
    for run in runs:
        for line in run:
            tally.add(line)
        tally.add(None)
    return tally


def read_layout(runs: Sequence[Sequence[Line]]) -> Layout:
    return tally_runs(runs).layout()


def line_facts(text: str) -> tuple[bool, bool, bool, bool]:
    """What `transition` reads of a line both as the line above and as the
    line itself: sentence end, clause end, list mark, Markdown rule."""
    sent, clause = sentence_and_clause(text)
    return sent, clause, is_list_item(text), is_markup_rule(text)


# The facts of the last line `transition` looked at as the current line: the
# next call sees it as the line above, so each line's facts are computed once
# (this halves the instructions of segmentation features). One immutable pair,
# swapped whole: a thread reading it never sees one line's text with another's facts.
_last: tuple[str, tuple[bool, bool, bool, bool]] = ("", (False, False, False, False))


def _facts(text: str) -> tuple[bool, bool, bool, bool]:
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    found = line_facts(text)
    _last = (text, found)
    return found


def transition(
    prev: Line | None, cur: Line, layout: Layout, longest: int = 0, nxt: Line | None = None
) -> set[str]:
    """The features of `cur` as the start of a block; `prev` is the visible
    line right above it (None for the first line of a run); `layout` is the
    document's; `longest` is the length of the run's longest line; `nxt` the
    line below, if any (a short unended line above a full one is a heading
    pasted on its paragraph)."""
    if prev is None:
        return {"b", "runstart"}
    width = layout.width
    c, p = cur.text, prev.text
    lc, lp = len(c), len(p)
    ratio = lp / width
    f = {"b", "p.r" + length_bin(ratio), "p.run" + length_bin(lp / max(longest, 1))}
    add = f.add
    full = lc >= 0.8 * width
    sent, clause, p_bullet, p_rule = _facts(p)
    c_sent, c_clause, c_bullet, c_rule = _facts(c)
    noend = not (sent or clause)
    fits = would_fit(p, c, width)
    case = case_of_start(c)
    # Each named fact of the pair of lines, when it holds.
    if fits:
        add("fits")
    if sent:
        add("p.sent")
    if clause:
        add("p.clause")
    if p.endswith((":", "：")):
        add("p.colon")
    if ends_with_hyphen(p):
        add("p.hyphen")
    if noend:
        add("p.noend")
    if case == "upper":
        add("c.upper")
    elif case == "lower":
        add("c.lower")
    if c[0].isdigit():
        add("c.digit")
    if c_bullet:
        add("c.bullet")
    if p_bullet:
        add("p.bullet")
    if c[0] in OPENING_QUOTES:
        add("c.quote")
    if cur.indent > prev.indent:
        add("c.indent>p")
    elif cur.indent < prev.indent:
        add("c.indent<p")
    elif cur.indent > 0:
        add("indent=>0")
    if lp > LONG_LINE and " " in p:
        add("p.long")
    if lc > LONG_LINE and " " in c:
        add("c.long")
    if width > UNWRAPPED:
        add("unwrapped")
    if lp <= SHORT_LINE:
        add("p.short")
    if lc <= SHORT_LINE:
        add("c.short")
    if p[0] == "#":
        add("p.md")
    if c[0] == "#":
        add("c.md")
    if c_rule:
        add("c.rule")
    if p_rule:
        add("p.rule")
    if "\t" in p and "\t" in c:
        add("tabs")
    if is_no_space(p[-1]) and is_no_space(c[0]):
        add("nospace")
    if lc >= 3 * lp:
        add("c>>p")
    if lc >= 2 * lp:
        add("c>2p")
    if full:
        add("c.full")
        if lp <= SHORT_LINE:
            add("p.short&c.full")
        if noend:
            add("p.noend&c.full")
        if fits:
            add("fits&c.full")
    # Pairs whose meaning differs from their parts'.
    if sent and case == "upper":
        add("p.sent&c.upper")
    if fits and sent:
        add("fits&p.sent")
    if fits and noend:
        add("fits&p.noend")
    if noend and case == "lower":
        add("p.noend&c.lower")
    if layout.blanks:  # where blank lines separate blocks, other evidence counts less
        add("blanks")
        for name in ("fits", "p.sent", "p.short", "c.indent>p", "p.noend", "c.upper"):
            if name in f:
                add("blanks&" + name)
    if not (c_sent or c_clause):
        add("c.noend")
        if nxt is not None and len(nxt.text) >= 0.8 * width:
            add("c.noend&n.full")
            if sent:
                add("p.sent&c.noend&n.full")
            if lc <= 0.6 * width:
                add("c.part&c.noend&n.full")
    if sent and lc <= 0.6 * width:
        add("p.sent&c.part")
    if prev.start == layout.first:  # the line above is the document's first: a title?
        add("p.first")
        add("p.first&p.r" + length_bin(ratio))
        for name in _FIRST_PAIRS:
            if name in f:
                add("p.first&" + name)
    elif prev.start == layout.second:  # the line above may end a title that wraps
        add("p.second")
        for name in _FIRST_PAIRS:
            if name in f:
                add("p.second&" + name)
    for flag, on in (("glued", layout.glued), ("indents", layout.indents)):
        if on:
            add(flag)
            for name in _LAYOUT_PAIRS:
                if name in f:
                    add(flag + "&" + name)
    return f


# Features paired with "the line above is the document's first line".
_FIRST_PAIRS = (
    "p.noend",
    "p.sent",
    "c.full",
    "p.noend&c.full",
    "c>2p",
    "c.short",
    "fits",
    "c.lower",
)
# Features paired with a document's glued-headings or indented-paragraphs layout.
_LAYOUT_PAIRS = (
    "fits",
    "p.sent",
    "p.short",
    "p.noend&c.full",
    "p.short&c.full",
    "c>2p",
    "c.indent>p",
    "indent=>0",
    "p.r<.5",
    "p.r<.75",
)


# A document with at least this many blank lines between its lines, and as
# many as a tenth of its lines, separates its blocks with blank lines.
BLANK_RUNS = 3


def uses_blank_lines(runs: Sequence[Sequence[Line]]) -> bool:
    return tally_runs(runs).layout().blanks
