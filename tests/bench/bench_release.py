"""First-pass speed of the working tree against the previous release, installed
beside it and measured in the same run (the speed clause of the issue: "no
lower than today's, measured in one run against the current release installed
beside it; start-up within 1.25x of the imports").

    python tests/bench/bench_release.py [--rounds 5] [--startup-runs 15]
        [--release 3d3de40] [--release-dir DIR] [--current-dir DIR]
        [--rebuild] [--callgrind]

- installs: the release is exported with `git archive REV | tar -x` (no
  worktree: .git is only read) into RELEASE_DIR/src and installed, not
  editable, into the venv RELEASE_DIR/venv; the working tree (pyproject.toml,
  README.md, cli/) is copied into CURRENT_DIR/src and installed the same way
  into CURRENT_DIR/venv. Both venvs are kept between runs: the release one is
  reused while it was built from the same revision, the current one while the
  copied sources hash the same; --rebuild makes both again. Non-editable, so
  that each module loads from its .pyc written at install time even with
  PYTHONDONTWRITEBYTECODE set;
- throughput: every article of ../shared/corpus/dev and ../shared/corpus/web
  parsed once (`to_json(parse(data))`) in a fresh process, the files read and
  `parse`/`to_json` imported before the clock starts; one process per install
  per round, the two in turn (ABBA order) so they share the machine's noise;
  MB/s of each, the ratio current/release per round and its median;
- start-up: median wall time of `article2json seeds/<seed>.txt > /dev/null`
  (current install, and the release for reference) against `python -c
  "import click, orjson, regex"`, runs interleaved; with --callgrind (and
  valgrind on PATH) also the ratio of instructions counted by callgrind.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import orjson
from material import ROOT

CORPORA = [ROOT.parent / "shared" / "corpus" / name for name in ("dev", "web")]
SEED = ROOT / "seeds" / "000_a7458bc90af8eff5.txt"
SCRATCH = Path("/work/scratch/bench")
IMPORTS = "import click, orjson, regex"
MARK = ".bench-built"

# Runs inside each install's own interpreter: argv[1] is a file of paths, one a line.
WORKER = """
import sys, time
import orjson
paths = open(sys.argv[1], encoding="utf-8").read().split("\\n")
docs = [open(p, "rb").read() for p in paths if p]
import article2json
parse, to_json = article2json.parse, article2json.to_json
errors = 0
start = time.perf_counter()
for i, d in enumerate(docs):
    try:
        to_json(parse(d))
    except Exception:
        errors += 1
    if i == 0:
        first = time.perf_counter() - start
seconds = time.perf_counter() - start
sys.stdout.buffer.write(orjson.dumps({
    "seconds": seconds, "first": first, "bytes": sum(map(len, docs)),
    "docs": len(docs), "errors": errors, "module": article2json.__file__,
}))
"""


def clean_env() -> dict[str, str]:
    """The environment without anything that could put another copy of the
    package (the editable one of the project's venv) on the path."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    env.pop("VIRTUAL_ENV", None)
    return env


def make_venv(home: Path, src: Path) -> None:
    venv = home / "venv"
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    # An absolute path: a bare "src" would be taken for a package name on the index.
    subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "-qq", str(src.resolve())],
        check=True,
        env=clean_env(),
        cwd=home,
    )


def release_install(home: Path, rev: str, rebuild: bool) -> tuple[Path, str]:
    """The venv of the release `rev`, built from `git archive` unless cached."""
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--verify", f"{rev}^{{commit}}"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    mark = home / "venv" / MARK
    if rebuild or not mark.is_file() or mark.read_text() != commit:
        src = home / "src"
        shutil.rmtree(src, ignore_errors=True)
        src.mkdir(parents=True)
        archive = subprocess.Popen(
            ["git", "-C", str(ROOT), "archive", commit], stdout=subprocess.PIPE
        )
        subprocess.run(["tar", "-x", "-C", str(src)], stdin=archive.stdout, check=True)
        assert archive.stdout is not None
        archive.stdout.close()
        if archive.wait() != 0:
            sys.exit(f"git archive {commit} failed")
        make_venv(home, src)
        mark.write_text(commit)
        return home / "venv", f"{commit[:7]} (built)"
    return home / "venv", f"{commit[:7]} (cached)"


def snapshot(home: Path) -> str:
    """Copy the working tree's package sources into home/src; their hash."""
    src = home / "src"
    shutil.rmtree(src, ignore_errors=True)
    src.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", ".gitignore"):
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, src / name)
    shutil.copytree(
        ROOT / "cli",
        src / "cli",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info"),
    )
    digest = hashlib.sha256()
    for p in sorted(q for q in src.rglob("*") if q.is_file()):
        digest.update(str(p.relative_to(src)).encode() + b"\0" + p.read_bytes() + b"\0")
    return digest.hexdigest()


def current_install(home: Path, rebuild: bool) -> tuple[Path, str]:
    """The venv of the working tree, reinstalled when its sources changed."""
    digest = snapshot(home)
    mark = home / "venv" / MARK
    if rebuild or not mark.is_file() or mark.read_text() != digest:
        make_venv(home, home / "src")
        mark.write_text(digest)
        return home / "venv", f"working tree {digest[:8]} (built)"
    return home / "venv", f"working tree {digest[:8]} (cached)"


def versions(venv: Path) -> str:
    code = (
        "from importlib.metadata import version as v; "
        "print(', '.join(f'{n} {v(n)}' for n in ('click', 'orjson', 'regex')))"
    )
    out = subprocess.run(
        [str(venv / "bin" / "python"), "-c", code],
        check=True,
        capture_output=True,
        text=True,
        env=clean_env(),
        cwd=venv,
    )
    return out.stdout.strip()


def first_pass(venv: Path, listing: Path) -> dict[str, float | int | str]:
    out = subprocess.run(
        [str(venv / "bin" / "python"), "-c", WORKER, str(listing)],
        check=True,
        capture_output=True,
        env=clean_env(),
        cwd=venv,
    )
    result: dict[str, float | int | str] = orjson.loads(out.stdout)
    if not str(result["module"]).startswith(str(venv)):
        sys.exit(f"{venv}: article2json loaded from {result['module']}")
    return result


def wall(cmd: list[str], venv: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True, env=clean_env(), cwd=venv)
    return time.perf_counter() - start


def instructions(cmd: list[str], venv: Path) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
        # A fixed hash seed: string hashing moves the count by about 1 M
        # instructions from run to run otherwise.
        env={**clean_env(), "PYTHONHASHSEED": "0"},
        cwd=venv,
    )
    for line in out.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1].strip())
    sys.exit(f"no 'Collected' line from callgrind for {cmd}")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--rounds", type=int, default=5, help="fresh processes per install")
    ap.add_argument("--startup-runs", type=int, default=15, help="start-up runs of each command")
    ap.add_argument("--release", default="3d3de40", help="the release's git revision")
    ap.add_argument("--release-dir", type=Path, default=SCRATCH / "release")
    ap.add_argument("--current-dir", type=Path, default=SCRATCH / "current")
    ap.add_argument("--rebuild", action="store_true", help="make both venvs again")
    ap.add_argument("--callgrind", action="store_true", help="also count start-up instructions")
    args = ap.parse_args()

    rel, rel_note = release_install(args.release_dir.resolve(), args.release, args.rebuild)
    cur, cur_note = current_install(args.current_dir.resolve(), args.rebuild)
    print("## installs")
    print(f"release: {rel_note}, {rel} [{versions(rel)}]")
    print(f"current: {cur_note}, {cur} [{versions(cur)}]")

    paths = sorted(p for corpus in CORPORA for p in corpus.glob("*/*.txt"))
    if not paths:
        sys.exit(f"no articles in {', '.join(map(str, CORPORA))}")
    listing = args.current_dir.resolve() / "articles.txt"
    listing.write_text("".join(f"{p.resolve()}\n" for p in paths), encoding="utf-8")

    print("\n## first-pass throughput (each article once, fresh process, one core)")
    rows = []
    for r in range(args.rounds):
        order = [("release", rel), ("current", cur)]
        if r % 2:
            order.reverse()
        res = {name: first_pass(venv, listing) for name, venv in order}
        rows.append(res)
    size, ndocs = rows[0]["current"]["bytes"], rows[0]["current"]["docs"]
    print(f"{ndocs} articles, {float(size) / 1e6:.2f} MB (corpus dev + web)")
    print(
        "| round | release MB/s | current MB/s | current / release | first article ms (rel / cur) |"
    )
    print("|---:|---:|---:|---:|---:|")
    ratios = []
    for r, res in enumerate(rows, 1):
        mbs = {k: float(v["bytes"]) / 1e6 / float(v["seconds"]) for k, v in res.items()}
        ratios.append(mbs["current"] / mbs["release"])
        first = " / ".join(f"{float(res[k]['first']) * 1000:.0f}" for k in ("release", "current"))
        print(f"| {r} | {mbs['release']:.2f} | {mbs['current']:.2f} | {ratios[-1]:.3f} | {first} |")
    med = {
        k: statistics.median(float(x[k]["bytes"]) / 1e6 / float(x[k]["seconds"]) for x in rows)
        for k in ("release", "current")
    }
    print(
        f"| median | {med['release']:.2f} | {med['current']:.2f} | "
        f"{statistics.median(ratios):.3f} | |"
    )
    errors = {k: max(int(x[k]["errors"]) for x in rows) for k in ("release", "current")}
    if any(errors.values()):
        print(f"articles that raised: release {errors['release']}, current {errors['current']}")

    print("\n## start-up (median wall time)")
    commands = {
        "current: article2json seed": [str(cur / "bin" / "article2json"), str(SEED)],
        "release: article2json seed": [str(rel / "bin" / "article2json"), str(SEED)],
        f"current: python -c '{IMPORTS}'": [str(cur / "bin" / "python"), "-c", IMPORTS],
    }
    times: dict[str, list[float]] = {k: [] for k in commands}
    for _ in range(args.startup_runs):
        for k, cmd in commands.items():
            times[k].append(wall(cmd, cur))
    base = statistics.median(times[f"current: python -c '{IMPORTS}'"])
    print("| command | ms | / imports |")
    print("|---|---:|---:|")
    for k, ts in times.items():
        t = statistics.median(ts)
        print(f"| {k} | {t * 1000:.1f} | {t / base:.2f} |")
    print("target: current article2json seed / imports <= 1.25")

    if args.callgrind:
        if shutil.which("valgrind") is None:
            print("\n--callgrind: valgrind is not on PATH, skipped")
        else:
            print("\n## start-up instructions (callgrind, one run each)")
            counts = {k: instructions(cmd, cur) for k, cmd in commands.items()}
            ibase = counts[f"current: python -c '{IMPORTS}'"]
            print("| command | M instructions | / imports |")
            print("|---|---:|---:|")
            for k, n in counts.items():
                print(f"| {k} | {n / 1e6:,.1f} | {n / ibase:.2f} |")


if __name__ == "__main__":
    main()
