"""How a Markdown document's runs of lines become blocks: the markup alone
decides (`#` headings, tables with their "|---|" row, fenced code,
thematic breaks); the segmentation model is not asked. Imported only for
a Markdown document.
"""

from __future__ import annotations

from collections.abc import Iterable

from .fences import FENCE_CHARS, closes, opening_fence
from .lines import Line, is_atx_heading
from .tables import bar_tables, is_rule_row


def markdown_starts(run: Iterable[Line]) -> bytearray:
    """In a Markdown document, a run of lines is one block, but for `#`
    heading lines, which stand alone; tables (a header, Markdown's "|---|"
    row, rows), which are blocks of their own even under a line of text (as
    GitHub reads them; the text right under one, which GitHub would read as
    a row, is a block too); and
    fenced code, a block from its fence to its closing fence, in which no
    line is markup (`fences`)."""
    out = bytearray()
    bars: dict[int, str] = {}  # the lines that hold a bar, by their index
    prev = True  # the line above stands alone: this one starts a block
    fence: str | None = None
    for line in run:
        if fence is not None:
            out.append(0)
            if closes(line, fence):
                fence, prev = None, True
            continue
        fence = opening_fence(line) if line.text[:1] in FENCE_CHARS else None
        atx = fence is None and is_atx_heading(line)
        new = not out or atx or prev or fence is not None
        out.append(new)
        # a heading stands alone; so does a rule ("---") that starts a block:
        # a thematic break, not a setext underline
        prev = atx or (new and not line.escaped and is_thematic_break(line.text))
        if "|" in line.text and not line.escaped and fence is None:
            bars[len(out) - 1] = line.text
    for table in bar_tables(bars) if len(bars) > 1 else ():
        rule = next((k for k in table if is_rule_row(bars[k])), None)
        if rule is None or rule == table.start:
            continue  # (no Markdown table: bars in a paragraph)
        out[rule - 1] = 1  # the header: the line right above the rule row
        if table.stop < len(out):
            out[table.stop] = 1
    return out


def is_thematic_break(text: str) -> bool:
    """A Markdown rule: three or more "-", "*" or "_", spaces between."""
    marks = text.replace(" ", "").replace("\t", "")
    return len(marks) >= 3 and marks[0] in "-*_" and marks == marks[0] * len(marks)
