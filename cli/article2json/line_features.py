"""What the segmentation model knows about a line: the evidence that it
starts a new block rather than continuing the line above.

Each feature is a small named function of the line, the line above and the
document's measured wrap width; `transition` gathers them into the named
values the model weighs. The wrap width is read from the document itself: a
line that ends well short of the article's usual line length, where the next
line's first word would have fitted, ends its paragraph.
"""

from __future__ import annotations

from .blocks import is_broken_word, is_list_item, would_fit
from .doc_layout import UNWRAPPED, Layout
from .lines import Line
from .scripts import OPENING_QUOTES, is_no_space, sentence_and_clause

LONG_LINE = 150
SHORT_LINE = 40


def case_of_start(text: str) -> str:
    """'upper', 'lower' or 'none' for the first letter of a line (scripts
    without case give 'none')."""
    for ch in text[:4]:
        if ch.isalpha():
            return "upper" if ch.isupper() else "lower" if ch.islower() else "none"
    return "none"


def is_markup_rule(text: str) -> bool:
    """A line of "=" or "-" only (a setext underline or a rule)."""
    # (the first character first: most lines are prose, and set() of a long line costs)
    return len(text) > 1 and text[0] in "=-" and (set(text) == {"="} or set(text) == {"-"})


def length_bin(ratio: float) -> str:
    return "<.5" if ratio < 0.5 else "<.75" if ratio < 0.75 else "<.9" if ratio < 0.9 else ">=.9"


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
    fits = would_fit(p, c, width - prev.indent)  # (an indented line had less room)
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
    if is_broken_word(p):
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
        if c_bullet:
            add("p.bullet&c.bullet")  # the next item of the same list
    if c[0] in OPENING_QUOTES:
        add("c.quote")
    if c[0] == ">":  # a quotation's mark (e-mail, Markdown)
        add("p.gt&c.gt" if p[0] == ">" else "c.gt")
    elif p[0] == ">":
        add("p.gt")
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
    if nxt is not None and nxt.indent > cur.indent:
        # The line below is indented more: where an indent opens a
        # paragraph, this line ends its block (a heading between two
        # indented paragraphs is not indented itself).
        add("n.indent>c")
        if not (c_sent or c_clause):
            add("c.noend&n.indent>c")
            if sent:
                add("p.sent&c.noend&n.indent>c")
            elif noend and lp + prev.indent >= 0.8 * width:
                # the full line above ends no sentence: this may be a
                # heading's (or a paragraph's) last line, cut for room
                add("p.full&p.noend&c.noend&n.indent>c")
    if sent and lc <= 0.6 * width:
        add("p.sent&c.part")
    if prev.start == layout.first:  # the line above is the document's first: a title?
        add("p.first")
        add("p.first&p.r" + length_bin(ratio))
        for name in _FIRST_PAIRS:
            if name in f:
                add("p.first&" + name)
    elif prev.start == layout.second and not prev.indent:
        # The line above may end a title that wraps (an indented one opens a
        # paragraph: "　　" under a Chinese title, not the title's second line).
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
    "n.indent>c",
    "c.noend&n.indent>c",
)
