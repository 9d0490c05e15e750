"""The real installed command, run as a user runs it."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import orjson
import pytest

from helpers import ROOT, SEED, command_path, run, validate


def test_seed_one_liner() -> None:
    r = run(str(SEED))
    assert r.returncode == 0, r.stderr
    assert r.stderr == b""
    doc = orjson.loads(r.stdout)
    validate(doc)
    assert r.stdout.count(b"\n") == 1  # compact: one line
    assert doc["source"]["path"] == str(SEED)
    assert "path_bytes" not in doc["source"]  # only for names that are not UTF-8


def test_stdin_with_blocks_gives_the_same_article() -> None:
    by_path = orjson.loads(run(str(SEED)).stdout)
    r = run("-", "--blocks", input=SEED.read_bytes())
    assert r.returncode == 0, r.stderr
    doc = orjson.loads(r.stdout)
    validate(doc)
    assert doc["source"]["path"] is None
    for key in ("title", "sections", "boilerplate", "stats"):
        assert doc[key] == by_path[key]
    text = SEED.read_text(encoding="utf-8")
    assert doc["blocks"]
    for b in doc["blocks"]:
        assert text[b["start"] : b["end"]].split() == b["text"].split()
        assert text.count("\n", 0, b["start"]) + 1 == b["line"]


def test_no_argument_reads_stdin() -> None:
    r = run(input=b"Title\n\nBody text.\n")
    assert orjson.loads(r.stdout)["title"] == "Title"


def test_explain_names_rules() -> None:
    doc = orjson.loads(run("--explain", str(SEED)).stdout)
    validate(doc)
    assert doc["blocks"]
    assert all(isinstance(b["rule"], str) and b["rule"] for b in doc["blocks"])


def test_pretty() -> None:
    r = run("--pretty", str(SEED))
    assert r.stdout.startswith(b"{\n  ")
    assert orjson.loads(r.stdout) == orjson.loads(run(str(SEED)).stdout)


def test_schema_is_printed_and_is_json() -> None:
    r = run("--schema")
    assert r.returncode == 0
    schema = orjson.loads(r.stdout)
    assert schema["$schema"].endswith("2020-12/schema")


def test_several_files_give_json_lines(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Alpha\n\nFirst text.\n", encoding="utf-8")
    r = run(str(a), str(SEED))
    lines = r.stdout.splitlines()
    assert [orjson.loads(x)["source"]["path"] for x in lines] == [str(a), str(SEED)]


def test_version_and_help_do_not_import_orjson_or_regex() -> None:
    code = (
        "import sys; sys.argv=['article2json', '{arg}']\n"
        "from article2json.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'orjson' not in sys.modules and 'regex' not in sys.modules, 'imported'\n"
    )
    python = str(Path(command_path()).parent / "python")
    for arg in ("--version", "--help"):
        r = subprocess.run([python, "-c", code.format(arg=arg)], capture_output=True, timeout=60)
        assert r.returncode == 0, r.stderr


def test_a_one_liner_imports_only_what_converting_one_file_needs() -> None:
    """Start-up is most of a one-liner's time: the renderers, the language
    detector, the walk's patterns, the type declarations of the output and
    the cluster runner are not imported to convert one file to JSON."""
    code = (
        "import sys; sys.argv=['article2json', '{seed}']\n"
        "from article2json.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "names = ('render', 'language', 'globs', 'article', 'cluster', 'schema')\n"
        "print(sorted(n for n in names if 'article2json.' + n in sys.modules), file=sys.stderr)\n"
    )
    python = str(Path(command_path()).parent / "python")
    r = subprocess.run(
        [python, "-c", code.format(seed=SEED)], capture_output=True, timeout=60, check=True
    )
    assert r.stdout.startswith(b'{"schema_version"')
    assert r.stderr.strip() == b"[]"


def test_help_has_examples() -> None:
    r = run("--help")
    assert b"jq -r .title" in r.stdout
    assert b"Exit codes" in r.stdout


def test_version() -> None:
    assert run("--version").stdout.startswith(b"article2json, version ")


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such file"),
        ("dir", "is a directory"),
        ("binary", "binary file (NUL byte at byte 4)"),
        ("latin1", "invalid UTF-8 at byte 6"),
        ("dangling", "dangling symbolic link"),
    ],
)
def test_bad_inputs_get_one_line_and_exit_1(tmp_path: Path, setup: str, message: str) -> None:
    path = tmp_path / "input.txt"
    if setup == "dir":
        path.mkdir()
    elif setup == "binary":
        path.write_bytes(b"\x89PNG\x00\x00\x01")
    elif setup == "latin1":
        path.write_bytes(b"Price \xa3 5\n")
    elif setup == "dangling":
        path.symlink_to(tmp_path / "nowhere")
    r = run(str(path))
    assert r.returncode == 1
    assert r.stdout == b""
    lines = r.stderr.decode().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"article2json: {path}: {message}")


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("x")
    path.chmod(0)
    tmp_path.chmod(0o755)
    # Root reads any file, so as root the command runs as nobody.
    prefix = (
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] if os.geteuid() == 0 else []
    )
    r = subprocess.run([*prefix, command_path(), str(path)], capture_output=True, timeout=60)
    assert r.returncode == 1
    assert r.stderr.decode().strip() == f"article2json: {path}: permission denied"


def test_bad_file_among_good_ones_still_converts_the_rest(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    r = run(str(SEED), str(tmp_path / "missing.txt"), str(SEED))
    assert r.returncode == 1
    assert len(r.stdout.splitlines()) == 2
    err = r.stderr.decode().splitlines()
    assert err == [f"article2json: {tmp_path / 'missing.txt'}: no such file"]  # quiet: no summary
    r = run("-v", str(SEED), str(tmp_path / "missing.txt"), str(SEED))
    assert (
        r.stderr.decode()
        .splitlines()[1]
        .startswith("article2json: 2 converted, 0 skipped, 1 failed in ")
    )


def test_usage_error_exits_2() -> None:
    r = run("--no-such-flag")
    assert r.returncode == 2
    assert r.stderr.decode() == (
        "article2json: no such option '--no-such-flag'. (see article2json --help)\n"
    )
    r = run("--normalize", "nfd", str(SEED))
    assert r.returncode == 2
    assert r.stderr.count(b"\n") == 1 and r.stderr.startswith(b"article2json: invalid value")


def test_unknown_encoding_is_a_usage_error() -> None:
    r = run("--encoding", "klingon", str(SEED))
    assert r.returncode == 2
    assert r.stderr.decode() == (
        "article2json: --encoding: unknown encoding 'klingon' (see article2json --help)\n"
    )


def test_encoding_and_errors_options(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Caf\xe9 prices\n\nA coffee costs \xa35.\n")
    assert orjson.loads(run("--encoding", "latin-1", str(path)).stdout)["title"] == "Café prices"
    doc = orjson.loads(run("--errors", "replace", str(path)).stdout)
    assert doc["title"] == "Caf\ufffd prices"


def test_normalize_nfc() -> None:
    precomposed = "\u0958 खबर".encode()  # QA, which NFC decomposes into KA + NUKTA
    out = orjson.loads(run("--normalize", "nfc", "-", input=precomposed).stdout)
    assert out["title"] == "क\u093c खबर"
    kept = orjson.loads(run("-", input=precomposed).stdout)
    assert kept["title"] == "\u0958 खबर"  # nothing is rewritten unless asked


def test_empty_input_is_valid() -> None:
    r = run("-", input=b"")
    doc = orjson.loads(r.stdout)
    validate(doc)
    assert doc["title"] is None and doc["sections"] == []


def test_closed_stdout_ends_quietly() -> None:
    cmd = f"'{command_path()}' '{SEED}' --pretty | head -c 10; echo \" $PIPESTATUS\" >&2"
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=60)
    assert r.stdout == b'{\n  "schem'
    assert len(r.stdout) == 10
    # Nothing on stderr but the exit status: 141 if the write met the closed
    # pipe, 0 if the whole article fitted in the pipe's buffer before it closed.
    assert r.stderr in (b" 141\n", b" 0\n")


def test_module_entry_point() -> None:
    python = str(Path(command_path()).parent / "python")
    r = subprocess.run([python, "-m", "article2json", str(SEED)], capture_output=True, cwd=ROOT)
    assert r.returncode == 0
    assert orjson.loads(r.stdout) == orjson.loads(run(str(SEED)).stdout)
