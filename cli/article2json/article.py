"""The shape of the output (schema version 2), as TypedDicts.

The JSON Schema in `schema/article.schema.json` describes the same shape; a test
checks that the two name the same keys.
"""

from __future__ import annotations

from typing import Literal, NotRequired, TypedDict

from . import SCHEMA_VERSION as SCHEMA_VERSION  # (defined in __init__: see there)

Kind = Literal["title", "heading", "paragraph", "boilerplate"]


class Source(TypedDict):
    path: str | None
    path_bytes: NotRequired[str]  # base64 of a file name that is not valid UTF-8
    bytes: int
    sha256: str
    encoding: str


class Section(TypedDict):
    heading: str | None
    level: int | None  # 1-6 as the source marks it (`#`s, setext, numbering); else None
    paragraphs: list[str]


class Stats(TypedDict):
    words: int
    characters: int
    paragraphs: int
    headings: int
    script: str
    language: NotRequired[str]  # with `parse(language=True)` / --language
    language_score: NotRequired[float]


class Block(TypedDict):
    kind: Kind
    text: str
    start: int
    end: int
    line: int
    rule: NotRequired[str]


class Article(TypedDict):
    schema_version: int
    source: Source
    title: str | None
    sections: list[Section]
    boilerplate: list[str]
    stats: Stats
    blocks: NotRequired[list[Block]]
