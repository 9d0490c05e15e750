"""Issue #12, through the installed command: errors and exit codes as the
tools people know, --encoding, options that would have no effect, --glob as
`rg -g`, quiet by default; and `convert_many`, the batch's Python entry."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import orjson
import pytest

import article2json
from article2json import ConvertError
from article2json.convert import Options, convert_many

from helpers import command_path, run, validate

ARTICLE = b"Title\n\nSome text of the article, a sentence.\n"


def write(path: Path, data: bytes = ARTICLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- exit codes --------------------------------------------------------------------------


def test_usage_errors_are_one_line_exit_2(tmp_path: Path) -> None:
    for args in (["--no-such-flag"], ["-j", "-1", "a.txt"], ["-o", "-", "a.txt"]):
        r = run(*args, cwd=tmp_path)
        assert r.returncode == 2, args
        assert r.stderr.count(b"\n") == 1 and r.stderr.startswith(b"article2json: "), r.stderr


def test_fatal_errors_exit_3(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    r = run("--files-from", "missing.list", cwd=tmp_path)
    assert (r.returncode, r.stderr) == (
        3,
        b"article2json: --files-from missing.list: no such file\n",
    )
    r = run("-r", ".", "--failures", "nowhere/failed.jsonl", cwd=tmp_path)
    assert r.returncode == 3
    assert (
        r.stderr
        == b"article2json: --failures nowhere/failed.jsonl: cannot write: no such folder nowhere\n"
    )
    r = subprocess.run(
        ["bash", "-c", f"'{command_path()}' a.txt > /dev/full"], capture_output=True, cwd=tmp_path
    )
    assert (r.returncode, r.stderr) == (
        3,
        b"article2json: standard output: No space left on device\n",
    )


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["hex", "rot13", "base64", "zlib"])
def test_encodings_that_are_not_text_are_usage_errors(tmp_path: Path, codec: str) -> None:
    write(tmp_path / "a.txt")
    r = run("--encoding", codec, "a.txt", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.decode() == (
        f"article2json: --encoding: {codec!r} is not a text encoding (see article2json --help)\n"
    )
    with pytest.raises(ConvertError, match="not a text encoding"):
        article2json.parse(b"abc", encoding=codec)


def test_parse_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError, match="int"):
        article2json.parse(123)  # type: ignore[arg-type]


def test_encoding_auto(tmp_path: Path) -> None:
    text = "Le café de la gare\n\nUne tasse coûte 2 € et le thé « vert » 3 €, servis à l'heure.\n"
    write(tmp_path / "cp.txt", text.encode("cp1252"))
    write(tmp_path / "utf8.txt", text.encode())
    r = run("--encoding", "auto", "cp.txt", "utf8.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    docs = [orjson.loads(x) for x in r.stdout.splitlines()]
    for d in docs:
        validate(d)
    assert docs[0]["title"] == docs[1]["title"] == "Le café de la gare"
    assert docs[0]["source"]["encoding"] == "cp1252"
    assert docs[1]["source"]["encoding"] == "utf-8"


# --- options that would have no effect ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "told"),
    [
        (["--glob", "*.md", "a.txt"], "--glob has no effect without -r"),
        (["--follow-links", "a.txt"], "--follow-links has no effect without -r"),
        (["--pretty", "a.txt", "a.txt"], "--pretty has no effect on JSON Lines"),
        (["--jsonl", "-o", "out", "a.txt"], "--jsonl has no effect with -o"),
    ],
)
def test_options_without_effect_are_told(tmp_path: Path, args: list[str], told: str) -> None:
    write(tmp_path / "a.txt")
    r = run(*args, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr.decode().startswith(f"article2json: warning: {told}")
    assert r.stderr.count(b"\n") == 1


def test_globs_like_rg(tmp_path: Path) -> None:
    for p in ("en/a.txt", "en/drafts/b.txt", "hi/c.txt", "hi/d.md"):
        write(tmp_path / "c" / p)

    def found(*globs: str) -> list[str]:
        r = run("-r", "c", *[f"--glob={g}" for g in globs], cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        return [orjson.loads(x)["source"]["path"] for x in r.stdout.splitlines()]

    assert found("en/*.txt") == ["c/en/a.txt"]
    assert found("**/*.txt", "!drafts") == ["c/en/a.txt", "c/hi/c.txt"]
    assert found("!drafts") == ["c/en/a.txt", "c/hi/c.txt"]  # only exclusions: *.txt stays
    assert found("*.md", "*.txt", "!hi/*") == ["c/en/a.txt", "c/en/drafts/b.txt"]
    r = run("-r", "c", "--glob", "*.rst", "--glob", "*.md", cwd=tmp_path)
    assert r.stderr == b"article2json: --glob '*.rst' matched no file\n"


def test_jobs_0_is_one_per_core(tmp_path: Path) -> None:
    for k in range(12):
        write(tmp_path / "in" / f"a{k:02d}.txt")
    one = run("-r", "in", "-j", "1", cwd=tmp_path)
    zero = run("-r", "in", "-j", "0", cwd=tmp_path)
    assert zero.returncode == 0 and zero.stdout == one.stdout
    assert len(zero.stdout.splitlines()) == 12


def test_links_skipped_by_a_walk_are_told_once(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere" / "x.txt")
    write(tmp_path / "in" / "a.txt")
    for k in range(3):
        (tmp_path / "in" / f"link{k}.txt").symlink_to(tmp_path / "elsewhere" / "x.txt")
    r = run("-r", "in", cwd=tmp_path)
    assert r.returncode == 0
    assert r.stderr == (
        b"article2json: 3 symbolic links leading outside the folders walked were skipped "
        b"(--follow-links follows them)\n"
    )


# --- quiet by default ---------------------------------------------------------------------------


def test_a_batch_that_works_prints_nothing(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt")
    r = run("-r", "in", "-o", "out", cwd=tmp_path)
    assert (r.returncode, r.stdout, r.stderr) == (0, b"", b"")
    r = run("-r", "in", "-o", "out2", "-v", cwd=tmp_path)
    assert r.stderr.decode().startswith("article2json: 1 converted, 0 skipped, 0 failed in ")


def test_output_file_for_one_input(tmp_path: Path) -> None:
    write(tmp_path / "story.txt")
    r = run("story.txt", "-o", "story.json", "--pretty", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "story.json").is_file()
    assert (tmp_path / "story.json").read_bytes().startswith(b"{\n  ")
    r = run("-", "-o", "piped.json", input=ARTICLE, cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "piped.json").is_file()
    r = run("story.txt", "story.txt", "-o", "both.json", cwd=tmp_path)
    assert r.returncode == 2
    assert b"give a folder" in r.stderr
    assert not (tmp_path / "both.json").exists()
    assert not (tmp_path / "-").exists()


# --- convert_many -------------------------------------------------------------------------------


def test_convert_many_from_python(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt")
    b = write(tmp_path / "sub" / "b.txt", b"\xff")
    results = list(convert_many([str(a), str(b)]))
    assert [r.status for r in results] == ["converted", "failed"]
    assert results[0].data is not None and orjson.loads(results[0].data)["title"] == "Title"
    assert results[1].reason.startswith("invalid UTF-8")
    out = tmp_path / "out"
    done = list(convert_many(iter([str(a), str(a)]), Options(out_dir=str(out), base=str(tmp_path))))
    assert [r.status for r in done] == ["converted", "failed"]  # one pass: the second fails
    assert sorted(os.listdir(out)) == [".article2json", "a.json"]
