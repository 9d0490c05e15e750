"""Build the Article from classified blocks. No I/O, no judgements."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from . import SCHEMA_VERSION
from .blocks import Block as RawBlock
from .classify import heading_text, markup_level
from .levels import heading_level
from .scripts import count_words, dominant_script

if TYPE_CHECKING:  # (types only: the TypedDicts cost a one-liner 1 ms to create)
    from .article import Article, Block, Kind, Section, Source, Stats

# Script detection looks at this many characters of this many blocks.
SCRIPT_SAMPLE_CHARS = 48
SCRIPT_SAMPLE_BLOCKS = 10


def assemble(
    blocks: Sequence[RawBlock],
    kinds: Sequence[tuple[Kind, str]],
    source: Source,
    *,
    with_blocks: bool = False,
    explain: bool = False,
) -> Article:
    title: str | None = None
    sections: list[Section] = []
    boilerplate: list[str] = []
    out_blocks: list[Block] = []
    body: list[str] = []
    n_paragraphs = n_headings = 0
    for block, (kind, rule) in zip(blocks, kinds, strict=True):
        text = heading_text(block) if kind in ("heading", "title") else block.text()
        if kind == "title":
            title = text
            body.append(text)
        elif kind == "heading":
            level = markup_level(block)
            if level is None and not block.lines[0].escaped:  # "1\\. x" is no numbering
                level = heading_level([ln.text for ln in block.lines])
            sections.append({"heading": text, "level": level, "paragraphs": []})
            body.append(text)
            n_headings += 1
        elif kind == "paragraph":
            if not sections:
                sections.append({"heading": None, "level": None, "paragraphs": []})
            sections[-1]["paragraphs"].append(text)
            body.append(text)
            n_paragraphs += 1
        else:
            boilerplate.append(text)
        if with_blocks or explain:
            entry: Block = {
                "kind": kind,
                "text": text,
                "start": block.start,
                "end": block.end,
                "line": 0,
            }
            if explain:
                entry["rule"] = rule
            out_blocks.append(entry)
    # A little of blocks spread over the body names its script (a title or a
    # first paragraph in another script does not decide); words are counted
    # in windows of joined blocks (joining the whole body would copy it).
    step = max(1, -(-len(body) // SCRIPT_SAMPLE_BLOCKS))  # at most SCRIPT_SAMPLE_BLOCKS blocks
    sample = "\n".join(t[:SCRIPT_SAMPLE_CHARS] for t in body[::step])
    stats: Stats = {
        "words": sum(count_words("\n".join(w)) for w in _windows(body)),
        "characters": sum(len(t) for t in body),
        "paragraphs": n_paragraphs,
        "headings": n_headings,
        "script": dominant_script(sample),
    }
    article: Article = {
        "schema_version": SCHEMA_VERSION,
        "source": source,
        "title": title,
        "sections": sections,
        "boilerplate": boilerplate,
        "stats": stats,
    }
    if with_blocks or explain:
        article["blocks"] = out_blocks
    return article


def _windows(texts: list[str], size: int = 1 << 20) -> Iterator[list[str]]:
    """Consecutive runs of `texts` of about `size` characters each."""
    run: list[str] = []
    length = 0
    for t in texts:
        run.append(t)
        length += len(t)
        if length >= size:
            yield run
            run, length = [], 0
    if run:
        yield run
