"""How a document lays out its text, read from the document itself: its
wrap width (the 90th percentile of the lines that other lines continue),
whether blank lines separate its blocks, whether headings are pasted on
their paragraphs (glued) or paragraphs marked by a first-line indent, and
where its first two lines are (a title, and a title that wraps). The facts
are gathered one line at a time, in counts (`LayoutTally`): a document of
5 MB never has a list of its lines. The segmentation features
(`line_features.transition`) read the `Layout`.
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import item_column
from .lines import Line
from .scripts import sentence_and_clause

# Fewer lines than this that continue another line and the wrap width is
# read from all the lines.
MIN_INNER_LINES = 5

# A document with at least this many blank lines between its lines, and as
# many as a tenth of its lines, separates its blocks with blank lines.
BLANK_RUNS = 3


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


class Layout:
    """How a document lays out its text, read from the document itself. (A
    plain class: creating a NamedTuple class costs a one-liner 0.7 M
    instructions.)"""

    __slots__ = ("bare", "blanks", "first", "glued", "indents", "second", "width")

    def __init__(
        self,
        width: int,
        blanks: bool = False,
        glued: bool = False,
        indents: bool = False,
        first: int = -1,
        second: int = -1,
        bare: bool = False,
    ) -> None:
        self.width = width  # its wrap width
        self.blanks = blanks  # blank lines separate its blocks
        self.glued = (
            glued  # short unended lines sit right above full-width ones (headings pasted on)
        )
        self.indents = indents  # a first-line indent marks its paragraphs
        self.first = first  # offset of its first visible line (a title, most often)
        self.second = second  # of its second, in the first line's run (a title that wraps)
        # Wrapped, with no blank line but after its title and no indents:
        # the segmentation has a model of its own for such files.
        self.bare = bare

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"Layout({fields})"


# A document whose wrap width is over this many columns has its paragraphs
# on one line each, not wrapped.
UNWRAPPED = 160

# A document of at most this many runs of lines (a title, then the rest) has
# no blank lines between its blocks.
BARE_RUNS = 2

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


def hangs(item: Line, line: Line) -> bool:
    """Whether an indented line sits under the text of the list item above
    it, in its column or one short of it (a hanging indent, "- forty
    kilometres..." / "  roads into..."): no paragraph's first-line indent
    (one deeper than the text is: "1. x" / "    New paragraph")."""
    column = item_column(item.text)
    return column is not None and column - 1 <= line.indent - item.indent <= column


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
        if line.indent > prev.indent and not hangs(prev, line):
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
        indents = inner > 0 and self.indented >= INDENT_SHARE * inner and self.indented >= 2
        return Layout(
            width,
            self.runs >= BLANK_RUNS and 10 * self.runs >= self.lines,
            bool(self.long_runs) and glued >= GLUED_SHARE * self.long_runs and glued >= 2,
            indents,
            self.first,
            self.second,
            self.runs <= BARE_RUNS and not indents and width <= UNWRAPPED,
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


def uses_blank_lines(runs: Sequence[Sequence[Line]]) -> bool:
    return tally_runs(runs).layout().blanks
