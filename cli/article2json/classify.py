"""Decide what each block is: title, heading, paragraph or boilerplate.

Where the text says what a block is (a Markdown `#` heading, a setext
underline), a rule decides; everything else goes to the kind model, under
two constraints: only the first block may be the title, and only a block at
the article's edges, or one that opens with an explicit cue phrase, may be
boilerplate (moving body text into `boilerplate` loses it).
"""

from __future__ import annotations

from collections.abc import Sequence

from . import boilerplate as bp
from .article import Kind
from .block_features import HEAD_BLOCKS, TAIL_BLOCKS, features, word_count
from .blocks import Block
from .line_features import is_markup_rule
from .model import Crf, load
from .patterns import Lazy

_MD_HEADING = Lazy(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def markdown_heading(block: Block) -> str | None:
    """The text of a Markdown heading (`## X`, or X underlined by = or -)."""
    if len(block.lines) == 1 and block.first.startswith("#"):
        m = _MD_HEADING.p.match(block.first)
        return m.group(2).strip() if m else None
    if len(block.lines) == 2 and is_markup_rule(block.last):
        return block.first
    return None


def heading_text(block: Block) -> str:
    """A heading's text without its Markdown markup."""
    found = markdown_heading(block)
    return block.text() if found is None else found


def may_be_boilerplate(text: str, i: int, n: int) -> bool:
    """Strong enough evidence to let the model call a block boilerplate: it
    stands at an edge of the article, or opens with a cue phrase ("Also
    read") and is short."""
    if i < HEAD_BLOCKS or i >= n - TAIL_BLOCKS:
        return True
    return word_count(text) <= bp.SHORT_WORDS and bp.has_opener(text)


def block_items(blocks: Sequence[Block]) -> list[dict[str, float]]:
    """The kind model's input for an article's blocks (training uses the same)."""
    return features([b.text() for b in blocks], [len(b.lines) for b in blocks])


def classify(
    blocks: Sequence[Block], model: Crf | None = None, *, explain: bool = False
) -> list[tuple[Kind, str]]:
    """The kind of each block and why (the rule, or the model's strongest
    features when `explain`)."""
    model = model or load("kinds")
    texts = [b.text() for b in blocks]
    items = block_items(blocks)
    n = len(blocks)
    labels = model.labels
    ruled: list[Kind | None] = []
    for i, b in enumerate(blocks):
        ruled.append(
            ("title" if i == 0 else "heading") if markdown_heading(b) is not None else None
        )
    allowed = []
    for i, text in enumerate(texts):
        fixed = ruled[i]
        row = []
        for label in labels:
            if fixed is not None:
                row.append(label == fixed)
            elif label == "title":
                row.append(i == 0)
            elif label == "boilerplate":
                row.append(may_be_boilerplate(text, i, n))
            else:
                row.append(True)
        allowed.append(row)
    path = model.decode(items, allowed)
    out: list[tuple[Kind, str]] = []
    for i, k in enumerate(path):
        kind: Kind = labels[k]  # type: ignore[assignment]
        if ruled[i] is not None:
            why = "markdown-heading"
        else:
            why = model.explain(items[i], k) if explain else "model"
        out.append((kind, why))
    return out
