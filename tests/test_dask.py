"""Batch conversion on a Dask cluster (issue #7): the same outputs as a local
run, byte for byte; a worker killed mid-run loses and doubles nothing; inputs
and outputs as fsspec URLs."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
import pytest

from article2json.convert import Options, Result, convert_many
from article2json.inputs import Sources

from helpers import command_path, interruptible, run, validate

if TYPE_CHECKING:  # imported where used: distributed takes 0.8 s to import, in
    # every worker of the suite that collects this file
    from dask.distributed import Client, LocalCluster

N_FILES = 200  # enough for chunks on both workers and a kill mid-run (1,000 cost 4 s of the suite, 300 1 s)


def make_articles(folder: Path, n: int) -> None:
    scripts = [
        "नगर निगम ने मंगलवार को बैठक की और पुल बनाने का फ़ैसला किया।",
        "The council met on Tuesday and voted to rebuild the old bridge.",
        "Городской совет во вторник решил восстановить старый мост.",
        "市議会は火曜日に古い橋を再建することを決めた。",
    ]
    for k in range(n):
        sub = folder / f"d{k % 7}"
        sub.mkdir(parents=True, exist_ok=True)
        body = "\n\n".join(scripts[(k + j) % 4] * (1 + (k + j) % 5) for j in range(6))
        (sub / f"a{k:04d}.txt").write_text(
            f"Title {k}\n\n{body}\n\nA heading\n\n{body}\n", encoding="utf-8"
        )


def tree(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*.json"))}


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """The input folder, and what a local single-process run makes of it."""
    root = tmp_path_factory.mktemp("dask")
    src = root / "src"
    make_articles(src, N_FILES)
    r = run("-r", "src", "-o", "local", "-j", "1", cwd=root)
    assert r.returncode == 0, r.stderr
    return src, tree(root / "local")


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[LocalCluster, Client]]:
    """A running cluster of two workers, in threads of this process: the
    command connects to it as to any scheduler. (Worker processes cost
    about 3 s of CPU to start, each importing distributed: only the test
    that kills one starts them.)"""
    yield from _cluster(processes=False)


def _cluster(processes: bool) -> Iterator[tuple[LocalCluster, Client]]:
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=processes,
            protocol="tcp",  # (threads would talk inproc://, which no other process reaches)
            dashboard_address="127.0.0.1:0",
        ) as lc,
        Client(lc) as client,
    ):
        yield lc, client


def test_a_cluster_gives_the_same_outputs_byte_for_byte(
    articles: tuple[Path, dict[str, bytes]], cluster: tuple[LocalCluster, Client], tmp_path: Path
) -> None:
    """(A cluster the command starts itself, `--scheduler local`, is started
    and stopped by the Ctrl-C test below: the outputs do not depend on who
    started the cluster.)"""
    src, expected = articles
    r = run("-r", "src", "-o", str(tmp_path / "out"), "--scheduler", cluster[0].scheduler_address,
            "-v", cwd=src.parent)  # fmt: skip
    assert r.returncode == 0, r.stderr
    assert r.stderr.decode().startswith(f"article2json: {N_FILES} converted, 0 skipped, 0 failed")
    assert tree(tmp_path / "out") == expected
    assert list((tmp_path / "out").rglob("*.a2j-tmp")) == []


def test_json_lines_come_back_in_input_order(
    articles: tuple[Path, dict[str, bytes]], cluster: tuple[LocalCluster, Client]
) -> None:
    src, _ = articles
    local = run("-r", str(src), "-q", "-j", "1")
    remote = run("-r", str(src), "-q", "--scheduler", cluster[0].scheduler_address)
    assert remote.returncode == 0, remote.stderr
    assert remote.stdout == local.stdout


@pytest.fixture
def processes() -> Iterator[tuple[LocalCluster, Client]]:
    """A cluster of two worker processes, one of which the test kills."""
    yield from _cluster(processes=True)


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(
    articles: tuple[Path, dict[str, bytes]], processes: tuple[LocalCluster, Client], tmp_path: Path
) -> None:
    src, expected = articles
    out = tmp_path / "out"
    lc, client = processes
    pids = list(client.run(os.getpid).values())
    failures = tmp_path / "failed.jsonl"
    proc = subprocess.Popen(
        [command_path(), "-r", "src", "-o", str(out), "--scheduler", lc.scheduler_address,
         "--failures", str(failures)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=src.parent,
    )  # fmt: skip
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.rglob("*.json"))) < 50:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before a worker could be killed"
    os.kill(pids[0], signal.SIGKILL)  # a worker dies in the middle of the run
    _, err = proc.communicate(timeout=300)
    assert proc.returncode in (0, 1), err
    failed = [
        str(src.parent / orjson.loads(x)["path"])
        for x in (failures.read_bytes().splitlines() if failures.exists() else [])
    ]
    assert proc.returncode == (1 if failed else 0)
    got = tree(out)
    for name, data in got.items():
        assert data == expected[name]  # no output is partial or different
    assert list(out.rglob("*.a2j-tmp")) == []
    # Every input has its output, or is reported as failed; a re-run finishes the job.
    done = {str(src.parent / Path(name).with_suffix(".txt")) for name in got}
    assert done | set(failed) == {str(p) for p in src.rglob("*.txt")}
    r = run("-r", "src", "-o", str(out), "--skip-existing", cwd=src.parent)
    assert r.returncode == 0, r.stderr
    assert tree(out) == expected


def test_fsspec_urls_in_and_out_on_a_cluster() -> None:
    """Inputs and outputs in an object store (fsspec's memory:// here) need no
    shared disk. Threads share the memory store, so the workers are threads."""
    import fsspec
    from dask.distributed import LocalCluster

    fs = fsspec.filesystem("memory")
    for k in range(40):
        fs.pipe_file(
            f"/a2j-test/in/part{k % 2}/a{k:02d}.txt", f"Title {k}\n\nSome text {k}.\n".encode()
        )
    fs.pipe_file("/a2j-test/in/part0/notes.md", b"not an article")
    sources = Sources(("memory://a2j-test/in",), recursive=True, mirror=True)
    opts = Options(out_dir="memory://a2j-test/out")
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address="127.0.0.1:0"
    ) as lc:
        results: list[Result] = list(
            convert_many(sources, opts._replace(scheduler=lc.scheduler_address))
        )
    assert [r.status for r in results] == ["converted"] * 40
    outputs = sorted(fs.find("/a2j-test/out"))
    assert len(outputs) == 40
    assert outputs[0] == "/a2j-test/out/part0/a00.json"
    doc = orjson.loads(fs.cat_file("/a2j-test/out/part0/a00.json"))
    validate(doc)
    assert doc["title"] == "Title 0"
    assert doc["source"]["path"].startswith("memory://")
    assert doc["source"]["path"].endswith("/a2j-test/in/part0/a00.txt")
    # A re-run with --skip-existing semantics writes nothing new.
    again = list(convert_many(sources, opts._replace(skip_existing=True, jobs=1)))
    assert [r.status for r in again] == ["skipped"] * 40
    fs.rm("/a2j-test", recursive=True)


def test_file_urls(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.txt").write_text("T\n\nText.\n")
    r = run("-r", f"file://{tmp_path}/src", "-o", f"file://{tmp_path}/out", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    doc = orjson.loads((tmp_path / "out" / "src" / "a.json").read_bytes())
    assert doc["source"]["path"] == f"{tmp_path}/src/a.txt"  # file:// URLs are local paths


def test_unreachable_scheduler_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("T\n\nText.\n")
    start = time.monotonic()
    r = run("--scheduler", "tcp://127.0.0.1:9", str(tmp_path / "a.txt"))
    assert time.monotonic() - start < 5  # no time-out waited out: nothing listens there
    assert r.returncode == 2
    assert r.stderr.decode() == (
        "article2json: cannot reach the scheduler tcp://127.0.0.1:9: Connection refused "
        "(see article2json --help)\n"
    )


def test_ctrl_c_on_a_local_cluster_prints_one_line_at_most(
    articles: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    src, _ = articles
    out = tmp_path / "out"
    proc = subprocess.Popen(
        interruptible("-r", "src", "-o", str(out), "--scheduler", "local", "-j", "2"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        cwd=src.parent,
    )
    deadline = time.time() + 60
    while time.time() < deadline and len(list(out.rglob("*.json"))) < 20:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert err.count(b"\n") <= 1, err.decode()
    assert list(out.rglob("*.a2j-tmp")) == []
