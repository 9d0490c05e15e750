"""Batch conversion against the read-and-write floor (issue #3).

    python tests/bench/bench_batch.py [--n 10000] [--memory 10000 50000]

Creates N article files (real articles of many scripts and sizes, cycled) in
a temporary folder, then times, in the same run:
  floor      one Python process that reads each file and writes it back as
             {"text": ...} with orjson (a .json per file, or one JSON Lines file);
  -o         `article2json -r DIR -o OUT -q` with the default jobs;
  JSON Lines `article2json -r DIR -q > out.jsonl` with the default jobs;
and reports files/s, MB/s and the ratio of each time to its floor. With
--memory it also reports the peak memory (max RSS of the largest process)
of `article2json -r DIR -o OUT` for each file count given.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson
from material import articles

COMMAND = str(Path(sys.executable).parent / "article2json")


def make_files(folder: Path, n: int) -> int:
    texts = articles()
    total = 0
    for k in range(n):
        sub = folder / f"{k // 1000:03d}"
        if k % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        data = texts[k % len(texts)]
        (sub / f"a{k:06d}.txt").write_bytes(data)
        total += len(data)
    return total


def floor_folder(src: Path, out: Path) -> None:
    for path in sorted(src.rglob("*.txt")):
        target = out / path.relative_to(src).with_suffix(".json")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(orjson.dumps({"text": path.read_bytes().decode("utf-8")}))


def floor_jsonl(src: Path, out: Path) -> None:
    with open(out, "wb") as f:
        for path in sorted(src.rglob("*.txt")):
            f.write(orjson.dumps({"text": path.read_bytes().decode("utf-8")}) + b"\n")


def timed(fn: object, *args: object) -> float:
    start = time.perf_counter()
    fn(*args)  # type: ignore[operator]
    return time.perf_counter() - start


def run_command(args: list[str], stdout: object = subprocess.DEVNULL) -> float:
    start = time.perf_counter()
    subprocess.run([COMMAND, *args], check=True, stdout=stdout)  # type: ignore[call-overload]
    return time.perf_counter() - start


def run_to_file(args: list[str], path: Path) -> float:
    with open(path, "wb") as out:
        return run_command(args, stdout=out)


def peak_rss_mb(args: list[str]) -> float:
    """Max RSS of the largest process of one run, measured by a fresh child."""
    code = (
        "import resource, subprocess, sys\n"
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, COMMAND, *args], capture_output=True, check=True
    )
    return int(out.stdout) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=10_000, help="files to convert (default 10000)")
    ap.add_argument("--memory", type=int, nargs="*", default=[], help="file counts for peak memory")
    ap.add_argument("--repeat", type=int, default=2, help="runs of each; the best is kept")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        src = root / "src"
        size = make_files(src, args.n)
        # Warm the page cache so that every contender reads from memory.
        floor_jsonl(src, root / "warm.jsonl")
        results: dict[str, float] = {}
        for _ in range(args.repeat):
            for name, fn in (
                ("floor -o", lambda: timed(floor_folder, src, root / "floor")),
                (
                    "article2json -o",
                    lambda: run_command(
                        ["-r", str(src), "--base", str(src), "-o", str(root / "out"), "-q"]
                    ),
                ),
                ("floor JSON Lines", lambda: timed(floor_jsonl, src, root / "floor.jsonl")),
                (
                    "article2json JSON Lines",
                    lambda: run_to_file(["-r", str(src), "-q"], root / "out.jsonl"),
                ),
            ):
                for folder in ("floor", "out"):
                    shutil.rmtree(root / folder, ignore_errors=True)
                took = fn()
                results[name] = min(results.get(name, float("inf")), took)
        cores = len(os.sched_getaffinity(0))
        print(f"{args.n} files, {size / 1e6:.1f} MB, {cores} cores, best of {args.repeat}")
        print("| run | seconds | files/s | MB/s | time / floor |")
        print("|---|---:|---:|---:|---:|")
        for name, took in results.items():
            floor = results["floor -o" if name.endswith("-o") else "floor JSON Lines"]
            print(
                f"| {name} | {took:.2f} | {args.n / took:,.0f} | {size / 1e6 / took:.1f} | {took / floor:.2f} |"
            )
        for n in args.memory:
            msrc = root / f"mem{n}"
            make_files(msrc, n)
            rss = peak_rss_mb(
                ["-r", str(msrc), "--base", str(msrc), "-o", str(root / f"memout{n}"), "-q"]
            )
            print(f"peak memory, {n} files: {rss:.1f} MB")
            shutil.rmtree(msrc)
            shutil.rmtree(root / f"memout{n}")
    _ = resource


if __name__ == "__main__":
    main()
