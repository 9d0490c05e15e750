"""Build the article from classified blocks. No I/O, no judgements.

`parts` reads the article in order (title, sections, paragraphs,
boilerplate) and counts its stats; `assemble` builds the `Article` dict of
it, and `write_json.article_json` writes the same article's JSON from it
directly, without the dict.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from . import SCHEMA_VERSION
from .blocks import Block as RawBlock
from .classify import BOILERPLATE, HEADING, KINDS, PARAGRAPH, TITLE, heading_text, markup_level
from .levels import heading_level, letters_in_sequence, section_letter
from .scripts import count_words, dominant_script
from .spans import Spans

if TYPE_CHECKING:  # (types only: the TypedDicts cost a one-liner 1 ms to create)
    from .article import Article, Block, Kind, Section, Source, Stats

# Script detection looks at this many characters of this many blocks.
SCRIPT_SAMPLE_CHARS = 48
SCRIPT_SAMPLE_BLOCKS = 10
# Words are counted in windows of joined blocks of about this many characters
# (joining the whole body would copy it; a window keeps its blocks' strings).
WORD_WINDOW = 1 << 16


# One piece of the article, in order: (kind, text, level, block), the kind
# TITLE, HEADING (a section's start: its heading, None when paragraphs come
# before any heading), PARAGRAPH or BOILERPLATE; the level a heading's; the
# block's index (-1: a section without heading). A plain tuple: a NamedTuple
# class costs a one-liner's start-up 0.2 ms.
Part = tuple[int, str | None, int | None, int]


class Tally:
    """The stats of the body (title, headings, paragraphs), counted as its
    texts come: a little of blocks spread over the body names its script (a
    title or a first paragraph in another script does not decide)."""

    __slots__ = (
        "characters",
        "headings",
        "length",
        "paragraphs",
        "sample",
        "seen",
        "step",
        "window",
        "words",
    )

    def __init__(self, n_body: int) -> None:
        # At most SCRIPT_SAMPLE_BLOCKS blocks are sampled.
        self.step = max(1, -(-n_body // SCRIPT_SAMPLE_BLOCKS))
        self.seen = self.words = self.characters = self.length = 0
        self.paragraphs = self.headings = 0
        self.sample: list[str] = []
        self.window: list[str] = []

    def add(self, text: str) -> None:
        if self.seen % self.step == 0:
            self.sample.append(text[:SCRIPT_SAMPLE_CHARS])
        self.seen += 1
        self.characters += len(text)
        self.window.append(text)
        self.length += len(text)
        if self.length >= WORD_WINDOW:
            self._count()

    def _count(self) -> None:
        if self.window:
            self.words += count_words("\n".join(self.window))
        self.window, self.length = [], 0

    def stats(self) -> Stats:
        self._count()
        return {
            "words": self.words,
            "characters": self.characters,
            "paragraphs": self.paragraphs,
            "headings": self.headings,
            "script": dominant_script("\n".join(self.sample)),
        }


def tally_for(kinds: bytes | bytearray) -> Tally:
    return Tally(len(kinds) - kinds.count(BOILERPLATE))


def _text_of(blocks: Sequence[RawBlock], i: int) -> str:
    """A paragraph's (or boilerplate's) text: from spans, with the line
    breaks of lines ended on purpose (the document's wrap width says which)."""
    return blocks.paragraph_text(i) if isinstance(blocks, Spans) else blocks[i].text()


def parts(blocks: Sequence[RawBlock], kinds: bytes | bytearray, tally: Tally) -> Iterator[Part]:
    """The article's parts in order; `tally` counts the body as it goes."""
    in_section = False
    letters: frozenset[str] | None = None  # the headings' letters in a row (read once)
    for i, kind in enumerate(kinds):
        if kind in (TITLE, HEADING):
            block = blocks[i]
            text = heading_text(block)
            tally.add(text)
            if kind == TITLE:
                yield (TITLE, text, None, i)
                continue
            level = markup_level(block)
            if level is None and not block.lines[0].escaped:  # "1\\. x" is no numbering
                if letters is None and section_letter(block.lines[0].text) is not None:
                    letters = _letters_in_sequence(blocks, kinds)
                level = heading_level([ln.text for ln in block.lines], letters or frozenset())
            tally.headings += 1
            in_section = True
            yield (HEADING, text, level, i)
        elif kind == PARAGRAPH:
            if not in_section:
                in_section = True
                yield (HEADING, None, None, -1)
            text = _text_of(blocks, i)
            tally.add(text)
            tally.paragraphs += 1
            yield (PARAGRAPH, text, None, i)
        else:
            yield (BOILERPLATE, _text_of(blocks, i), None, i)


def _letters_in_sequence(blocks: Sequence[RawBlock], kinds: bytes | bytearray) -> frozenset[str]:
    """The letters the document's headings open with that are in a row
    ("A.", "B."): sections' letters (`levels.letters_in_sequence`)."""
    found = (section_letter(blocks[i].lines[0].text) for i, k in enumerate(kinds) if k == HEADING)
    return letters_in_sequence(letter for letter in found if letter is not None)


def assemble_kinds(
    blocks: Sequence[RawBlock],
    kinds: bytes | bytearray,
    source: Source,
    *,
    with_blocks: bool = False,
    rules: Sequence[str] | None = None,
) -> Article:
    """The article of `blocks` of `kinds` (see `classify.kinds`); `rules`
    (with `with_blocks`) names the rule of each block in `blocks`."""
    title: str | None = None
    sections: list[Section] = []
    boilerplate: list[str] = []
    out_blocks: list[Block] = []
    tally = tally_for(kinds)
    for kind, text, level, index in parts(blocks, kinds, tally):
        if kind == HEADING:
            sections.append({"heading": text, "level": level, "paragraphs": []})
        elif text is None:
            continue
        elif kind == TITLE:
            title = text
        elif kind == PARAGRAPH:
            sections[-1]["paragraphs"].append(text)
        else:
            boilerplate.append(text)
        if with_blocks and text is not None:
            block = blocks[index]
            entry: Block = {
                "kind": KINDS[kind],
                "text": text,
                "start": block.start,
                "end": block.end,
                "line": 0,
            }
            if rules is not None:
                entry["rule"] = rules[index]
            out_blocks.append(entry)
    article: Article = {
        "schema_version": SCHEMA_VERSION,
        "source": source,
        "title": title,
        "sections": sections,
        "boilerplate": boilerplate,
        "stats": tally.stats(),
    }
    if with_blocks:
        article["blocks"] = out_blocks
    return article


def assemble(
    blocks: Sequence[RawBlock],
    kinds: Sequence[tuple[Kind, str]],
    source: Source,
    *,
    with_blocks: bool = False,
    explain: bool = False,
) -> Article:
    """The article of `blocks` classified as `classify.classify` gives them."""
    codes = bytes(KINDS.index(kind) for kind, _ in kinds)
    rules = [why for _, why in kinds] if explain else None
    return assemble_kinds(blocks, codes, source, with_blocks=with_blocks or explain, rules=rules)
