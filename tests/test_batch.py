"""Batch conversion through the real command: many files, folders, lists,
an output folder, parallel workers, failures."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from helpers import SEED, command_path, interruptible, run, validate

ARTICLE = "Title {n}\n\nFirst paragraph of article {n}. It has two sentences.\n\nA heading\n\nMore text here.\n"


def make_tree(root: Path, n: int = 20) -> list[Path]:
    """`n` articles in nested folders, plus files the default glob skips."""
    paths = []
    for k in range(n):
        p = root / f"d{k % 3}" / f"sub{k % 2}" / f"a{k:03d}.txt"
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(ARTICLE.format(n=k), encoding="utf-8")
        paths.append(p)
    (root / "notes.md").write_text("not an article")
    return sorted(paths)


def lines(stdout: bytes) -> list[dict[str, object]]:
    docs = [orjson.loads(x) for x in stdout.splitlines()]
    for d in docs:
        validate(d)
    return docs


def test_recursive_jsonl_in_sorted_order(tmp_path: Path) -> None:
    paths = make_tree(tmp_path)
    r = run("-r", str(tmp_path), "-q")
    assert r.returncode == 0, r.stderr
    assert r.stderr == b""
    docs = lines(r.stdout)
    assert [d["source"]["path"] for d in docs] == [str(p) for p in paths]  # type: ignore[index]


def test_order_does_not_depend_on_jobs(tmp_path: Path) -> None:
    make_tree(tmp_path, 150)
    one = run("-r", str(tmp_path), "-q", "-j", "1")
    two = run("-r", str(tmp_path), "-q", "-j", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout
    assert len(one.stdout.splitlines()) == 150


def test_glob(tmp_path: Path) -> None:
    make_tree(tmp_path, 4)
    r = run("-r", str(tmp_path), "--glob", "*.md", "-q")
    assert [d["source"]["path"] for d in lines(r.stdout)] == [str(tmp_path / "notes.md")]  # type: ignore[index]


def test_files_from_and_nul_lists(tmp_path: Path) -> None:
    paths = make_tree(tmp_path, 5)
    listing = tmp_path / "list.txt"
    listing.write_text("".join(f"{p}\n" for p in paths))
    r = run("--files-from", str(listing), "-q")
    assert [d["source"]["path"] for d in lines(r.stdout)] == [str(p) for p in paths]  # type: ignore[index]
    nul = b"".join(os.fsencode(p) + b"\0" for p in reversed(paths))
    r = run("--files0-from", "-", "-q", input=nul)
    assert [d["source"]["path"] for d in lines(r.stdout)] == [str(p) for p in reversed(paths)]  # type: ignore[index]


def test_find_print0_pipeline(tmp_path: Path) -> None:
    make_tree(tmp_path, 6)
    cmd = f"find '{tmp_path}' -name '*.txt' -print0 | '{command_path()}' --files0-from - -q | wc -l"
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=60)
    assert r.stdout.strip() == b"6"


def test_output_dir_mirrors_the_tree(tmp_path: Path) -> None:
    """Outputs mirror each input's path relative to the current folder: the
    folder walked keeps its name, as `rsync -r src out/` does."""
    src = tmp_path / "src"
    paths = make_tree(src, 8)
    r = run("-r", "src", "-o", "out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == r.stderr == b""  # quiet when it works
    out = tmp_path / "out"
    for p in paths:
        rel = p.relative_to(tmp_path).with_suffix(".json")
        doc = orjson.loads((out / rel).read_bytes())
        validate(doc)
        assert doc["source"]["path"] == str(p.relative_to(tmp_path))
    assert len(list(out.rglob("*.json"))) == 8
    assert not list(out.rglob("*.a2j-tmp"))


def test_base_cuts_the_mirrored_path(tmp_path: Path) -> None:
    paths = make_tree(tmp_path / "src", 3)
    out = tmp_path / "out"
    r = run("-r", str(tmp_path / "src"), "--base", str(tmp_path / "src"), "-o", str(out))
    assert r.returncode == 0, r.stderr
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*.json")) == sorted(
        str(p.relative_to(tmp_path / "src").with_suffix(".json")) for p in paths
    )


def test_named_files_mirror_their_path_whatever_their_companions(tmp_path: Path) -> None:
    a = tmp_path / "x" / "one" / "a.txt"
    b = tmp_path / "x" / "two" / "b.txt"
    for p in (a, b):
        p.parent.mkdir(parents=True)
        p.write_text("T\n\nText.\n")
    assert run("x/one/a.txt", "x/two/b.txt", "-o", "out", cwd=tmp_path).returncode == 0
    assert run("x/one/a.txt", "-o", "alone", cwd=tmp_path).returncode == 0
    assert run(str(b), "-o", "alone", cwd=tmp_path).returncode == 0  # absolute, same rule
    for out in ("out", "alone"):
        found = sorted(str(p.relative_to(tmp_path / out)) for p in (tmp_path / out).rglob("*.json"))
        assert found == ["x/one/a.json", "x/two/b.json"]


def test_existing_outputs_are_refused_without_overwrite(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_tree(src, 3)
    out = tmp_path / "out"
    assert run("-r", "src", "-o", "out", cwd=tmp_path).returncode == 0
    target = next(out.rglob("*.json"))
    target.write_bytes(b"mine")
    r = run("-r", "src", "-o", "out", "-v", cwd=tmp_path)
    assert r.returncode == 1
    # The output that differs is refused and left alone; the two that are
    # exactly what the conversion gives are no conflict (a re-run is idempotent).
    assert r.stderr.count(b"exists (use --overwrite or --skip-existing)") == 1
    assert (
        r.stderr.decode()
        .splitlines()[-1]
        .startswith("article2json: 2 converted, 0 skipped, 1 failed")
    )
    assert target.read_bytes() == b"mine"
    r = run("-r", "src", "-o", "out", "--overwrite", cwd=tmp_path)
    assert r.returncode == 0
    assert target.read_bytes() != b"mine"


def test_skip_existing_finishes_only_what_is_left(tmp_path: Path) -> None:
    src = tmp_path / "src"
    paths = make_tree(src, 6)
    out = tmp_path / "out"
    assert run("-r", "src", "-o", "out", cwd=tmp_path).returncode == 0
    done = out / paths[0].relative_to(tmp_path).with_suffix(".json")
    done.unlink()  # as if the run had been interrupted before this one
    stale = paths[1]
    later = time.time() + 10
    os.utime(stale, (later, later))  # the input changed after its output was written
    r = run("-r", "src", "-o", "out", "--skip-existing", "-v", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stderr.decode().startswith("article2json: 2 converted, 4 skipped, 0 failed")
    assert done.exists()


def test_bad_file_among_good_ones_and_the_failures_file(tmp_path: Path) -> None:
    paths = make_tree(tmp_path / "src", 4)
    paths[1].write_bytes(b"caf\xe9\n")
    failures = tmp_path / "failed.jsonl"
    r = run("-r", str(tmp_path / "src"), "--failures", str(failures), "-v")
    assert r.returncode == 1
    assert len(lines(r.stdout)) == 3
    err = r.stderr.decode().splitlines()
    assert err[0] == f"article2json: {paths[1]}: " + (
        "invalid UTF-8 at byte 3 (invalid continuation byte); the bytes fit Windows-1252: "
        "try --encoding cp1252 (or --encoding auto), or use --errors replace"
    )
    assert err[-1].startswith("article2json: 3 converted, 0 skipped, 1 failed")
    recorded = [orjson.loads(x) for x in failures.read_bytes().splitlines()]
    assert [f["path"] for f in recorded] == [str(paths[1])]
    assert recorded[0]["reason"].startswith("invalid UTF-8 at byte 3")


def test_symlink_out_of_the_output_folder_is_refused(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "evil").mkdir(parents=True)
    (src / "evil" / "a.txt").write_text("T\n\nText.\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    (out / "src").mkdir(parents=True)
    (out / "src" / "evil").symlink_to(outside)
    r = run("-r", "src", "-o", "out", cwd=tmp_path)
    assert r.returncode == 1
    assert b"outside the output folder" in r.stderr
    assert list(outside.iterdir()) == []


def test_links_inside_the_tree_are_followed_outside_not_and_loops_reported(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "real").mkdir(parents=True)
    (src / "real" / "a.txt").write_text("T\n\nText.\n")
    (src / "alias").symlink_to(src / "real")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "b.txt").write_text("T\n\nText.\n")
    (src / "out-link").symlink_to(elsewhere)
    (src / "real" / "loop").symlink_to(src / "real")
    r = run("-r", str(src))
    found = [d["source"]["path"] for d in lines(r.stdout)]  # type: ignore[index]
    assert found == [str(src / "alias" / "a.txt"), str(src / "real" / "a.txt")]
    assert b"symbolic link loop" in r.stderr
    assert r.returncode == 1
    r = run("-r", str(src), "--follow-links", "-q")
    assert str(elsewhere / "b.txt") not in r.stdout.decode()  # named by the link's path
    assert str(src / "out-link" / "b.txt") in r.stdout.decode()


def test_input_is_never_overwritten(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("T\n\nText.\n")
    r = run("a.json", "-o", "a.json", "--overwrite", cwd=tmp_path)
    assert r.returncode == 1
    assert r.stderr == b"article2json: a.json: output a.json is the input itself\n"
    assert (tmp_path / "a.json").read_text() == "T\n\nText.\n"
    # In a folder: a.json's output is a.json.json, and no output lands on it.
    r = run("a.json", "-o", ".", "--overwrite", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "a.json").read_text() == "T\n\nText.\n"
    assert (tmp_path / "a.json.json").exists()


def test_usage_errors(tmp_path: Path) -> None:
    assert run("--overwrite", str(SEED)).returncode == 2
    assert run("-o", str(tmp_path), "--overwrite", "--skip-existing", str(SEED)).returncode == 2
    assert run("--files-from", "-", "-").returncode == 2


def test_head_closes_a_parallel_batch_quietly(tmp_path: Path) -> None:
    make_tree(tmp_path, 200)
    cmd = f"'{command_path()}' -r '{tmp_path}' -j 2 | head -3; echo \" $PIPESTATUS\" >&2"
    r = subprocess.run(["bash", "-c", cmd], capture_output=True, timeout=60)
    assert len(r.stdout.splitlines()) == 3
    assert b"Traceback" not in r.stderr
    assert b"Error" not in r.stderr
    assert r.stderr.endswith(b" 141\n")  # the exit status of a closed standard output


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_leaves_no_partial_files(tmp_path: Path, sig: signal.Signals) -> None:
    src = tmp_path / "src"
    src.mkdir()
    big = ("Body text of a long article, repeated. " * 200 + "\n\n") * 10
    for k in range(300):
        (src / f"a{k:03d}.txt").write_text(f"Title {k}\n\n" + big)
    out = tmp_path / "out"
    proc = subprocess.Popen(
        interruptible("-r", "src", "-o", "out", "-j", "2"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        cwd=tmp_path,
    )
    deadline = time.time() + 30
    while time.time() < deadline and len(list(out.rglob("*.json"))) < 5:
        time.sleep(0.02)
    os.killpg(proc.pid, sig) if sig == signal.SIGINT else proc.send_signal(sig)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == (130 if sig == signal.SIGINT else 143), err
    assert b"Traceback" not in err
    assert list(out.rglob("*.a2j-tmp")) == []
    written = list(out.rglob("*.json"))
    assert 5 <= len(written) < 300
    for p in written:
        validate(orjson.loads(p.read_bytes()))  # every finished output is whole
    r = run("-r", "src", "-o", "out", "--skip-existing", cwd=tmp_path)  # the re-run finishes
    assert r.returncode == 0
    assert len(list(out.rglob("*.json"))) == 300


def test_progress_bar_on_a_terminal_and_not_elsewhere(tmp_path: Path) -> None:
    import pty

    make_tree(tmp_path / "src", 30)
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [command_path(), "-r", "src", "-o", "out"],
        stdout=subprocess.DEVNULL,
        stderr=slave,
        cwd=tmp_path,
    )
    proc.wait(timeout=60)
    os.close(slave)
    shown = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    assert proc.returncode == 0
    text = shown.decode()
    assert "30/30 files" in text and "files/s" in text and "left" in text
    assert "article2json: 30 converted, 0 skipped, 0 failed" in text
    r = run("-r", "src", "-o", "out2", cwd=tmp_path)  # stderr is a pipe here: quiet
    assert r.returncode == 0
    assert r.stderr == b""
    r = run("-r", "src", "-o", "out3", "-v", cwd=tmp_path)  # -v: the summary, no bar
    assert r.stderr.decode().startswith("article2json: 30 converted")
    assert "files/s" not in r.stderr.decode()


def test_a_worker_stopped_mid_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """A worker's SIGTERM handler removes the file `write_atomic` is writing
    and raises nothing (an exception raised inside a finaliser is printed
    and ignored)."""
    from article2json import output

    tmp = tmp_path / "story.json.a2j-tmp"
    tmp.write_bytes(b"half")
    output._pending = str(tmp)
    try:
        output.discard_pending()
        assert not tmp.exists()
        output.discard_pending()  # already gone, or renamed: nothing to do
    finally:
        output._pending = None
    output.write_atomic(str(tmp_path / "a.json"), b"{}")
    assert output._pending is None and (tmp_path / "a.json").read_bytes() == b"{}"


def test_a_sigterm_that_a_finaliser_swallowed_still_stops_the_command(tmp_path: Path) -> None:
    """Where SIGTERM lands inside a finaliser (`__del__`), Python prints the
    handler's exception and goes on; the command still stops before its next
    output and exits 143."""
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text("Title\n\nSome text here.\n")
    script = (
        "import sys\n"
        "from article2json import cli\n"
        "class Finaliser:\n"
        "    def __del__(self):\n"
        "        cli._on_sigterm(15, None)\n"
        "Finaliser()\n"  # collected at once: the exception is printed and ignored
        "sys.argv = ['article2json', 'a.txt', 'b.txt', 'c.txt']\n"
        "cli.main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, capture_output=True, timeout=60
    )
    assert proc.returncode == 143, proc.stderr
    assert proc.stdout == b""
    assert b"Exception ignored" in proc.stderr  # the swallowing did happen
