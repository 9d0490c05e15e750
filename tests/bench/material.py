"""Article texts for the benchmarks: the dev corpus when it is beside the
project (read in place, never copied into it), else the seeds and the
golden inputs of the tests."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def articles() -> list[bytes]:
    """Real articles in many scripts, as raw bytes, in a stable order."""
    paths = sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []
    paths += sorted((ROOT / "seeds").glob("*.txt"))
    if len(paths) < 20:
        paths += sorted((ROOT / "tests" / "golden").glob("*.txt"))
    return [p.read_bytes() for p in paths]
