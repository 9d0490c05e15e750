"""Group lines into blocks: a blank line always ends a block; within a run
of lines without blank lines, Markdown headings stand alone and the
segmentation model decides, line by line, whether a line starts a block or
continues the one above.

The document is read line by line from its text, twice (its layout first,
then its runs), and a long run again from its offsets: no list of every line
of the document, nor of a run of 80,000 lines, is made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from .blocks import Block, item_column, line_text, mark_of, would_fit
from .boilerplate import OPEN_BRACKETS, is_bracketed_promo, is_copyright_notice, is_menu
from .doc_layout import Layout, LayoutTally
from .levels import HAN_SECTION_STARTS, is_han_section, is_subsection
from .line_features import case_of_start, is_markup_rule, transition
from .lines import (
    Line,
    MarkdownTally,
    Run,
    is_atx_heading,
    iter_runs,
    raw_lines,
    run_lines,
    unescape,
    visible,
)
from .model import Crf, Decoder, load
from .scripts import ends_sentence, sentence_and_clause
from .spans import Spans
from .tables import bar_tables, is_table_row

if TYPE_CHECKING:
    from .fences import Found

# A run of up to this many lines is read into a list once; a longer one is
# read again from the text for each pass over it.
LISTED_RUN = 256

# What `forced` holds for each line: the model decides, or a rule says the
# line starts a block, or continues one.
FREE, START, CONTINUE = 0, 1, 2

# In a document with blank lines, an item with the same mark as an item at
# most this many lines above it, in the same run, continues that list (in
# dev and web, own layout and wrapped at 80, every such item does: 1,206 of
# 1,206; without blank lines two lists may touch).
LIST_GAP = 4

# A line under a list item continues it when it is indented past the item's
# mark and at most this many columns past the item's text.
HANG_SLACK = 2
# ... and the line above it reaches this share of the wrap width (it was cut
# because it was full: an item that ends short ends there). Without this,
# web lists above indented paragraphs lost 0.017 heading F1 in a 5-fold CV.
HANG_FULL = 0.7


def run_items(
    run: Iterable[Line], layout: Layout, longest: int | None = None
) -> Iterator[set[str]]:
    """The model's input for a run of lines, one line at a time (training
    uses the same); `longest` is the length of the run's longest line."""
    if longest is None:
        run = tuple(run)
        longest = max(len(ln.text) for ln in run)
    prev = cur = None
    for nxt in run:
        if cur is not None:
            yield transition(prev, cur, layout, longest, nxt)
        prev, cur = cur, nxt
    if cur is not None:
        yield transition(prev, cur, layout, longest, None)


def forced_starts(
    run: Iterable[Line], width: int, blanks: bool = False, indents: bool = False
) -> bytearray:
    """For each line of a run, what the markup says (FREE, START or CONTINUE):
    the first line and `#` headings start blocks, and so does the line after
    them; a setext underline continues its heading; a line indented under
    the text of the list item above continues it (a hanging indent) where
    the line above was full (`width`: the document's wrap width), unless it
    opens a sentence after one ends (an indented paragraph after the list),
    or where it goes on in lower case after a line that ends no clause (in
    a document whose paragraphs do not open with an indent: `indents`);
    where blank lines part blocks (`blanks`), an item under an item of the
    same mark (LIST_GAP lines at most) continues the list;
    the rows of a table stay together (`_tables`); a line under one of
    quotation marks alone (">") starts a block; a short Chinese section
    heading ("二、停放规范") stands alone, and so does one numbered "2.1
    Data" above a line with no number (a table of contents' lines stay
    together); a copyright line that ends the
    run under a line that was not cut for room stands alone; a navigation line
    ("Home | News | Sport") or a promotion in brackets ("(Follow us on
    Facebook.)") under a sentence stands alone, so that a foot line in a
    file without blank lines is not glued to the last paragraph."""
    out = bytearray()
    rows = bytearray()  # 1 for a line of tab-separated cells
    bars: dict[int, str] = {}  # the lines that hold a bar, by their index
    prev: Line | None = None
    after = True  # the line after a heading (or the run's first) starts a block
    mark, hang = 0, -HANG_SLACK  # the indents of the list item above and of its text
    bullet, since = "", LIST_GAP + 1  # the list item above: its mark, and the lines since
    above: Line | None = None  # the line above the last one
    numbered = -1  # the line above, a numbered section heading ("2.1 Data")
    for line in run:
        f = START if after else FREE
        after = False
        column = item_column(line.text)
        since += 1
        if column is not None:
            mark, hang = line.indent, line.indent + column
            if blanks and f == FREE and since <= LIST_GAP and mark_of(line.text) == bullet:
                f = CONTINUE  # the next item of the list above
            bullet, since = mark_of(line.text), 0
        elif (
            f == FREE
            and mark < line.indent <= hang + HANG_SLACK
            and prev is not None
            and (
                (
                    prev.indent + len(prev.text) >= HANG_FULL * width
                    and (not ends_sentence(prev.text) or case_of_start(line.text) == "lower")
                )
                or (
                    not indents  # (where an indent opens a paragraph, it may: "and a list...")
                    and case_of_start(line.text) == "lower"
                    and not any(sentence_and_clause(prev.text))
                )
            )
        ):
            f = CONTINUE  # a wrapped list item's next line, under its text
        else:
            mark, hang = 0, -HANG_SLACK
        if not line.escaped:  # an escaped line is text, never markup
            if is_atx_heading(line):
                f, after = START, True
            elif (
                prev is not None
                and is_markup_rule(line.text)
                and not is_markup_rule(prev.text)
                and not is_atx_heading(prev)
            ):  # a setext underline (not a rule under a `#` heading)
                f, after = CONTINUE, True  # it stays with its heading
            elif (line.text[0] in HAN_SECTION_STARTS and is_section_heading(line.text)) or (
                prev is not None and is_menu(line.text) and ends_sentence(prev.text)
            ):  # a Chinese section heading; a menu under a sentence
                f, after = START, True
            elif prev is None and is_menu(line.text):
                after = True  # a run's first line, a menu: the line below is apart
            elif prev is not None and prev.text[0] == ">" and not prev.text.strip("> "):
                f = START  # under a line of quotation marks alone: a quotation's blank line
            elif (
                prev is not None
                and line.text[0] in OPEN_BRACKETS
                and ends_sentence(prev.text)
                and is_bracketed_promo(line.text)
            ):  # "(Follow us on Facebook.)" under the last paragraph
                f, after = START, True
        if numbered >= 0 and not line.text[0].isdecimal():
            out[numbered] = START  # "2.1 Data" above text: a heading, alone
            f = START
        numbered = -1
        if line.text[0].isdecimal() and not line.escaped and is_section_heading(line.text):
            numbered = len(out)
        out.append(f)
        rows.append(is_table_row(line.text))
        if "|" in line.text:
            bars[len(out) - 1] = line.text
        above, prev = prev, line
    if (
        above is not None
        and prev is not None
        and out[-1] == FREE
        and any(m in prev.text for m in _COPYRIGHT_HINTS)
        and is_copyright_notice(prev.text)
        and would_fit(above.text, prev.text, width - above.indent)
    ):
        out[-1] = START  # a copyright line that ends the run, under a line not cut for room
    for table in bar_tables(bars) if len(bars) > 1 else ():
        rows[table.start : table.stop] = bytes([1]) * len(table)
    return _tables(rows, out)


# What a copyright notice holds one of (a cheap test before the full one,
# which ran for every run's last line: 0.7% of a corpus parse).
_COPYRIGHT_HINTS = ("©", "(c)", "(C)", "℗", "ⓒ", "opyright", "OPYRIGHT", "무단")

# A Chinese section heading is at most this many characters; one numbered
# "2.1 Data", this many words.
SECTION_HEADING_CHARS = 30
SUBSECTION_WORDS = 8


def is_section_heading(text: str) -> bool:
    """A short line that opens with a Chinese section number ("二、停放规范",
    "（一）电子围栏") or one of two levels or more ("2.1 Data", "3.2.1 Units")
    and ends no sentence or clause: a heading, whose text says so, standing
    alone in any layout (a numbered list item of prose ends in a stop; "2."
    alone may number a list's items; dot leaders make a table of contents'
    line: "2.1 Data ........ 4")."""
    if text[0].isdecimal():
        return (
            len(text.split()) <= SUBSECTION_WORDS
            and "...." not in text
            and is_subsection(text)
            and not any(sentence_and_clause(text))
        )
    return (
        len(text) <= SECTION_HEADING_CHARS
        and is_han_section(text)
        and not any(sentence_and_clause(text))
    )


def _tables(rows: bytearray, forced: bytearray) -> bytearray:
    """Two or more rows of a table in a row (tab-separated cells, or a table
    between bars: `tables.bar_tables`) are one block (a table, one row a
    line), apart from the lines around it: a caption above, the text below
    start blocks of their own. A lone line with a tab
    stays the model's."""
    i, n = 0, len(rows)
    while i < n:
        if not rows[i]:
            i += 1
            continue
        j = rows.find(0, i)
        j = n if j < 0 else j
        if j - i >= 2:
            forced[i] = START
            forced[i + 1 : j] = bytes([CONTINUE]) * (j - i - 1)
            if j < n:
                forced[j] = START
        i = j
    return forced


def starts(
    run: Sequence[Line] | Iterable[Line],
    layout: Layout,
    model: Crf,
    longest: int | None = None,
    again: Iterable[Line] | None = None,
) -> bytearray:
    """For each line of a run, 1 if it starts a block; `again` is the same
    run once more (a long run is read from the text for each pass)."""
    forced = forced_starts(run, layout.width, layout.blanks, layout.indents)
    if len(forced) == 1 or FREE not in forced:
        return bytearray(f == START for f in forced)
    if layout.bare:
        model = model.bare or model
    # A run of 80,000 wrapped lines keeps a byte of back pointers a label a line.
    rows: dict[int, tuple[bool, ...] | None] = {
        x: tuple((label == "B") == (x == START) for label in model.labels)
        for x in (START, CONTINUE)
    }
    rows[FREE] = None  # every label allowed
    decoder = Decoder(model)
    items = run_items(run if again is None else again, layout, longest)
    for item, f in zip(items, forced, strict=True):
        decoder.add(model.scores(item), rows[f])
    b = model.labels.index("B")
    return bytearray(k == b for k in decoder.path())


# A document of up to this many lines keeps them from its first pass (as
# lists of runs, and as its blocks' lines): it is read once, as before spans.
KEPT_LINES = 4096


def read_document(text: str) -> tuple[bool, Layout, list[list[Line]] | None]:
    """Whether the document is Markdown, its layout and, for a document of
    up to KEPT_LINES lines, its runs: one pass over its lines."""
    tally, markdown = LayoutTally(), MarkdownTally()
    kept: list[list[Line]] | None = []
    run: list[Line] = []
    lines = 0
    escaped = False
    for raw, pos in raw_lines(text):
        line = visible(raw, pos)
        tally.add(line)
        if line is None:
            if run and kept is not None:
                kept.append(run)
                run = []
            continue
        lines += 1
        escaped = escaped or line.escaped
        if lines == 1 or line.text.startswith("#"):
            markdown.add(line)
        if kept is not None:
            run.append(line)
            if lines > KEPT_LINES:
                kept, run = None, []
    if run and kept is not None:
        kept.append(run)
    if kept is not None and not markdown.markdown and escaped:
        kept = [[_as_written(text, ln) for ln in r] for r in kept]
    return markdown.markdown, tally.layout(), kept


def _as_written(text: str, line: Line) -> Line:
    """A line read as Markdown escaped, read again as plain text (see
    `lines.unescape`)."""
    if not line.escaped:
        return line
    seen = text[line.start : line.end]
    plain = unescape(seen, markdown=False)
    return line._replace(text=seen if plain is None else plain, escaped=plain is not None)


def _listed(kept: list[list[Line]]) -> Iterator[Found]:
    for r in kept:
        longest = max(len(ln.text) for ln in r) if len(r) > 1 else len(r[0].text)
        yield (r[0].start, r[-1].end, len(r), longest), r[0], r


def segment_spans(
    text: str, model: Crf | None = None, each: Callable[[str], None] | None = None
) -> Spans:
    """The blocks of `text`, in order, as spans; `each`, if given, is called
    with each block's text as it is cut (the kind model's document facts
    are read in the same pass)."""
    markdown, layout, kept = read_document(text)
    model = model or (None if markdown else load("segment"))
    spans = Spans(text, markdown, None if markdown else layout.width)
    found: Iterable[Found] = (
        _listed(kept)
        if kept is not None
        else ((r, ln, None) for r, ln in iter_runs(text, markdown))
    )
    if markdown:
        from .fences import fenced_runs  # (Markdown only: a one-liner's start-up counts)

        found = fenced_runs(text, found)  # (a fence spans blank lines)
    for run, first, lines in found:
        if run[2] == 1:
            one = line_text(first)  # (a quotation's mark left out)
            if each is not None:
                each(one)
            spans.add(run[0], run[1], 1, None if lines is None else Block((first,)), one)
            continue
        _split_run(text, run, lines, layout, None if markdown else model, spans, each)
    return spans


def _split_run(
    text: str,
    run: Run,
    listed: list[Line] | None,
    layout: Layout,
    model: Crf | None,
    spans: Spans,
    each: Callable[[str], None] | None,
) -> None:
    kept = listed is not None  # (then its blocks' lines are kept too)
    if listed is None and run[2] <= LISTED_RUN:
        listed = list(run_lines(text, run, spans.markdown))

    def lines() -> Iterable[Line]:
        return listed if listed is not None else run_lines(text, run, spans.markdown)

    def add(start: int, end: int, n: int, block: list[Line]) -> None:
        cut = Block(tuple(block)) if listed is not None else None
        text = cut.text() if cut is not None and each is not None else None
        spans.add(start, end, n, cut if kept else None, text)
        if each is not None:
            each(text if text is not None else spans.text_of(len(spans) - 1))

    if model is None:
        from .markdown_blocks import markdown_starts  # (Markdown only: start-up)

        found = markdown_starts(lines())
    else:
        found = starts(lines(), layout, model, run[3], lines())
    block: list[Line] = []
    start = end = count = 0
    for line, new in zip(lines(), found, strict=True):
        if new and count:
            add(start, end, count, block)
            count = 0
            block = []
        if not count:
            start = line.start
        count += 1
        end = line.end
        if listed is not None:
            block.append(line)
    add(start, end, count, block)


def segment(text: str, model: Crf | None = None) -> list[Block]:
    """The blocks of `text`, in order."""
    return list(segment_spans(text, model))
