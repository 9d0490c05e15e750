"""Train the segmentation and kind models from labelled corpora.

    python -m article2json.train [CORPUS ...] [--out DIR]

Reads every corpus given (default: each folder of ../shared/corpus), lays
each document out as real files are (`layouts`), and fits two linear-chain
CRFs with python-crfsuite (the `train` extra): one labels each line B
(starts a block) or I (continues one), the other labels each block title,
heading, paragraph or boilerplate. L-BFGS from zero weights: the same data
gives the same weights. The weights are written as JSON into the package.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from .blocks import Block
from .classify import block_items
from .corpus import Document, Labelled, load
from .doc_layout import read_layout
from .layouts import LAYOUTS, QUOTE_SHARE, Laid, lay_out
from .lines import Line, runs
from .model import WEIGHTS, Crf
from .segment import run_items

Sequences = tuple[list[list[set[str]]], list[list[str]]]

# Layouts each document is laid out in for training, beside its own.
TRAIN_LAYOUTS = 8
SEED = 20261201
# L1 and L2 regularisation, and the iteration cap of L-BFGS.
PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 300}


# The layouts the kind model's one generated layout a document is drawn from:
# every one but `flat`, added later for the segmentation (the kind features
# read a block's line count, which `flat` lays out as `tight` does), so that
# adding it left the kind model's draw, and its weights, as they were.
KIND_POOL = tuple(x for x in LAYOUTS[1:] if x != "flat")


def layouts_for(
    doc: Document, n: int = TRAIN_LAYOUTS, pool: Sequence[str] = LAYOUTS[1:]
) -> list[str]:
    """The document's own layout and `n` generated ones, drawn by seed."""
    rng = random.Random(f"{SEED}:{doc.path}")
    return ["clean", *rng.sample(pool, n)]


def laid_text(doc: Document, layout: str, seed: object = SEED, quotes: bool = True) -> Laid:
    """The document in `layout`, drawn for this document: each document gets
    its own width, indent and wraps (a seed shared by all would lay every
    document of a layout out alike); `quotes`: some paragraphs quoted."""
    share = QUOTE_SHARE if quotes else 0.0
    return lay_out(doc.blocks, layout, seed=f"{seed}:{doc.path}", quotes=share)


def laid_blocks(
    doc: Document, layout: str, quotes: bool = True
) -> tuple[list[Block], list[Labelled]]:
    """The document in `layout`: its true blocks as lines of the laid-out
    text, and the labelled blocks."""
    laid = laid_text(doc, layout, quotes=quotes)
    flat = [ln for run in runs(laid.text.replace("\r\n", "\n")) for ln in run]
    if len(flat) != len(laid.starts):
        raise AssertionError(f"{doc.path} {layout}: {len(flat)} lines, {len(laid.starts)} laid")
    blocks: list[list[Line]] = [[] for _ in doc.blocks]
    for ln, owner in zip(flat, laid.block_of_line, strict=True):
        blocks[owner].append(ln)
    return [Block(tuple(b)) for b in blocks], list(doc.blocks)


def segment_sequences(
    docs: Iterable[Document], n_layouts: int = TRAIN_LAYOUTS
) -> dict[bool, Sequences]:
    """For each run of several lines, its line features and B/I labels, kept
    apart for the laid-out documents without blank lines or indents
    (`Layout.bare`: True) and the others (False)."""
    out: dict[bool, Sequences] = {False: ([], []), True: ([], [])}
    for doc in docs:
        for name in layouts_for(doc, n_layouts):
            laid = laid_text(doc, name)
            all_runs = runs(laid.text.replace("\r\n", "\n"))
            layout = read_layout(all_runs)
            xs, ys = out[layout.bare]
            at = 0
            for run in all_runs:
                labels = ["B" if s else "I" for s in laid.starts[at : at + len(run)]]
                at += len(run)
                if len(run) == 1:
                    continue  # a run of one line starts a block: nothing to learn
                xs.append(list(run_items(run, layout)))
                ys.append(labels)
    return out


def kind_sequences(docs: Iterable[Document], n_layouts: int = 1) -> Sequences:
    xs, ys = [], []
    for doc in docs:
        for layout in layouts_for(doc, n_layouts, KIND_POOL):
            # (no quotations: they are for the segmentation to learn; kept
            # out, the kind model's training data stayed as it was)
            blocks, labelled = laid_blocks(doc, layout, quotes=False)
            xs.append(block_items(blocks))
            ys.append([str(lb.kind) for lb in labelled])
    return xs, ys


def fit(xs: Sequence[list[set[str]]], ys: Sequence[list[str]], name: str) -> Crf:
    """A CRF fitted to the sequences, as plain weights."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xs, ys, strict=True):
        trainer.append(pycrfsuite.ItemSequence([sorted(item) for item in x]), y)
    trainer.set_params(PARAMS)
    with tempfile.TemporaryDirectory() as tmp:
        path = str(Path(tmp) / f"{name}.crfsuite")
        trainer.train(path)
        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        info = tagger.info()
        tagger.close()
    labels = sorted({label for y in ys for label in y})
    index = {label: k for k, label in enumerate(labels)}
    weights: dict[str, list[float]] = {}
    for (attr, label), w in info.state_features.items():
        weights.setdefault(attr, [0.0] * len(labels))[index[label]] = w
    transitions = [[0.0] * len(labels) for _ in labels]
    for (a, b), w in info.transitions.items():
        transitions[index[a]][index[b]] = w
    meta = {"items": sum(map(len, ys)), "sequences": len(ys), "params": PARAMS}
    return Crf(labels, weights, transitions, meta)


def train(docs: Sequence[Document]) -> tuple[Crf, Crf]:
    """The segmentation and kind models fitted to `docs`."""
    found = segment_sequences(docs)
    seg = fit(*found[False], "segment")
    seg.bare = fit(*found[True], "segment-bare")
    kinds = fit(*kind_sequences(docs), "kinds")
    return seg, kinds


def default_corpora() -> list[Path]:
    root = Path(__file__).resolve().parents[3] / "shared" / "corpus"
    if not root.is_dir():
        root = Path("../shared/corpus")
    return (
        sorted(p for p in root.iterdir() if (p / "manifest.jsonl").exists())
        if root.is_dir()
        else []
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m article2json.train", description=__doc__)
    ap.add_argument("corpus", type=Path, nargs="*", help="labelled corpus folders")
    ap.add_argument("--out", type=Path, default=Path(WEIGHTS), help="where to write the weights")
    args = ap.parse_args(argv)
    corpora = args.corpus or default_corpora()
    if not corpora:
        print("train: no corpus given and none found at ../shared/corpus", file=sys.stderr)
        return 2
    docs = [d for c in corpora for d in load(c)]
    for d in docs:
        if d.missing:
            print(
                f"train: warning: {d.path}: {d.missing} strings of the truth not found in the text; its labels are unsure",
                file=sys.stderr,
            )
    t0 = time.perf_counter()
    seg, kinds = train(docs)
    args.out.mkdir(parents=True, exist_ok=True)
    for name, model in (("segment", seg), ("kinds", kinds)):
        model.meta["corpora"] = [c.name for c in corpora]
        model.meta["documents"] = len(docs)
        (args.out / f"{name}.json").write_bytes(model.to_json() + b"\n")
    took = time.perf_counter() - t0
    print(f"train: {len(docs)} documents, {took:.0f} s, weights in {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
