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

from forkrun import run_forked

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
    """Run the installed command, forked from a warm interpreter (`forkrun`)
    unless the run sets its own environment or A2J_TEST_EXEC=1 asks for a
    real process each time."""
    env = {**os.environ, "PYTHONWARNINGS": "error"}
    if os.environ.get("A2J_TEST_EXEC") == "1" or set(kw) - {"cwd", "timeout"}:
        kw.setdefault("env", env)
        kw.setdefault("timeout", 60)
        return subprocess.run([command_path(), *args], input=input, capture_output=True, **kw)
    return run_forked(command_path(), list(args), env, input=input, **kw)


# Runs the command with Ctrl-C at its default, as a terminal starts it: a
# suite started in the background (`cmd &` in a script) has SIGINT ignored,
# every process it starts inherits that, and Python then never sees Ctrl-C.
_DEFAULT_SIGINT = (
    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
    "os.execv(sys.argv[1], sys.argv[1:])"
)


def interruptible(*args: str) -> list[str]:
    """The argv that runs the installed command with `args`, Ctrl-C at its
    default whatever the suite inherited."""
    return [sys.executable, "-c", _DEFAULT_SIGINT, command_path(), *args]


def examples(n: int) -> int:
    """How many examples a property test tries: `n`, times A2J_EXAMPLES
    (CI's second pass tries four times as many as the quick suite)."""
    return max(1, round(n * float(os.environ.get("A2J_EXAMPLES", "1"))))


_validator = jsonschema.Draft202012Validator(
    orjson.loads((ROOT / "cli" / "article2json" / "schema" / "article.schema.json").read_bytes())
)


def validate(doc: Any) -> None:
    """Fail when `doc` does not follow the shipped JSON Schema."""
    _validator.validate(doc)
