"""Peak memory of the command for each shape of input (issue #12: within 6
times the input's size).

    python tests/bench/bench_memory.py [--mb 5] [--command PATH]

For each shape of `shapes.py`, a file of about MB megabytes is converted by
the installed command (`article2json FILE > /dev/null`, as
`/usr/bin/time -f %M` measures it) and its peak resident set size is
reported in MB, as a multiple of the input's size, and as growth over the
command's peak on a tiny input (the interpreter and the imports, about 18 MB,
which do not grow with the input).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from shapes import SHAPES

CODE = (
    "import resource, subprocess, sys\n"
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak(command: str, path: Path) -> int:
    """The command's peak resident set size in bytes."""
    r = subprocess.run(
        [sys.executable, "-c", CODE, command, str(path)], capture_output=True, check=True
    )
    return int(r.stdout) * 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--command", default=shutil.which("article2json") or "article2json")
    args = ap.parse_args()
    _ = resource
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_bytes(b"Title\n\nA paragraph.\n")
        base = peak(args.command, tiny)
        print(f"command: {args.command}; peak on a tiny input: {base / 1e6:.1f} MB")
        print("| shape | input MB | peak MB | peak / input | growth MB | growth / input | s |")
        print("|---|---|---|---|---|---|---|")
        for name, make in SHAPES.items():
            path = Path(tmp) / "in.txt"
            path.write_bytes(make(int(args.mb * 1e6)))
            size = path.stat().st_size
            start = time.perf_counter()
            top = peak(args.command, path)
            seconds = time.perf_counter() - start
            print(
                f"| {name} | {size / 1e6:.1f} | {top / 1e6:.0f} | {top / size:.1f}x"
                f" | {(top - base) / 1e6:.0f} | {(top - base) / size:.1f}x | {seconds:.1f} |"
            )


if __name__ == "__main__":
    main()
