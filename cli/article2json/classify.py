"""Decide what each block is: title, heading, paragraph or boilerplate.

Where the text says what a block is (a Markdown `#` heading, a setext
underline, a line of `---`, a bracketed promotion or a social line at the
article's edges), a rule decides; in a Markdown document the markup alone
makes headings. A kicker or a navigation line above the headline is front
matter: boilerplate, and the article starts after it (a date line there is
front matter too, but text: the headline under it is the title); navigation lines and
a short copyright notice that end the file are its foot, boilerplate too. Everything else goes
to the kind model, under two constraints: only the article's first block
(after its front matter) may be the title, and only a block at the
article's edges that carries a cue of its own may be boilerplate (moving
body text into `boilerplate` loses it), and a block that keeps its lines
(a list, a table) is never a title or a heading.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import boilerplate as bp
from .block_features import (
    HEAD_BLOCKS,
    TAIL_BLOCKS,
    Doc,
    features,
    iter_features,
    word_count,
)
from .blocks import Block, join_lines
from .boilerplate import cue_features, is_bracketed, is_bracketed_promo
from .line_features import is_markup_rule
from .lines import atx_heading, is_atx_heading, is_markdown
from .model import Crf, Decoder, load
from .phrases import SPEAKER_MARKS
from .spans import Spans
from .tables import is_table

if TYPE_CHECKING:
    from .article import Kind

# Kinds kept as bytes (`kinds`) are indices into this.
KINDS: tuple[Kind, ...] = ("title", "heading", "paragraph", "boilerplate")
TITLE, HEADING, PARAGRAPH, BOILERPLATE = range(4)


def markdown_heading(block: Block) -> str | None:
    """The text of a Markdown heading: a `#` line, or lines underlined by
    `=` or `-` (setext); a line that starts with a Markdown escape is never
    markup."""
    lines = block.lines
    if len(lines) == 1:
        found = atx_heading(lines[0])
        return found[1] if found else None
    if setext_level(block) is None:
        return None
    return join_lines([ln.text for ln in lines[:-1]])


def setext_level(block: Block) -> int | None:
    """1 or 2 for text underlined by `=` or `-` (the underline last, no `#`
    line above it), else None."""
    lines = block.lines
    last = lines[-1]
    if len(lines) < 2 or last.escaped or not is_markup_rule(last.text):
        return None
    if any(is_atx_heading(ln) or is_markup_rule(ln.text) for ln in lines[:-1]):
        return None
    return 1 if last.text[0] == "=" else 2


def markup_level(block: Block) -> int | None:
    """The level the block's Markdown markup gives it, if any."""
    found = atx_heading(block.lines[0]) if len(block.lines) == 1 else None
    return found[0] if found else setext_level(block)


def heading_text(block: Block) -> str:
    """A heading's text without its Markdown markup."""
    found = markdown_heading(block)
    return block.text() if found is None else found


def bracketed_promo(text: str, i: int, n: int) -> bool:
    """A block wholly in brackets among the article's last blocks, naming a
    network, a store, a link or a promotional phrase: "(Follow us on
    Facebook and Twitter.)". The text says what it is: a rule decides."""
    return i >= n - TAIL_BLOCKS and is_bracketed_promo(text)


def may_be_boilerplate(text: str, i: int, n: int) -> bool:
    """Where the model may call a block boilerplate: at the article's edges
    only (a mid-article paragraph that names a network, holds a link or
    opens with a cue word is still article text), and only a block with some
    evidence of its own: a cue kept as data (a phrase, a network, a link, a
    tag-line; not a bare "Read more:") or brackets. Moving body text into
    `boilerplate` loses it."""
    if not (i < HEAD_BLOCKS or i >= n - TAIL_BLOCKS):
        return False
    return is_bracketed(text) or any(c not in NO_EVIDENCE for c in cue_features(text))


# Cues that are no evidence of boilerplate on their own: a bare "Read more:"
# is a label (of further reading, most often a heading) and says nothing of itself.
NO_EVIDENCE = frozenset({"cue.bare-opener"})


def block_items(blocks: Sequence[Block]) -> list[set[str]]:
    """The kind model's input for an article's blocks (training uses the same)."""
    return features([b.text() for b in blocks], [len(b.lines) for b in blocks])


# Cues that make a short block at an article's edge boilerplate, and how
# short (in words) it must be.
EDGE_CUE_WORDS = 15
EDGE_CUES = ("cue.networks", "cue.call", "cue.promo")


def edge_cue(text: str, i: int, n: int) -> bool:
    """A short block at an article's edge that is a social, link or
    promotion line ("Follow us on Twitter @x", "@towndaily"); a copyright
    mark in a longer line is not enough (web annotators keep them as text)."""
    if not (i < HEAD_BLOCKS or i >= n - TAIL_BLOCKS) or word_count(text) > EDGE_CUE_WORDS:
        return False
    cues = cue_features(text)
    if "cue.link" in cues and len(" ".join(bp.LINK_TEXT.p.findall(text))) * 2 >= len(text):
        return True  # links and handles make most of the line
    return any(c in EDGE_CUES for c in cues)


def also_read(text: str, i: int, n: int) -> bool:
    """A short block at an article's edge opening with a cue phrase kept as
    data and naming what to read ("Also read: Floods in Assam"; "Read
    more:" alone is a label, left to the model)."""
    at_edge = i < HEAD_BLOCKS or i >= n - TAIL_BLOCKS
    return at_edge and word_count(text) <= bp.SHORT_WORDS and bp.names_something(text)


def rule(block: Block, text: str, i: int, n: int) -> tuple[Kind, str] | None:
    """The kind a block's own text declares, and the rule's name, if any."""
    if markdown_heading(block) is not None:
        return ("title" if i == 0 else "heading"), "markdown-heading"
    if len(block.lines) == 1 and is_markup_rule(text):
        return "paragraph", "thematic-break"  # a line of --- or ===: no heading, kept as text
    if "\n" in text and is_table(text.split("\n")):
        return "paragraph", "table"  # rows of cells: body text, one row a line
    if i and len(block.lines) == 1 and bp.is_page_number(text):
        return "paragraph", "page-number"  # page furniture: no section starts there
    if bp.is_ad_label(text):
        return "paragraph", "ad-label"  # no heading: the section goes on under it
    if i and len(text) <= CREDIT_CHARS and "\n" not in text and _is_credit(text):
        return "paragraph", "credit"  # whose picture: a caption's, no heading
    if i and is_speaker_turn(text):
        return "paragraph", "speaker"  # an interview's question or answer: no heading
    return edge_boilerplate(text, i, n)


_SPEAKER_LETTERS = frozenset(m for ms in SPEAKER_MARKS.values() for m in ms if len(m) == 1)
_SPEAKER_WORDS = frozenset(m for ms in SPEAKER_MARKS.values() for m in ms if len(m) > 1)
# (the longest mark word is shorter than this)
_SPEAKER_CHARS = 12


def is_speaker_turn(text: str) -> bool:
    """A block that opens with an interview's mark and a colon, text after
    it ("Q: How did you start?", "Antwort: Mit Geduld.", "问：为什么？");
    the mark alone ("Question:") may head a section."""
    colon = text.find(":", 1, _SPEAKER_CHARS)
    if colon < 0:
        colon = text.find("：", 1, _SPEAKER_CHARS)
    if colon < 1 or not text[colon + 1 :].strip():
        return False
    mark = text[:colon].rstrip()
    return mark in _SPEAKER_LETTERS or mark.lower() in _SPEAKER_WORDS


# (`credits.CREDIT_CHARS`, here so that the module is not imported for the test)
CREDIT_CHARS = 100


def _is_credit(text: str) -> bool:
    """`credits.is_credit` ("Photo: Reuters"), imported only for a line with
    what follows a credit's word: a colon, a slash, "=", or "by" ("von",
    "de"...)."""
    if not any(m in text for m in _CREDIT_MARKS):
        low = text.lower()
        if not any(w in low for w in _CREDIT_BY):
            return False
    from .credits import is_credit

    return is_credit(text)


_CREDIT_MARKS = ":：/／=＝"
_CREDIT_BY = (" by ", " von ", " par ", " por ", " de ", " di ")


# Front matter: at most this many blocks above the headline.
FRONT_BLOCKS = 2


def front_matter(texts: Sequence[str], n: int) -> list[str]:
    """The rule for each of the article's first blocks that stand above its
    headline: a kicker ("BREAKING NEWS", phrases kept as data) or a
    navigation line ("Home | News | World") above a short block (above a
    paragraph, "Cats > Dogs > Goldfish" is a headline), or a date line
    above a short block ("March 3, 2024"; "September 11" above a paragraph
    is a headline). The block after them is the article's first (the
    title, most often). Kickers and menus are boilerplate, a date is text
    (`front_kind`)."""
    found: list[str] = []
    while len(found) < min(FRONT_BLOCKS, n - 1):
        text = texts[len(found)]
        short_after = word_count(texts[len(found) + 1]) <= bp.SHORT_WORDS
        why = (
            "kicker"
            if bp.is_kicker(text)
            else "menu"
            if short_after and bp.is_menu(text)
            else "date-line"
            if short_after and _is_date_line(text)
            else None
        )
        if why is None:
            break
        found.append(why)
    return found


def front_kind(why: str) -> int:
    """The kind of a block of front matter, given its rule."""
    return PARAGRAPH if why == "date-line" else BOILERPLATE


def _is_date_line(text: str) -> bool:
    """`dates.is_date_line`, imported only for a short line with a digit
    (the date words cost a one-liner's start-up otherwise)."""
    if len(text) > DATE_CHARS or not any(map(str.isdigit, text)):
        return False
    from .dates import is_date_line

    return is_date_line(text)


# (`dates.DATE_CHARS`, here so that the module is not imported for the test)
DATE_CHARS = 60


def foot_matter(texts: Sequence[str], start: int, n: int) -> int:
    """How many of the article's last blocks are its foot: navigation lines
    and short copyright notices ("© 2024 Daily News"), with nothing but
    such lines below them. A notice above more text is the article's (web
    annotators keep "Copyright © 2004 Ann Lee" above the author's biography)."""
    foot = 0
    while foot < min(TAIL_BLOCKS, n - 1):
        text = texts[start + n - 1 - foot]
        if not (bp.is_copyright_notice(text) or bp.is_menu(text)):
            break
        foot += 1
    return foot


def foot_rule(text: str, i: int, foot: int) -> tuple[Kind, str] | None:
    """Boilerplate for a block of the article's foot (see `foot_matter`)."""
    if i < foot:
        return None
    return "boilerplate", "menu" if bp.is_menu(text) else "copyright"


def edge_boilerplate(text: str, i: int, n: int) -> tuple[Kind, str] | None:
    """Boilerplate that its own text shows at an article's edges, and the
    rule; a first block is the model's to judge (a title, most often)."""
    if 0 < i >= n - TAIL_BLOCKS and bp.is_menu(text):
        return "boilerplate", "menu"  # a navigation line at the foot
    if i == 0 and n > 1:
        return None
    if bracketed_promo(text, i, n):
        return "boilerplate", "bracketed-promo"
    if edge_cue(text, i, n):
        return "boilerplate", "edge-cue"
    if also_read(text, i, n):
        return "boilerplate", "also-read"
    return None


def _opens_code(text: str) -> bool:
    """`fences.opens_code`, imported only for a block that may be code."""
    from .fences import opens_code

    return opens_code(text) is not None


def markdown_kind(block: Block, i: int) -> tuple[Kind, str]:
    """A block's kind in a Markdown document, where the markup says it: a
    first `#` (or `=`-underlined) heading is the title, other headings are
    headings, and everything else is text."""
    if markdown_heading(block) is None:
        return "paragraph", "markdown-text"  # (edge boilerplate rules first: see classify)
    return ("title" if i == 0 and markup_level(block) == 1 else "heading"), "markdown-heading"


def kinds(
    blocks: Sequence[Block],
    model: Crf | None = None,
    *,
    reasons: bool = False,
    explain: bool = False,
    doc: Doc | None = None,
) -> tuple[bytearray, list[str] | None]:
    """The kind of each block (an index into `KINDS`) and, with `reasons`
    (or `explain`), why: the rule, or "model" (with `explain`, the model's
    strongest features). Blocks given as `Spans` are read on demand and the
    kinds kept as bytes: memory stays flat however many blocks there are;
    `doc` holds the article's facts if they were read already."""
    n = len(blocks)
    if isinstance(blocks, Spans):
        texts, n_lines, markdown = blocks.texts, blocks.counts, blocks.markdown
    else:
        texts = [b.text() for b in blocks]
        n_lines = array("I", [len(b.lines) for b in blocks])
        markdown = is_markdown([b.lines[0]] for b in blocks)
    reasons = reasons or explain
    whys: list[str] | None = [] if reasons else None
    # Front matter is set aside: the article, for the rules and the model,
    # starts after it.
    front = front_matter(texts, n)
    out = bytearray(map(front_kind, front))
    if whys is not None:
        whys.extend(front)
    start = len(front)
    n -= start
    foot = n - foot_matter(texts, start, n)  # the first block of the foot
    if markdown:
        for i in range(n):
            text = texts[start + i]
            kind, why = (
                ("paragraph", "markdown-code")
                if text[:1] in "`~" and _opens_code(text)
                else foot_rule(text, i, foot)
                or edge_boilerplate(text, i, n)
                or markdown_kind(blocks[start + i], i)
            )
            out.append(KINDS.index(kind))
            if whys is not None:
                whys.append(why)
        return out, whys
    model = model or load("kinds")
    code = bytes(KINDS.index(label) for label in model.labels)
    items: list[set[str]] | None = [] if explain else None
    rows: dict[tuple[bool, ...], tuple[bool, ...]] = {}  # a few distinct rows, shared
    decoder = Decoder(model)
    text_of = blocks.text_of if isinstance(blocks, Spans) else texts.__getitem__
    for i, x in enumerate(iter_features(texts, n_lines, doc, start)):
        text = text_of(start + i)
        fixed = foot_rule(text, i, foot) or rule(blocks[start + i], text, i, n)
        row = tuple(
            label == fixed[0]
            if fixed is not None
            else (i == 0 and "\n" not in text)
            if label == "title"
            else "\n" not in text
            if label == "heading"
            else may_be_boilerplate(text, i, n)
            if label == "boilerplate"
            else True
            for label in model.labels
        )
        decoder.add(model.scores(x), None if all(row) else rows.setdefault(row, row))
        if whys is not None:
            whys.append(fixed[1] if fixed is not None else "")
        if items is not None:
            items.append(x)
    path = decoder.path()
    if whys is not None:
        for i, k in enumerate(path):
            if not whys[start + i]:
                whys[start + i] = model.explain(items[i], k) if items is not None else "model"
    out.extend(code[k] for k in path)
    return out, whys


def classify(
    blocks: Sequence[Block], model: Crf | None = None, *, explain: bool = False
) -> list[tuple[Kind, str]]:
    """The kind of each block and why (the rule, or the model's strongest
    features when `explain`)."""
    found, whys = kinds(blocks, model, reasons=True, explain=explain)
    assert whys is not None
    shared: dict[tuple[Kind, str], tuple[Kind, str]] = {}  # one tuple per kind and reason
    out: list[tuple[Kind, str]] = []
    for k, why in zip(found, whys, strict=True):
        pair = (KINDS[k], why)
        out.append(shared.setdefault(pair, pair))
    return out
