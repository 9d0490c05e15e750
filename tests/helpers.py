"""Shared test helpers: the installed command, the schema validator, golden files."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import orjson

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_a7458bc90af8eff5.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


def command_path() -> str:
    """The installed console script of the environment running the tests."""
    here = Path(sys.executable).parent / "article2json"
    found = str(here) if here.exists() else shutil.which("article2json")
    if not found:
        raise RuntimeError("the article2json command is not installed (pip install -e '.[test]')")
    return found


def run(*args: str, input: bytes | None = None, **kw: Any) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    return subprocess.run(
        [command_path(), *args], input=input, capture_output=True, env=env, timeout=60, **kw
    )


_validator = jsonschema.Draft202012Validator(
    orjson.loads((ROOT / "cli" / "article2json" / "schema" / "article.schema.json").read_bytes())
)


def validate(doc: Any) -> None:
    """Fail when `doc` does not follow the shipped JSON Schema."""
    _validator.validate(doc)
