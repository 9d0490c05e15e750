"""The naive splitter the parser is measured against (issue #6): one regex
splits at blank lines, the first block is the title, short lines without final
punctuation are headings, the rest are paragraphs; orjson serialises it."""

from __future__ import annotations

import orjson
import regex

_BLANK = regex.compile(r"\n\s*\n")
_FINAL = regex.compile(r"[.!?।。]\s*$")


def naive(data: bytes) -> bytes:
    text = data.decode("utf-8")
    blocks = [b.strip() for b in _BLANK.split(text) if b.strip()]
    title = blocks[0] if blocks else None
    sections: list[dict[str, object]] = [{"heading": None, "paragraphs": []}]
    for b in blocks[1:]:
        if len(b) < 80 and "\n" not in b and not _FINAL.search(b):
            sections.append({"heading": b, "paragraphs": []})
        else:
            paragraphs = sections[-1]["paragraphs"]
            assert isinstance(paragraphs, list)
            paragraphs.append(b)
    return orjson.dumps({"title": title, "sections": sections})


def floor(data: bytes) -> bytes:
    """Decode and serialise the text: the least any converter must do."""
    return orjson.dumps({"text": data.decode("utf-8")})
