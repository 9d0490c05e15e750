"""Quick cross-validation of the kind model alone, for feature work.

    python tools/kind_cv.py [c1=0.05 c2=0.01 ...]      (about 25 s)

Five folds by document over ../shared/corpus/dev and web, in their own
layout; the shipped segmentation model cuts the blocks, a kind model is
trained on four folds and scores the fifth. Optional arguments override
train.PARAMS. The full figures: `python -m article2json.evaluate --cv`.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from article2json import evaluate, train
from article2json.corpus import load
from article2json.model import load as load_model
from article2json.scoring import Score


def main(argv: list[str]) -> None:
    for arg in argv:
        key, value = arg.split("=")
        train.PARAMS[key] = float(value) if "." in value else int(value)
    root = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
    corpora = [root / "dev", root / "web"]
    docs = [d for c in corpora for d in load(c)]
    owner = [c.name for c in corpora for d in load(c)]
    seg = load_model("segment")
    out: dict[str, dict[str, dict[str, Score]]] = {}
    started = time.perf_counter()
    for _, held in evaluate.folds(docs, "document"):
        held_set = set(held)
        kinds = train.fit(
            *train.kind_sequences([d for i, d in enumerate(docs) if i not in held_set]), "kinds"
        )
        for c in corpora:
            mine = [docs[i] for i in held if owner[i] == c.name]
            evaluate.score_documents(mine, ["clean"], (seg, kinds), {}, out.setdefault(c.name, {}))
    for name, per_layout in out.items():
        r = evaluate.total(per_layout["clean"]).row()
        keys = ("title", "heading", "paragraph", "placement", "boilerplate", "exact", "bp/doc")
        print(name, " ".join(f"{k}={r[k]:.3f}" for k in keys))
    print(f"{train.PARAMS} {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
