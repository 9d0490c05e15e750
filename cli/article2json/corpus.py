"""Labelled corpora (`<lang>/<id>.txt` beside `<lang>/<id>.truth.json`) read
as blocks with their true kinds: the material for training and evaluation.

A corpus text separates its blocks by one blank line, and every string of the
truth occurs in it verbatim, so each block is given its kind by walking the
truth in reading order (title, then each section's heading and paragraphs);
boilerplate is listed apart in the truth and matched by its text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson
import regex

from .article import Kind


def fold(text: str | None) -> str | None:
    """Text as the truth is compared: every run of white space one space,
    and none after a word broken by a hyphen at a line's end ("Shelf-" "life":
    a truth that keeps its page's line breaks has a space there, a paragraph
    joined as `blocks.join_lines` does has none)."""
    if text is None:
        return None
    folded = " ".join(text.split())
    return _BROKEN.sub(r"\1\2", folded) if "- " in folded or "\u00ad " in folded else folded


_BROKEN = regex.compile(r"(?<=\p{L}\p{M}*)([-\u00ad]) (\p{Ll})")


@dataclass(frozen=True)
class Labelled:
    text: str  # the block as the corpus text holds it, line breaks kept
    kind: Kind


@dataclass(frozen=True)
class Document:
    path: str  # relative to the corpus folder
    lang: str
    source: str
    text: str
    truth: dict[str, Any]
    blocks: tuple[Labelled, ...]
    missing: int = 0  # strings of the truth not found in the text


def label_blocks(text: str, truth: dict[str, Any]) -> list[Labelled]:
    """The blank-line blocks of a corpus text with their true kinds."""
    return align(text, truth)[0]


def align(text: str, truth: dict[str, Any]) -> tuple[list[Labelled], int]:
    """The labelled blocks, and how many title, heading and paragraph
    strings of the truth were never found in the text (after one is missed,
    the labels of the blocks after it are guesses: training warns)."""
    body: list[tuple[Kind, str]] = []
    if truth.get("title") is not None:
        body.append(("title", str(fold(truth["title"]))))
    for s in truth["sections"]:
        if s["heading"] is not None:
            body.append(("heading", str(fold(s["heading"]))))
        body.extend(("paragraph", str(fold(p))) for p in s["paragraphs"])
    extra = Counter(fold(b) for b in truth.get("boilerplate", []))
    out: list[Labelled] = []
    at = 0
    for raw in text.split("\n\n"):
        block = raw.strip("\n")
        if not block.strip():
            continue
        folded = fold(block)
        if at < len(body) and body[at][1] == folded:
            out.append(Labelled(block, body[at][0]))
            at += 1
        elif extra[folded]:
            extra[folded] -= 1
            out.append(Labelled(block, "boilerplate"))
        else:  # not in the truth where expected: keep the text as body text
            out.append(Labelled(block, "paragraph"))
    return out, len(body) - at


def load(corpus: Path) -> list[Document]:
    """Every labelled document of `corpus`, in path order."""
    sources: dict[str, str] = {}
    manifest = corpus / "manifest.jsonl"
    if manifest.exists():
        for line in manifest.read_bytes().splitlines():
            entry = orjson.loads(line)
            sources[str(entry["path"])] = str(entry.get("source", ""))
    docs = []
    for txt in sorted(corpus.glob("*/*.txt")):
        truth_path = txt.with_name(txt.name[: -len(".txt")] + ".truth.json")
        if not truth_path.exists():
            continue
        rel = str(txt.relative_to(corpus))
        text = txt.read_text("utf-8")
        truth = orjson.loads(truth_path.read_bytes())
        labelled, missing = align(text, truth)
        docs.append(
            Document(
                path=rel,
                lang=txt.parent.name,
                source=sources.get(rel, corpus.name),
                text=text,
                truth=truth,
                blocks=tuple(labelled),
                missing=missing,
            )
        )
    return docs
