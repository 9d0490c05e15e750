"""The JSON Schema of the output, shipped as package data."""

from __future__ import annotations

from importlib.resources import files


def schema_bytes() -> bytes:
    return (files("article2json") / "schema" / "article.schema.json").read_bytes()
