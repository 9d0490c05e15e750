"""Start-up and parser speed, each against a floor measured in the same run (issue #6).

    python tests/bench/bench_parse.py [--runs 20] [--profile]

- start-up: median wall time of `article2json seeds/<seed>.txt > /dev/null`
  against `python -c "import click, orjson, regex"`, runs interleaved;
- throughput: `parse` + `to_json` over real articles of many scripts (the dev
  corpus beside the project and the seeds), against decoding the same bytes and
  serialising {"text": text} with orjson (the floor), and against a naive
  splitter (tests/bench/naive.py); best of 5 passes, one process, one core;
- scaling: single articles of 1 KB, 100 KB, 10 MB and 50 MB, with the time
  per byte at each size and the least-squares slope of time against size.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import orjson
from material import ROOT, articles
from naive import floor, naive

import article2json

BIN = Path(sys.executable).parent
SEED = ROOT / "seeds" / "000_a7458bc90af8eff5.txt"


def startup(runs: int) -> tuple[float, float]:
    ours, base = [], []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [str(BIN / "article2json"), str(SEED)], stdout=subprocess.DEVNULL, check=True
        )
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import click, orjson, regex"], check=True)
        base.append(time.perf_counter() - start)
    return statistics.median(ours), statistics.median(base)


def best_of(fn: Callable[[bytes], object], docs: list[bytes], passes: int = 5) -> float:
    best = float("inf")
    for _ in range(passes):
        start = time.perf_counter()
        for d in docs:
            fn(d)
        best = min(best, time.perf_counter() - start)
    return best


def convert(data: bytes) -> bytes:
    return article2json.to_json(article2json.parse(data))


def big_article(size: int, docs: list[bytes]) -> bytes:
    """One article of about `size` bytes: a title, then paragraphs and
    headings taken in turn from real articles."""
    parts = [b"A long article\n\n"]
    total = 0
    k = 0
    while total < size:
        body = docs[k % len(docs)].split(b"\n\n", 1)[-1]
        parts.append(body + b"\n\n")
        total += len(body) + 2
        k += 1
    return b"".join(parts)[: max(size, 16)].rsplit(b"\n", 1)[0] + b"\n"


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--runs", type=int, default=20, help="start-up runs of each command")
    ap.add_argument("--profile", action="store_true", help="print the hot path of parse")
    args = ap.parse_args()

    ours, base = startup(args.runs)
    print("## start-up")
    print(
        f"article2json seed: {ours * 1000:.1f} ms; python -c 'import click, orjson, regex': "
        f"{base * 1000:.1f} ms; ratio {ours / base:.2f} (target <= 1.25)"
    )

    docs = articles()
    size = sum(map(len, docs))
    t_floor, t_naive, t_ours = (best_of(f, docs) for f in (floor, naive, convert))
    print("\n## throughput (one core)")
    print(f"{len(docs)} articles, {size / 1e6:.2f} MB")
    print("| run | articles/s | MB/s | time / floor | time / naive |")
    print("|---|---:|---:|---:|---:|")
    for name, t in (
        ("floor (decode + orjson)", t_floor),
        ("naive splitter", t_naive),
        ("parse + to_json", t_ours),
    ):
        print(
            f"| {name} | {len(docs) / t:,.0f} | {size / 1e6 / t:.1f} | {t / t_floor:.1f} | {t / t_naive:.1f} |"
        )

    print("\n## scaling (one article)")
    print("| size | seconds | ns/byte |")
    print("|---:|---:|---:|")
    points = []
    for n in (1_000, 100_000, 10_000_000, 50_000_000):
        data = big_article(n, docs)
        passes = 1 if n >= 10_000_000 else 20
        t = best_of(convert, [data], passes=passes)
        points.append((len(data), t))
        print(f"| {len(data):,} | {t:.4f} | {t / len(data) * 1e9:.1f} |")
    xs, ys = zip(*points, strict=True)
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mx) * (y - my) for x, y in points) / sum((x - mx) ** 2 for x in xs)
    print(
        f"slope: {slope * 1e9:.1f} ns/byte ({1 / slope / 1e6:.1f} MB/s at scale); "
        f"10 MB to 50 MB time ratio {points[3][1] / points[2][1]:.2f} for a size ratio "
        f"{points[3][0] / points[2][0]:.2f}"
    )

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for d in docs:
            convert(d)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(15)
    _ = orjson


if __name__ == "__main__":
    main()
