"""Scores of converted articles against their truth, and their tables.

Texts are compared after folding every run of white space to one space.
Scores are micro-averaged: true and false positives are summed over the
documents of a language (or of a corpus) before F1 is computed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .corpus import fold

MEASURES = ("heading", "paragraph", "placement", "boilerplate")


def _structure(doc: dict[str, Any]) -> dict[str, Counter[Any]]:
    heads: Counter[Any] = Counter()
    paras: Counter[Any] = Counter()
    placed: Counter[Any] = Counter()
    for s in doc["sections"]:
        h = fold(s["heading"])
        if h is not None:
            heads[h] += 1
        for p in s["paragraphs"]:
            paras[fold(p)] += 1
            placed[(h, fold(p))] += 1
    bps: Counter[Any] = Counter(fold(b) for b in doc["boilerplate"])
    return {"heading": heads, "paragraph": paras, "placement": placed, "boilerplate": bps}


@dataclass
class Score:
    docs: int = 0
    titles_right: int = 0
    exact: int = 0
    scripts_known: int = 0
    scripts_right: int = 0
    boilerplate_blocks: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        self.docs += other.docs
        self.titles_right += other.titles_right
        self.exact += other.exact
        self.scripts_known += other.scripts_known
        self.scripts_right += other.scripts_right
        self.boilerplate_blocks += other.boilerplate_blocks
        self.tp.update(other.tp)
        self.fp.update(other.fp)
        self.fn.update(other.fn)

    def f1(self, measure: str) -> float:
        tp, fp, fn = self.tp[measure], self.fp[measure], self.fn[measure]
        if tp + fp + fn == 0:
            return 1.0
        return 2 * tp / (2 * tp + fp + fn)

    def row(self) -> dict[str, float]:
        out = {"title": self.titles_right / self.docs if self.docs else 1.0}
        out.update({m: self.f1(m) for m in MEASURES})
        out["exact"] = self.exact / self.docs if self.docs else 1.0
        out["script"] = self.scripts_right / self.scripts_known if self.scripts_known else 1.0
        out["bp/doc"] = self.boilerplate_blocks / self.docs if self.docs else 0.0
        return out


def score_document(predicted: dict[str, Any], truth: dict[str, Any]) -> tuple[Score, list[str]]:
    """The score of one document and a list of what differed."""
    s = Score(docs=1)
    diffs: list[str] = []
    if fold(predicted["title"]) == fold(truth["title"]):
        s.titles_right = 1
    else:
        diffs.append(f"title: got {predicted['title']!r:.80} want {truth['title']!r:.80}")
    got, want = _structure(predicted), _structure(truth)
    for m in MEASURES:
        tp = sum((got[m] & want[m]).values())
        s.tp[m] += tp
        s.fp[m] += sum(got[m].values()) - tp
        s.fn[m] += sum(want[m].values()) - tp
        if m in ("heading", "boilerplate"):
            for x in got[m] - want[m]:
                diffs.append(f"extra {m}: {x!r:.80}")
            for x in want[m] - got[m]:
                diffs.append(f"missed {m}: {x!r:.80}")
    if s.titles_right and all(got[m] == want[m] for m in MEASURES):
        s.exact = 1
    elif not diffs:
        diffs.append("paragraphs differ")
    return s, diffs


# The columns of the tables.
COLUMNS = ("title", *MEASURES, "exact", "script", "bp/doc")
_HEADER = "| title | heading F1 | paragraph F1 | placement F1 | boilerplate F1 | exact | script | bp/doc |"


def _cells(s: Score, bold: bool = False) -> str:
    r = s.row()
    mark = "**" if bold else ""
    return " | ".join(f"{mark}{r[k]:.3f}{mark}" for k in COLUMNS)


def total(per_lang: dict[str, Score]) -> Score:
    out = Score()
    for s in per_lang.values():
        out.add(s)
    return out


def table(per_lang: dict[str, Score]) -> str:
    """Scores per language, and all together."""
    lines = ["| language | docs " + _HEADER, "|---|---:" + "|---:" * len(COLUMNS) + "|"]
    for lang, s in sorted(per_lang.items()):
        lines.append(f"| {lang} | {s.docs} | {_cells(s)} |")
    t = total(per_lang)
    lines.append(f"| **all** | {t.docs} | {_cells(t, True)} |")
    return "\n".join(lines)


def layout_table(per_layout: dict[str, dict[str, Score]]) -> str:
    """Scores per layout, every language together."""
    lines = ["| layout | docs " + _HEADER, "|---|---:" + "|---:" * len(COLUMNS) + "|"]
    for layout, per_lang in per_layout.items():
        t = total(per_lang)
        lines.append(f"| {layout} | {t.docs} | {_cells(t)} |")
    return "\n".join(lines)
