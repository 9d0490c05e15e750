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
from itertools import pairwise
from typing import NamedTuple

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
    inner = sorted(len(ln.text) for run in runs for ln in run[:-1])
    if len(inner) < MIN_INNER_LINES:
        inner = sorted(len(ln.text) for run in runs for ln in run)
    return max(1, inner[(len(inner) * 9) // 10]) if inner else 1


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


class Layout(NamedTuple):
    """How a document lays out its text, read from the document itself."""

    width: int  # its wrap width
    blanks: bool = False  # blank lines separate its blocks
    glued: bool = False  # short unended lines sit right above full-width ones (headings pasted on)
    indents: bool = False  # a first-line indent marks its paragraphs
    first: int = -1  # offset of its first visible line (a title, most often)


# Shares of a document's runs (or lines) that make it "glued" or "indented".
GLUED_SHARE = 0.2
INDENT_SHARE = 0.05


def read_layout(runs: Sequence[Sequence[Line]]) -> Layout:
    width = wrap_width(runs)
    long_runs = [r for r in runs if len(r) > 1]
    glued = sum(
        1
        for r in long_runs
        if len(r[0].text) <= 0.6 * width
        and not any(sentence_and_clause(r[0].text))
        and len(r[1].text) >= 0.8 * width
    )
    lines = sum(len(r) - 1 for r in long_runs)
    indented = sum(1 for r in long_runs for a, b in pairwise(r) if b.indent > a.indent)
    return Layout(
        width,
        uses_blank_lines(runs),
        bool(long_runs) and glued >= GLUED_SHARE * len(long_runs) and glued >= 2,
        lines > 0 and indented >= INDENT_SHARE * lines and indented >= 2,
        runs[0][0].start if runs else -1,
    )


def transition(
    prev: Line | None, cur: Line, layout: Layout, longest: int = 0, nxt: Line | None = None
) -> set[str]:
    """The features of `cur` as the start of a block; `prev` is the visible
    line right above it (None for the first line of a run); `layout` is the
    document's; `longest` is the length of the run's longest line; `nxt` the
    line below, if any (a short unended line above a full one is a heading
    pasted on its paragraph)."""
    width, blanks = layout.width, layout.blanks
    c = cur.text
    f = {"b"}
    if prev is None:
        f.add("runstart")
        return f
    p = prev.text
    ratio = len(p) / width
    f.add("p.r" + length_bin(ratio))
    f.add("p.run" + length_bin(len(p) / max(longest, 1)))
    full = len(c) >= 0.8 * width
    sent, clause = sentence_and_clause(p)
    fits = would_fit(p, c, width)
    case = case_of_start(c)
    feats = {
        "fits": fits,
        "p.sent": sent,
        "p.clause": clause,
        "p.colon": p.endswith((":", "：")),
        "p.hyphen": ends_with_hyphen(p),
        "p.noend": not (sent or clause),
        "c.upper": case == "upper",
        "c.lower": case == "lower",
        "c.digit": c[0].isdigit(),
        "c.bullet": is_list_item(c),
        "p.bullet": is_list_item(p),
        "c.quote": c[0] in OPENING_QUOTES,
        "c.indent>p": cur.indent > prev.indent,
        "c.indent<p": cur.indent < prev.indent,
        "indent=>0": cur.indent == prev.indent > 0,
        "p.long": len(p) > LONG_LINE and " " in p,
        "c.long": len(c) > LONG_LINE and " " in c,
        "unwrapped": width > UNWRAPPED,
        "p.short": len(p) <= SHORT_LINE,
        "c.short": len(c) <= SHORT_LINE,
        "p.md": p.startswith("#"),
        "c.md": c.startswith("#"),
        "c.rule": is_markup_rule(c),
        "p.rule": is_markup_rule(p),
        "tabs": "\t" in p and "\t" in c,
        "nospace": is_no_space(p[-1]) and is_no_space(c[0]),
        "c>>p": len(c) >= 3 * len(p),
        "c>2p": len(c) >= 2 * len(p),
        "c.full": full,
        "p.short&c.full": len(p) <= SHORT_LINE and full,
        "p.noend&c.full": full and not (sent or clause),
        "fits&c.full": fits and full,
    }
    for name, on in feats.items():
        if on:
            f.add(name)
    # Pairs whose meaning differs from their parts'.
    if sent and case == "upper":
        f.add("p.sent&c.upper")
    if fits and sent:
        f.add("fits&p.sent")
    if fits and not (sent or clause):
        f.add("fits&p.noend")
    if not (sent or clause) and case == "lower":
        f.add("p.noend&c.lower")
    if blanks:  # where blank lines separate blocks, other evidence counts less
        f.add("blanks")
        for name in ("fits", "p.sent", "p.short", "c.indent>p", "p.noend", "c.upper"):
            if name in f:
                f.add("blanks&" + name)
    c_sent, c_clause = sentence_and_clause(c)
    if not (c_sent or c_clause):
        f.add("c.noend")
        if nxt is not None and len(nxt.text) >= 0.8 * width:
            f.add("c.noend&n.full")
            if sent:
                f.add("p.sent&c.noend&n.full")
            if len(c) <= 0.6 * width:
                f.add("c.part&c.noend&n.full")
    if sent and len(c) <= 0.6 * width:
        f.add("p.sent&c.part")
    if prev.start == layout.first:  # the line above is the document's first: a title?
        f.add("p.first")
        f.add("p.first&p.r" + length_bin(ratio))
        for name in (
            "p.noend",
            "p.sent",
            "c.full",
            "p.noend&c.full",
            "c>2p",
            "c.short",
            "fits",
            "c.lower",
        ):
            if name in f:
                f.add("p.first&" + name)
    for flag, on in (("glued", layout.glued), ("indents", layout.indents)):
        if on:
            f.add(flag)
            for name in (
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
            ):
                if name in f:
                    f.add(flag + "&" + name)
    return f


# A document with at least this many blank lines between its lines, and as
# many as a tenth of its lines, separates its blocks with blank lines.
BLANK_RUNS = 3


def uses_blank_lines(runs: Sequence[Sequence[Line]]) -> bool:
    lines = sum(map(len, runs))
    return len(runs) >= BLANK_RUNS and 10 * len(runs) >= lines
