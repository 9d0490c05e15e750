"""Issue #12, through the installed command: no input's output is lost to a
collision, no output is an input, output folders are not walked again, and
an input's output path depends on nothing but its path and the options."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import orjson
import pytest

from helpers import command_path, run, validate

ARTICLE = "Title {}\n\nSome text of the article, a sentence.\n"


def write(path: Path, name: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(ARTICLE.format(name), encoding="utf-8")
    return path


def outputs(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))


# --- two inputs, one output ---------------------------------------------------------


def test_same_names_in_two_roots_land_apart(tmp_path: Path) -> None:
    write(tmp_path / "en" / "story.txt", "en")
    write(tmp_path / "hi" / "story.txt", "hi")
    r = run("-r", "en", "hi", "-o", "out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert outputs(tmp_path / "out") == ["en/story.json", "hi/story.json"]
    titles = {
        orjson.loads((tmp_path / "out" / p).read_bytes())["title"]
        for p in outputs(tmp_path / "out")
    }
    assert titles == {"Title en", "Title hi"}


def test_only_txt_like_suffixes_are_replaced(tmp_path: Path) -> None:
    for name in ("story.txt", "story.md", "notes.2024-01-01", "notes.2024-01-02", "essay.TEXT"):
        write(tmp_path / "in" / name, name)
    r = run("-r", "in", "--glob", "*", "-o", "out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert outputs(tmp_path / "out") == [
        "in/essay.json",
        "in/notes.2024-01-01.json",
        "in/notes.2024-01-02.json",
        "in/story.json",
        "in/story.md.json",
    ]


@pytest.mark.parametrize("flag", [None, "--overwrite", "--skip-existing"])
def test_a_collision_fails_both_and_writes_neither(tmp_path: Path, flag: str | None) -> None:
    write(tmp_path / "in" / "story", "bare")  # story -> story.json
    write(tmp_path / "in" / "story.txt", "txt")  # story.txt -> story.json
    write(tmp_path / "in" / "other.txt")
    r = run("-r", "in", "--glob", "*", "-o", "out", *([flag] if flag else []), cwd=tmp_path)
    assert r.returncode == 1
    err = r.stderr.decode().splitlines()
    assert len(err) == 2
    assert err[0].startswith(
        "article2json: in/story: output out/in/story.json is also the output of in/story.txt"
    )
    assert err[1].startswith(
        "article2json: in/story.txt: output out/in/story.json is also the output of in/story"
    )
    assert outputs(tmp_path / "out") == ["in/other.json"]


def test_the_same_file_named_twice_is_reported(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    r = run("a.txt", "a.txt", "-o", "out", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.count(b"named more than once") == 2
    r = run("a.txt", "./a.txt", "-o", "out", cwd=tmp_path)  # spelt two ways, one output
    assert r.returncode == 1
    assert r.stderr.count(b"output out/a.json is also the output of") == 2
    assert outputs(tmp_path / "out") == []


def test_an_output_that_would_replace_another_input(tmp_path: Path) -> None:
    write(tmp_path / "a")  # its output is ./a.json ...
    write(tmp_path / "a.json")  # ... which is this input
    r = run("a", "a.json", "-o", ".", "--overwrite", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr.decode() == "article2json: a: output ./a.json would replace the input a.json\n"
    assert (tmp_path / "a.json").read_text() == ARTICLE.format("x")
    assert (tmp_path / "a.json.json").exists()


# --- an output that is also an input --------------------------------------------------


def test_failures_file_that_is_the_input_list_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    listing = tmp_path / "list.txt"
    listing.write_text("a.txt\n")
    r = run("--files-from", "list.txt", "--failures", "list.txt", "-o", "out", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.decode().startswith(
        "article2json: --failures list.txt: input file is output file"
    )
    assert r.stderr.count(b"\n") == 1
    assert listing.read_text() == "a.txt\n"  # not truncated
    assert not (tmp_path / "out").exists()


def test_failures_file_appears_only_with_a_failure(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt")
    r = run("-r", "in", "-o", "out", "--failures", "failed.jsonl", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert not (tmp_path / "failed.jsonl").exists()
    (tmp_path / "in" / "b.txt").write_bytes(b"\xff\xfe\x00")
    r = run("-r", "in", "-o", "out", "--failures", "failed.jsonl", cwd=tmp_path)
    assert r.returncode == 1
    assert [
        orjson.loads(x)["path"] for x in (tmp_path / "failed.jsonl").read_bytes().splitlines()
    ] == ["in/b.txt"]
    assert not list(tmp_path.glob(".*a2j-tmp"))
    (tmp_path / "in" / "b.txt").unlink()
    assert run("-r", "in", "-o", "out", "--failures", "failed.jsonl", cwd=tmp_path).returncode == 0
    assert (tmp_path / "failed.jsonl").read_bytes() == b""  # this run's failures: none


def test_stdout_redirected_onto_an_input(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    write(tmp_path / "b.txt")
    cmd = f"'{command_path()}' a.txt b.txt >> b.txt"
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, cwd=tmp_path, timeout=60)
    assert r.returncode == 1
    assert r.stderr == b"article2json: b.txt: input file is output file\n"
    assert (tmp_path / "b.txt").read_text().count("\n") == 4  # the article, then a.txt's line


# --- an output folder inside the input folder -------------------------------------------


def test_output_folder_inside_the_input_folder_is_not_walked(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt")
    for _ in range(3):
        r = run("-r", "in", "--glob", "*", "-o", "in/out", "-v", cwd=tmp_path)
        assert r.returncode == 0, r.stderr
        assert r.stderr.decode().startswith("article2json: 1 converted, 0 skipped, 0 failed")
    assert outputs(tmp_path / "in" / "out") == ["in/a.json"]
    # Any folder holding this tool's outputs is left out, wherever it is.
    r = run("-r", ".", "--glob", "*.json", cwd=tmp_path / "in")
    assert r.returncode == 0 and r.stdout == b""


def test_output_folder_that_is_the_folder_walked_is_refused(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    r = run("-r", ".", "-o", ".", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.count(b"\n") == 1 and b"the folder -r walks" in r.stderr


# --- paths that do not depend on how a batch was cut ------------------------------------


def make_corpus(root: Path) -> list[str]:
    names = [f"corpus/{d}/{k}.txt" for d in ("a", "b", "b/deep", "c") for k in range(5)]
    for n in names:
        write(root / n, n)
    return sorted(names)


def test_xargs_batches_give_the_same_paths_as_one_run(tmp_path: Path) -> None:
    names = make_corpus(tmp_path)
    assert run("-r", "corpus", "-o", "one", cwd=tmp_path).returncode == 0
    cmd = f"find corpus -name '*.txt' -print0 | xargs -0 -n 3 '{command_path()}' -o cut"
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    cmd = f"find corpus -name '*.txt' -print0 | '{command_path()}' --files0-from - -o nul"
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, cwd=tmp_path, timeout=60)
    assert r.returncode == 0, r.stderr
    expected = [n.removesuffix(".txt") + ".json" for n in names]
    for out in ("one", "cut", "nul"):
        assert outputs(tmp_path / out) == expected


def test_the_retry_recipe_writes_where_the_first_run_did(tmp_path: Path) -> None:
    make_corpus(tmp_path)
    bad = tmp_path / "corpus" / "b" / "latin.txt"
    bad.write_bytes(b"Caf\xe9\n\nUne tasse co\xfbte 2 \x80.\n")  # Windows-1252
    r = run("-r", "corpus", "-o", "json", "--failures", "failed.jsonl", cwd=tmp_path)
    assert r.returncode == 1
    assert not (tmp_path / "json" / "corpus" / "b" / "latin.json").exists()
    cmd = (
        f"jq -r .path failed.jsonl | '{command_path()}' --files-from - --encoding cp1252 "
        "-o json --overwrite"
    )
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, cwd=tmp_path, timeout=60)
    assert r.returncode == 0, r.stderr
    doc = orjson.loads((tmp_path / "json" / "corpus" / "b" / "latin.json").read_bytes())
    assert doc["source"]["encoding"] == "cp1252"
    assert "€" in orjson.dumps(doc).decode()
    r = run("-r", "corpus", "-o", "json", "--skip-existing", "-v", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr.decode().startswith("article2json: 0 converted, 21 skipped, 0 failed")


def test_an_input_outside_the_current_folder_needs_base(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt")
    (tmp_path / "work").mkdir()
    r = run("../in/a.txt", "-o", "out", cwd=tmp_path / "work")
    assert r.returncode == 1
    assert r.stderr.decode() == (
        "article2json: ../in/a.txt: outside the current folder, which output paths are "
        "relative to (give --base DIR)\n"
    )
    r = run("-r", "../in", "-o", "out", cwd=tmp_path / "work")
    assert r.returncode == 2
    r = run("-r", "../in", "-o", "out", "--base", "..", cwd=tmp_path / "work")
    assert r.returncode == 0, r.stderr
    assert outputs(tmp_path / "work" / "out") == ["in/a.json"]


# --- file names that are not UTF-8 ---------------------------------------------------------


def test_names_that_are_not_utf8_can_be_traced_back(tmp_path: Path) -> None:
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    for name, data in ((b"caf\xe9.txt", b"T\n\nText.\n"), (b"bad\xff.txt", b"\xff")):
        with open(folder + b"/" + name, "wb") as f:
            f.write(data)
    r = run("-r", "in", "--failures", "failed.jsonl", cwd=tmp_path)
    assert r.returncode == 1
    doc = orjson.loads(r.stdout)
    validate(doc)
    assert doc["source"]["path"] == "in/caf\\xe9.txt"
    assert doc["source"]["path_bytes"] == "aW4vY2Fm6S50eHQ="  # base64 of b"in/caf\xe9.txt"
    failed = orjson.loads((tmp_path / "failed.jsonl").read_bytes())
    assert failed["path"] == "in/bad\\xff.txt"
    assert failed["path_bytes"] == "aW4vYmFk/y50eHQ="
    # The README's recipe: the exact bytes back, NUL-separated.
    os.replace(folder + b"/bad\xff.txt", folder + b"/bad\xff.keep")
    with open(folder + b"/bad\xff.txt", "wb") as f:
        f.write(b"Fixed\n\nNow it reads.\n")
    cmd = (
        "jq -r '.path_bytes // (.path | @base64)' failed.jsonl "
        "| while read -r b; do printf '%s' \"$b\" | base64 -d; printf '\\0'; done "
        f"| '{command_path()}' --files0-from -"
    )
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, cwd=tmp_path, timeout=60)
    assert r.returncode == 0, r.stderr
    assert orjson.loads(r.stdout)["title"] == "Fixed"
