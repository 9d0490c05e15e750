"""Split decoded text into visible lines, grouped into runs between blank lines.

A blank line holds nothing but white space, invisible format characters
(ZWSP, LRM, a stray BOM...) and control characters; such characters before
a line's text are not part of it. Offsets are into the decoded text, whose line ends
are LF only. No judgements are made here: which lines start a block is
decided by `segment`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from .patterns import Lazy

_VISIBLE = Lazy(r"[^\s\p{Cf}\p{Cc}]")  # neither space nor format (ZWSP, BOM...) nor control
_new_tuple = tuple.__new__  # builds a NamedTuple without its Python-level __new__


class Line(NamedTuple):
    text: str  # trimmed of white space at both ends; in Markdown, the escape at its start (or its item's) removed
    start: int  # offset of the first visible character
    end: int
    indent: int  # columns of white space before it (a tab counts 4)
    escaped: bool = False  # it started with a Markdown escape: never read as markup


# A Markdown escape at a line's start: a backslash before ASCII punctuation
# ("\# not a heading"), or inside a number mark ("1\. not a list"); or the
# same at the start of a list item's text ("- \# Ann": `render_markdown`
# escapes an item's text, which a Markdown reader parses as a block).
_ESCAPE = Lazy(r"^(?:\\(?=[!-/:-@\[-`{-~])|(?=\p{Nd}{1,9}\\[.)]))")
_NUMBER_ESCAPE = Lazy(r"^(\p{Nd}{1,9})\\([.)])")
_ITEM = Lazy(r"^(?:[-*+]|\p{Nd}{1,9}[.)])[ \t]+")

# The first characters of a line `unescape` may change.
ESCAPE_FIRST = frozenset("\\-*+")


def unescape(text: str, markdown: bool = True) -> str | None:
    """`text` without the Markdown escape it starts with, or None if it has
    none (what `render_markdown` writes reads back as the text it was). In
    plain text (not `markdown`) a backslash before a backslash is none:
    "\\\\server\\share" is a path."""
    if "\\" not in text[:16]:
        return None  # the cheap test: most lines hold no backslash near their start
    m = _ESCAPE.p.match(text)
    if m is not None:
        if text[0] == "\\":
            return text[1:] if markdown or text[1] != "\\" else None
        return _NUMBER_ESCAPE.p.sub(r"\1\2", text, count=1)
    item = _ITEM.p.match(text)
    if item is None or item.end() == len(text) or text[item.end()] in "-*+":
        return None  # (one item mark deep only: "- - \# x" stays as it is)
    content = unescape(text[item.end() :], markdown)
    return None if content is None else text[: item.end()] + content


def visible(raw: str, pos: int, markdown: bool = True) -> Line | None:
    """The visible part of one line that starts at offset `pos`, if any
    (`markdown`: read its escape as `unescape` does)."""
    stripped = raw.strip()
    if not stripped:
        return None
    if not stripped[0].isprintable():  # a BOM, ZWSP or control character first
        m = _VISIBLE.p.search(stripped)
        if m is None:
            return None  # nothing visible: a blank line
        stripped = stripped[m.start() :]  # (so that "\ufeff# Title" is a heading)
    lead = raw.find(stripped[0])
    indent = lead + 3 * raw.count("\t", 0, lead) if lead else 0
    first = stripped[0]
    plain = unescape(stripped, markdown) if first in ESCAPE_FIRST or first.isdigit() else None
    if plain is not None:
        return _new_tuple(Line, (plain, pos + lead, pos + lead + len(stripped), indent, True))
    return _new_tuple(Line, (stripped, pos + lead, pos + lead + len(stripped), indent, False))


# Raw lines are split this many characters at a time: a list of every line
# of a 5 MB text of short lines would take 7 times its size.
SPLIT_CHUNK = 1 << 16


def raw_lines(text: str, start: int = 0, end: int = -1) -> Iterator[tuple[str, int]]:
    """Each line of `text[start:end]` (`end` -1: to the end) and its offset,
    without its "\\n"."""
    stop = len(text) if end < 0 else end
    pos = start
    while True:
        cut = stop if stop - pos <= SPLIT_CHUNK else text.rfind("\n", pos, pos + SPLIT_CHUNK)
        if cut < pos:  # no line break in the chunk: one long line
            cut = text.find("\n", pos + SPLIT_CHUNK, stop)
            cut = stop if cut < 0 else cut
        for raw in text[pos:cut].split("\n"):
            yield raw, pos
            pos += len(raw) + 1
        if pos > stop:
            return


def visible_lines(
    text: str, start: int = 0, end: int = -1, markdown: bool = True
) -> Iterator[Line | None]:
    """The visible part of each line of `text[start:end]`, None for a blank
    one (`markdown`: see `unescape`)."""
    for raw, pos in raw_lines(text, start, end):
        yield visible(raw, pos, markdown)


# A run of visible lines, as offsets: (its first line's start, its last
# line's end, its number of lines, the length of its longest line). A plain
# tuple: a NamedTuple class costs a one-liner's start-up 0.1 ms.
Run = tuple[int, int, int, int]


def iter_runs(text: str, markdown: bool = True) -> Iterator[tuple[Run, Line]]:
    """The runs of consecutive visible lines of `text`, in order, as offsets,
    each with its first line (a blank line ends a run)."""
    start = end = n = longest = 0
    first: Line | None = None
    for line in visible_lines(text, markdown=markdown):
        if line is None:
            if first is not None:
                yield (start, end, n, longest), first
                first = None
            continue
        if first is None:
            first, start, n, longest = line, line.start, 0, 0
        n += 1
        end = line.end
        longest = max(longest, len(line.text))
    if first is not None:
        yield (start, end, n, longest), first


def run_lines(text: str, run: Run | tuple[int, int], markdown: bool = True) -> Iterator[Line]:
    """The lines of a run (or of a block: any span of consecutive visible
    lines), read again from the text (`markdown`: see `unescape`)."""
    start = text.rfind("\n", 0, run[0]) + 1  # (the first line's indent counts)
    for line in visible_lines(text, start, run[1], markdown):
        if line is not None:
            yield line


def runs(text: str) -> list[list[Line]]:
    """The runs of consecutive visible lines of `text`, in order (a blank
    line ends a run), as lists of lines."""
    out: list[list[Line]] = []
    run: list[Line] = []
    for line in visible_lines(text):
        if line is None:
            if run:
                out.append(run)
                run = []
        else:
            run.append(line)
    if run:
        out.append(run)
    return out


# A Markdown `#` heading: 1-6 "#", a space or tab, its text, optional closing "#"s.
_ATX = Lazy(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def atx(text: str) -> tuple[int, str] | None:
    """The level and text of a Markdown `#` heading line ("## Methods" ->
    (2, "Methods")); a closing `\\#` is a "#" of the text, and so is an
    escape first ("## \\*note": "*note"). The one place
    that reads `#` headings (segmentation, kinds and levels all ask it)."""
    if not text.startswith("#"):
        return None
    m = _ATX.p.match(text)
    if m is None or not m.group(2).strip():
        return None
    heading = m.group(2).strip()
    if heading.endswith("\\#"):
        heading = heading[:-2] + "#"
    if heading[:1] == "\\" and _ESCAPE.p.match(heading):
        heading = heading[1:]  # (`render_markdown` escapes a heading's first character so)
    return len(m.group(1)), heading


def atx_heading(line: Line) -> tuple[int, str] | None:
    """`atx` of a line; a line that started with a Markdown escape is none."""
    return None if line.escaped else atx(line.text)


def is_atx_heading(line: Line) -> bool:
    return not line.escaped and atx(line.text) is not None


class MarkdownTally:
    """Whether a document is Markdown, read one line at a time: it opens
    with a `#` heading, or has two. There blank lines and `#` alone delimit
    blocks, and a block that is not a `#` heading is text (the text says
    what it is). Lines that do not start with "#" need not be given but the
    first."""

    __slots__ = ("found", "lines")

    def __init__(self) -> None:
        self.lines = 0
        self.found = 0

    def add(self, line: Line) -> None:
        if self.found < 2 and line.text.startswith("#") and is_atx_heading(line):
            self.found += 2 if not self.lines else 1
        self.lines += 1

    @property
    def markdown(self) -> bool:
        return self.found >= 2


def is_markdown(runs: Iterable[Iterable[Line]]) -> bool:
    """Whether a document of these runs is Markdown (see `MarkdownTally`)."""
    tally = MarkdownTally()
    for run in runs:
        for line in run:
            tally.add(line)
            if tally.markdown:
                return True
    return False
