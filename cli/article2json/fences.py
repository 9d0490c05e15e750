"""Fenced code in a Markdown document: the lines between two ``` (or ~~~)
fences are code, one block kept as it stands (blank lines, indents, a "#"
comment that is no heading). CommonMark's rules, read one line at a time:
a fence is three or more backticks or tildes indented by three spaces at
most; a backtick fence's info string ("```python") holds no backtick; the
closing fence has the same character, as many at least, and nothing else.
An unclosed fence runs to the document's end, as in CommonMark.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .lines import Line, Run, run_lines
from .patterns import Lazy

_OPENING = Lazy(r"(`{3,})[^`]*|(~{3,}).*")
FENCE_CHARS = "`~"


def opening_fence(line: Line) -> str | None:
    """The fence a line opens ("```" for "```python"), if it opens one."""
    text = line.text
    if text[:1] not in FENCE_CHARS or line.indent > 3 or line.escaped:
        return None
    m = _OPENING.p.fullmatch(text)
    return None if m is None else m.group(1) or m.group(2)


def closes(line: Line, fence: str) -> bool:
    """Whether a line closes `fence`: its character only, as many at least."""
    text = line.text
    return line.indent <= 3 and len(text) >= len(fence) and text == fence[0] * len(text)


def fence_after(lines: Iterable[Line], fence: str | None) -> str | None:
    """The fence still open after `lines`, given the one open before them."""
    for line in lines:
        if fence is None:
            fence = opening_fence(line)
        elif closes(line, fence):
            fence = None
    return fence


Found = tuple[Run, Line, list[Line] | None]


def fenced_runs(text: str, found: Iterable[Found]) -> Iterator[Found]:
    """The runs of a Markdown document (as `segment.segment_spans` reads
    them, with their lines when kept) with the runs a code fence spans
    across blank lines made one."""
    fence: str | None = None
    merged: list[Found] = []
    for item in found:
        run, _, lines = item
        if fence is None and not any(ln[:1] in FENCE_CHARS for ln in _texts(text, item)):
            yield item  # (most runs: no fence line at all)
            continue
        fence = fence_after(lines if lines is not None else run_lines(text, run), fence)
        merged.append(item)
        if fence is None:
            yield _merge(merged)
            merged = []
    if merged:
        yield _merge(merged)


def _texts(text: str, item: Found) -> Iterator[str]:
    run, _, lines = item
    if lines is not None:
        return (ln.text for ln in lines)
    return (ln.text for ln in run_lines(text, run))


def _merge(items: list[Found]) -> Found:
    """Consecutive runs as one (its lines kept if each run's were)."""
    if len(items) == 1:
        return items[0]
    runs = [run for run, _, _ in items]
    listed = [lines for _, _, lines in items]
    lines = None if any(x is None for x in listed) else [ln for x in listed if x for ln in x]
    run = (runs[0][0], runs[-1][1], sum(r[2] for r in runs), max(r[3] for r in runs))
    return run, items[0][1], lines


def code_text(text: str, start: int, end: int) -> str:
    """A fenced block's text as the file has it, fences included, each line
    without the opening fence's indent (as CommonMark reads its content)."""
    line_start = text.rfind("\n", 0, start) + 1
    indent = start - line_start
    lines = text[line_start:end].split("\n")
    if indent:
        lines = [ln[min(indent, len(ln) - len(ln.lstrip(" "))) :] for ln in lines]
    return "\n".join(ln.rstrip() for ln in lines)


def opens_code(text: str) -> str | None:
    """The fence a block's text opens with ("```" for "```python\n..."), if any."""
    if text[:1] not in FENCE_CHARS:
        return None
    first = text.partition("\n")[0]
    return opening_fence(Line(first.strip(), 0, len(first), 0))


def is_fenced_code(paragraph: str) -> bool:
    """Whether a paragraph's text is fenced code, its fences included (what
    `code_text` gives): `render_markdown` writes it as it is."""
    fence = opens_code(paragraph)
    if fence is None or "\n" not in paragraph:
        return False
    last = paragraph.rsplit("\n", 1)[-1]
    return closes(Line(last.strip(), 0, len(last), 0), fence)
