"""Batch conversion on a 2-worker Dask LocalCluster against `-j 2` (issue #7).

    pip install '.[dask]'
    python tests/bench/bench_dask.py [--n 4000]

Times `article2json -r DIR -o OUT -j 2` and `article2json -r DIR -o OUT
--scheduler local -j 2` on the same N files (real articles, cycled), in the same
run, and reports files/s, the fixed cost of starting the cluster (one file) and
the per-file overhead the cluster adds beyond that.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_batch import make_files

COMMAND = str(Path(sys.executable).parent / "article2json")


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([COMMAND, *args], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--n", type=int, default=4000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        make_files(root / "src", args.n)
        make_files(root / "one", 1)
        rows = {}
        for name, extra in (("-j 2", []), ("--scheduler local -j 2", ["--scheduler", "local"])):
            shutil.rmtree(root / "out", ignore_errors=True)
            rows[name] = timed(
                [
                    "-r",
                    str(root / "src"),
                    "--base",
                    str(root),
                    "-o",
                    str(root / "out"),
                    "-q",
                    "-j",
                    "2",
                    *extra,
                ]
            )
        shutil.rmtree(root / "out", ignore_errors=True)
        startup = timed(
            [
                "-r",
                str(root / "one"),
                "--base",
                str(root),
                "-o",
                str(root / "out"),
                "-q",
                "--scheduler",
                "local",
                "-j",
                "2",
            ]
        )
    print(f"{args.n} files")
    print("| run | seconds | files/s |")
    print("|---|---:|---:|")
    for name, t in rows.items():
        print(f"| {name} | {t:.2f} | {args.n / t:,.0f} |")
    overhead = (rows["--scheduler local -j 2"] - startup - rows["-j 2"]) / args.n
    print(
        f"cluster start and stop (one file): {startup:.2f} s; "
        f"per-file overhead beyond that: {overhead * 1e6:,.0f} µs"
    )


if __name__ == "__main__":
    main()
