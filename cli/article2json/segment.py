"""Group lines into blocks: a blank line always ends a block; within a run
of lines without blank lines, Markdown headings stand alone and the
segmentation model decides, line by line, whether a line starts a block or
continues the one above."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence

from .blocks import Block
from .line_features import Layout, is_markup_rule, read_layout, transition
from .lines import Line, is_atx_heading, is_markdown, runs
from .model import Crf, load


def run_items(run: Sequence[Line], layout: Layout) -> Iterator[set[str]]:
    """The model's input for a run of lines, one line at a time (training
    uses the same)."""
    longest = max(len(ln.text) for ln in run)
    for j, ln in enumerate(run):
        nxt = run[j + 1] if j + 1 < len(run) else None
        yield transition(run[j - 1] if j else None, ln, layout, longest, nxt)


def starts(run: Sequence[Line], layout: Layout, model: Crf) -> list[bool]:
    """For each line of a run, whether it starts a block."""
    if len(run) == 1:
        return [True]
    forced: list[bool | None] = [None] * len(run)
    forced[0] = True
    for j, line in enumerate(run):
        if line.escaped:
            continue  # an escaped line is text, never markup
        if is_atx_heading(line):
            forced[j] = True
            if j + 1 < len(run):
                forced[j + 1] = True
        elif (
            j
            and is_markup_rule(line.text)
            and not is_markup_rule(run[j - 1].text)
            and not is_atx_heading(run[j - 1])
        ):  # a setext underline (not a rule under a `#` heading)
            forced[j] = False  # a setext underline stays with its heading
            if j + 1 < len(run):
                forced[j + 1] = True
    if all(x is not None for x in forced):
        return [bool(x) for x in forced]
    # A run of 80,000 wrapped lines keeps their scores, not their feature dicts.
    emissions = array("d")
    for item in run_items(run, layout):
        emissions.extend(model.scores(item))
    rows = {
        x: tuple(x is None or (label == "B") == x for label in model.labels)
        for x in (None, True, False)
    }
    allowed = [rows[x] for x in forced]
    b = model.labels.index("B")
    return [k == b for k in model.viterbi(emissions, allowed)]


def markdown_starts(run: Sequence[Line]) -> list[bool]:
    """In a Markdown document, a run of lines is one block, but for `#`
    heading lines, which stand alone."""
    out = [True] * len(run)
    for j in range(1, len(run)):
        out[j] = is_atx_heading(run[j]) or is_atx_heading(run[j - 1])
    return out


def segment(text: str, model: Crf | None = None) -> list[Block]:
    """The blocks of `text`, in order."""
    all_runs = runs(text)
    markdown = is_markdown(all_runs)
    model = model or (None if markdown else load("segment"))
    layout = None if markdown else read_layout(all_runs)
    blocks: list[Block] = []
    for run in all_runs:
        if len(run) == 1:
            blocks.append(Block((run[0],)))
            continue
        if layout is None or model is None:
            found = markdown_starts(run)
        else:
            found = starts(run, layout, model)
        current: list[Line] = []
        for line, new in zip(run, found, strict=True):
            if new and current:
                blocks.append(Block(tuple(current)))
                current = []
            current.append(line)
        blocks.append(Block(tuple(current)))
    return blocks
