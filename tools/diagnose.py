"""Where the shipped models go wrong, one model at a time.

    python tools/diagnose.py segments CORPUS [LAYOUT] [--show N]
    python tools/diagnose.py kinds CORPUS [LAYOUT] [--show N]

`segments` counts the block starts the segmentation model misses or adds in
a layout generated from the corpus (`article2json.layouts`) and shows the
lines around some of them. `kinds` gives the kind model the true blocks
(so segmentation errors do not count) and prints its confusion table and
some of its mistakes with their neighbours and `--explain` reasons.
In-sample: the shipped model has seen these documents; for honest figures
use `python -m article2json.evaluate --cv`.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from article2json.classify import classify
from article2json.corpus import load
from article2json.lines import runs
from article2json.segment import segment
from article2json.train import laid_blocks, laid_text


def segments(corpus: Path, layout: str, show: int) -> None:
    counts: Counter[str] = Counter()
    shown = 0
    for doc in load(corpus):
        laid = laid_text(doc, layout)
        text = laid.text.replace("\r\n", "\n")
        lines = [ln for run in runs(text) for ln in run]
        found = {b.start for b in segment(text)}
        for k, ln in enumerate(lines):
            want = laid.starts[k]
            got = ln.start in found
            counts["true starts"] += want
            if want != got:
                counts["missed" if want else "extra"] += 1
                if shown < show:
                    shown += 1
                    print(f"{doc.path}: {'missed' if want else 'extra'} start")
                    for j in range(max(0, k - 2), min(len(lines), k + 2)):
                        mark = ">" if j == k else " "
                        print(f"   {mark} {' ' * lines[j].indent}{lines[j].text[:100]!r}")
    print(dict(counts))


def kinds(corpus: Path, layout: str, show: int) -> None:
    confusion: Counter[tuple[str, str]] = Counter()
    mistakes = []
    for doc in load(corpus):
        blocks, labelled = laid_blocks(doc, layout)
        for i, ((kind, why), truth) in enumerate(
            zip(classify(blocks, explain=True), labelled, strict=True)
        ):
            confusion[(truth.kind, kind)] += 1
            if kind != truth.kind:
                near = [
                    f"{labelled[j].kind[:4]}: {blocks[j].text()[:50]!r}"
                    for j in (i - 1, i + 1)
                    if 0 <= j < len(blocks)
                ]
                mistakes.append((doc.path, truth.kind, kind, blocks[i].text()[:80], why, near))
    for (want, got), n in sorted(confusion.items()):
        print(f"{want:>12} -> {got:<12} {n}")
    random.Random(1).shuffle(mistakes)
    for path, want, got, text, why, near in mistakes[:show]:
        print(f"{path}: {want} taken for {got}: {text!r}\n    {why}")
        for line in near:
            print(f"    {line}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("what", choices=("segments", "kinds"))
    ap.add_argument("corpus", type=Path)
    ap.add_argument("layout", nargs="?", default="clean")
    ap.add_argument("--show", type=int, default=10, help="how many mistakes to show")
    args = ap.parse_args()
    (segments if args.what == "segments" else kinds)(args.corpus, args.layout, args.show)


if __name__ == "__main__":
    main()
