"""The learned models: linear-chain CRFs, run in plain Python.

A model scores each label of each item as the sum of the weights of the
features (named indicators) it has, adds a weight for each pair of
consecutive labels, and
takes the best sequence of labels (Viterbi). The weights are trained by
`article2json.train` and ship as JSON beside this file (`weights/`), loaded
the first time a model is needed.
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Collection, Mapping, Sequence
from itertools import repeat
from operator import mul
from typing import Any

import orjson

# Weights are stored with 4 decimals: scores are counted in units of 1e-4.
SCALE = 10_000
# (os.path, not pathlib: importing pathlib costs a one-liner 4 ms of start-up)
WEIGHTS = os.path.join(os.path.dirname(__file__), "weights")


class Crf:
    __slots__ = (
        "_bare",
        "_bare_json",
        "by_name",
        "labels",
        "meta",
        "none",
        "steps",
        "transitions",
        "weights",
    )

    def __init__(
        self,
        labels: Sequence[str],
        weights: Mapping[str, Sequence[float]],
        transitions: Sequence[Sequence[float]],
        meta: Mapping[str, Any] | None = None,
        bare: Crf | Mapping[str, Any] | None = None,
    ) -> None:
        # A model of its own for files without blank lines or indents (the
        # segmentation's), kept as read and built the first time one comes.
        self._bare = bare if isinstance(bare, Crf) else None
        self._bare_json = None if isinstance(bare, Crf) else bare
        self.labels = tuple(labels)
        self.weights = weights  # (read only: by `explain` and `to_json`)
        self.transitions = tuple(tuple(row) for row in transitions)
        self.meta = dict(meta or {})
        # Scores are sums of integers (weights in units of SCALE): exact in any
        # order, so a set's iteration order (which changes with
        # PYTHONHASHSEED) cannot change a near tie from one process to the next.
        # Each feature's weights as a tuple of integers, a label each. Built
        # with C-level maps: a comprehension over every weight cost a
        # one-liner 1 M instructions.
        if any(len(w) != len(self.labels) for w in weights.values()):
            raise ValueError("a feature's weights do not match the labels")
        scale = repeat(SCALE)
        self.by_name = dict(
            zip(
                weights,
                (tuple(map(round, map(mul, w, scale))) for w in weights.values()),
                strict=True,
            )
        )
        self.none = (0,) * len(self.labels)  # the weights of a feature the model lacks
        self.steps = tuple(tuple(round(w * SCALE) for w in row) for row in self.transitions)

    @property
    def bare(self) -> Crf | None:
        """The model for files without blank lines or indents, if it has one."""
        if self._bare is None and self._bare_json is not None:
            self._bare = Crf.from_dict(self._bare_json)
            self._bare_json = None
        return self._bare

    @bare.setter
    def bare(self, model: Crf | None) -> None:
        self._bare, self._bare_json = model, None

    @classmethod
    def from_json(cls, data: bytes) -> Crf:
        return cls.from_dict(orjson.loads(data))

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Crf:
        return cls(d["labels"], d["weights"], d["transitions"], d.get("meta"), d.get("bare"))

    def to_dict(self) -> dict[str, Any]:
        out = {
            "labels": self.labels,
            "transitions": [[round(w, 4) for w in row] for row in self.transitions],
            "weights": {k: [round(w, 4) for w in v] for k, v in sorted(self.weights.items())},
            "meta": self.meta,
        }
        bare = self.bare
        if bare is not None:
            out["bare"] = bare.to_dict()
        return out

    def to_json(self) -> bytes:
        return orjson.dumps(self.to_dict(), option=orjson.OPT_INDENT_2)

    def scores(self, item: Collection[str]) -> list[int]:
        """The score of each label for one item (the names of the features
        it has), transitions aside, in units of 1/SCALE."""
        # One lookup a name, and the columns summed in C. A Python loop over
        # the names and labels took 17% of a parse; a sum a label over a
        # dict a label 2% more of the whole parse than this (callgrind, a
        # quarter of the corpus parsed once: 4,412 M against 4,322 M).
        none = self.none  # (first: an item without names scores 0 a label)
        return list(map(sum, zip(none, *map(self.by_name.get, item, repeat(none)), strict=True)))

    def decode(
        self, items: Sequence[Collection[str]], allowed: Sequence[Sequence[bool]] | None = None
    ) -> list[int]:
        """The best label sequence (indices into `labels`); `allowed[i][k]`
        False forbids label k at item i."""
        emissions = array("d")
        for x in items:
            emissions.extend(self.scores(x))
        return self.viterbi(emissions, allowed)

    def viterbi(
        self, emissions: Sequence[float], allowed: Sequence[Sequence[bool]] | None = None
    ) -> list[int]:
        """The best label sequence given the label scores of every item, flat
        (item i's score for label k at i * len(labels) + k)."""
        n_labels = len(self.labels)
        decoder = Decoder(self)
        for i in range(len(emissions) // n_labels):
            at = i * n_labels
            decoder.add(emissions[at : at + n_labels], allowed[i] if allowed is not None else None)
        return list(decoder.path())

    def explain(self, item: Collection[str], label: int, top: int = 3) -> str:
        """The features that most favoured `label` over the others, with the
        margin each gave it: `model: noend +2.1, len<=40 +1.4`."""
        parts = []
        for name in item:
            w = self.weights.get(name)
            if w is None or name == "b":
                continue
            others = [x for k, x in enumerate(w) if k != label]
            margin = w[label] - max(others) if others else w[label]
            parts.append((margin, name))
        parts.sort(reverse=True)
        shown = [f"{name} {m:+.1f}" for m, name in parts[:top] if m > 0]
        return "model: " + (", ".join(shown) if shown else "bias")


class Decoder:
    """Viterbi one item at a time: callers that stream features keep neither
    the features nor the scores, only the best score of each label so far
    and a back pointer of a byte a label an item."""

    __slots__ = ("back", "best", "crf", "labels", "trans")

    def __init__(self, crf: Crf) -> None:
        self.crf = crf
        self.labels = range(len(crf.labels))
        self.trans = crf.steps
        self.best: list[float] = []
        self.back = bytearray()

    def add(self, scores: Sequence[float], allowed: Sequence[bool] | None = None) -> None:
        """The next item's score for each label; `allowed[k]` False forbids label k."""
        minus = float("-inf")
        labels, back = self.labels, self.back
        if not back:  # the first item
            self.best = [
                s if allowed is None or allowed[k] else minus for k, s in enumerate(scores)
            ]
            back.extend(bytes(len(labels)))
            return
        best, trans = self.best, self.trans
        new = []
        for k in labels:
            if allowed is not None and not allowed[k]:
                new.append(minus)
                back.append(0)
                continue
            top, arg = minus, 0
            for j in labels:
                v = best[j] + trans[j][k]
                if v > top:
                    top, arg = v, j
            new.append(top + scores[k])
            back.append(arg)
        self.best = new

    def path(self) -> bytearray:
        """The best label sequence so far (indices into the model's labels)."""
        n_labels = len(self.crf.labels)
        n = len(self.back) // n_labels
        if not n:
            return bytearray()
        best = self.best
        k = max(range(n_labels), key=best.__getitem__)
        path = bytearray(n)
        path[n - 1] = k
        back = self.back
        for i in range(n - 1, 0, -1):
            k = back[i * n_labels + k]
            path[i - 1] = k
        return path


_loaded: dict[str, Crf] = {}


def load(name: str) -> Crf:
    """The shipped model `name` (`segment` or `kinds`), read once."""
    model = _loaded.get(name)
    if model is None:
        with open(os.path.join(WEIGHTS, f"{name}.json"), "rb") as f:
            model = _loaded[name] = Crf.from_json(f.read())
    return model
