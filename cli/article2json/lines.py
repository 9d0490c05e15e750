"""Split decoded text into visible lines, grouped into runs between blank lines.

A blank line holds nothing but white space and invisible format characters
(ZWSP, LRM, a stray BOM...). Offsets are into the decoded text, whose line ends
are LF only. No judgements are made here: which lines start a block is
decided by `segment`.
"""

from __future__ import annotations

from typing import NamedTuple

from .patterns import Lazy

_VISIBLE = Lazy(r"[^\s\p{Cf}]")
_new_tuple = tuple.__new__  # builds a NamedTuple without its Python-level __new__


class Line(NamedTuple):
    text: str  # trimmed of white space at both ends
    start: int  # offset of the first visible character
    end: int
    indent: int  # columns of white space before it (a tab counts 4)


def visible(raw: str, pos: int) -> Line | None:
    """The visible part of one line that starts at offset `pos`, if any."""
    stripped = raw.strip()
    if not stripped or not (stripped.isprintable() or _VISIBLE.p.search(stripped)):
        return None
    lead = raw.find(stripped[0])
    indent = lead + 3 * raw.count("\t", 0, lead) if lead else 0
    return _new_tuple(Line, (stripped, pos + lead, pos + lead + len(stripped), indent))


def runs(text: str) -> list[list[Line]]:
    """The runs of consecutive visible lines of `text`, in order (a blank
    line ends a run)."""
    out: list[list[Line]] = []
    run: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        line = visible(raw, pos)
        if line is None:
            if run:
                out.append(run)
                run = []
        else:
            run.append(line)
        pos += len(raw) + 1
    if run:
        out.append(run)
    return out
