"""The shipped JSON Schema and the TypedDicts describe the same output."""

from __future__ import annotations

from typing import Any, get_type_hints

import orjson

from article2json import article as model
from article2json.schema import schema_bytes

from helpers import run


def _keys(cls: Any) -> set[str]:
    return set(get_type_hints(cls))


def test_schema_keys_match_the_typeddicts() -> None:
    schema = orjson.loads(schema_bytes())
    props = schema["properties"]
    assert set(props) == _keys(model.Article)
    assert set(props["source"]["properties"]) == _keys(model.Source)
    assert set(props["stats"]["properties"]) == _keys(model.Stats)
    assert set(props["sections"]["items"]["properties"]) == _keys(model.Section)
    assert set(props["blocks"]["items"]["properties"]) == _keys(model.Block)
    assert props["schema_version"]["const"] == model.SCHEMA_VERSION


def test_cli_prints_the_shipped_schema() -> None:
    assert run("--schema").stdout == schema_bytes()


def test_key_order_of_the_output() -> None:
    doc = orjson.loads(run("-", input=b"Title\n\nText.\n").stdout)
    assert list(doc) == ["schema_version", "source", "title", "sections", "boilerplate", "stats"]
    assert list(doc["source"]) == ["path", "bytes", "sha256", "encoding"]
