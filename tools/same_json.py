"""The JSON writer against the dict path on every article of the labelled
corpora, in every layout: `parse_json(data)` must give the bytes of
`to_json(parse(data), newline=True)`, compact and pretty.

    python tools/same_json.py [--layouts all|clean] [--digest] [CORPUS ...]
        (default: ../shared/corpus/dev ../shared/corpus/web)

Prints the number of outputs compared and the documents that differ, and
exits 1 if any did. `--digest` also prints a SHA-256 of every dict-path
output in order (compare it with an older install's: `--dict-only` computes
only that, with nothing but `parse` and `to_json`).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import article2json
from article2json.corpus import load
from article2json.evaluate import EVAL_SEED
from article2json.layouts import LAYOUTS
from article2json.train import laid_text


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--layouts", choices=("all", "clean"), default="all")
    ap.add_argument("--digest", action="store_true")
    ap.add_argument("--dict-only", action="store_true")
    args = ap.parse_args(argv)
    root = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    corpora = args.corpora or [root / "dev", root / "web"]
    layouts = LAYOUTS if args.layouts == "all" else ("clean",)
    if not args.dict_only:
        from article2json.api import parse_json
    digest = hashlib.sha256()
    compared = differ = 0
    for corpus in corpora:
        for doc in load(corpus):
            for layout in layouts:
                data = (
                    doc.text.encode("utf-8")
                    if layout == "clean"
                    else laid_text(doc, layout, EVAL_SEED).text.encode("utf-8")
                )
                for pretty in (False, True):
                    want = article2json.to_json(
                        article2json.parse(data), pretty=pretty, newline=True
                    )
                    digest.update(want)
                    if args.dict_only:
                        continue
                    compared += 1
                    if parse_json(data, pretty=pretty) != want:
                        differ += 1
                        print(f"differs: {corpus.name}/{doc.path} {layout} pretty={pretty}")
    if not args.dict_only:
        print(f"{compared} outputs compared, {differ} differ")
    if args.digest or args.dict_only:
        print(f"sha256 of the dict-path outputs: {digest.hexdigest()}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
