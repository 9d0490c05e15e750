"""Measure the converter against a corpus with known structure.

    python -m article2json.evaluate CORPUS_DIR [--worst N] [--check]

The corpus holds `<lang>/<id>.txt` beside `<lang>/<id>.truth.json`, the truth
being `{"title", "sections": [{"heading", "paragraphs"}], "boilerplate"}`.
Texts are compared after folding every run of white space to one space.
Scores are micro-averaged: true and false positives are summed over the
documents of a language (or of the whole corpus) before F1 is computed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from .api import parse
from .scripts import is_no_space

# What `--check` requires (issue #4).
THRESHOLDS = {
    "title": 0.99,
    "heading": 0.97,
    "paragraph": 0.99,
    "placement": 0.97,
    "exact": 0.85,
    "script": 1.0,  # stats.script names the manifest's script for every document
}
LANGUAGE_HEADING_F1 = 0.90
LANGUAGE_MIN_DOCS = 10

MEASURES = ("heading", "paragraph", "placement", "boilerplate")


def fold(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


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
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)

    def add(self, other: Score) -> None:
        self.docs += other.docs
        self.titles_right += other.titles_right
        self.exact += other.exact
        self.scripts_known += other.scripts_known
        self.scripts_right += other.scripts_right
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


# How a corpus manifest names scripts, where it differs from Unicode's names.
SCRIPT_ALIASES = {
    "Han/Kana": ("Han", "Hiragana", "Katakana"),
    "Canadian": ("Canadian_Aboriginal",),
    "Yi": ("Yi",),
}


def expected_scripts(corpus: Path) -> dict[str, tuple[str, ...]]:
    """The script a corpus's manifest (`manifest.jsonl`, if any) gives each
    document, as the Unicode script names `stats.script` may take."""
    manifest = corpus / "manifest.jsonl"
    if not manifest.exists():
        return {}
    out = {}
    for line in manifest.read_bytes().splitlines():
        entry = orjson.loads(line)
        name = str(entry.get("script", "")).split(" ")[0].split("+")[0]
        out[str(entry["path"])] = SCRIPT_ALIASES.get(name, (name,))
    return out


# --traps: what raw files contain and the corpus's clean re-layout does not.
WRAP_AT = 72  # columns at which --traps hard-wraps long paragraphs


TRAPS = ("wrapped", "lines")


def with_traps(text: str, style: str = "wrapped") -> bytes:
    """`text` as a messy raw file would hold it: a byte-order mark, CRLF line
    ends, trailing blanks, and either ("wrapped") blank lines holding spaces,
    tabs and NBSPs between paragraphs hard-wrapped at WRAP_AT columns (at
    spaces, or between two letters of a script written without spaces), or
    ("lines") one paragraph per line and no blank lines at all. Folded, every
    paragraph reads as before, so the scores should not move."""
    blocks = text.rstrip("\n").split("\n\n")
    if style == "lines":
        body = "\n".join(b + " " for b in blocks)
    else:
        out = []
        for block in blocks:
            lines = []
            for line in block.split("\n"):
                lines.extend(_wrap(line) if len(line) > 2 * WRAP_AT else [line])
            out.append("\n".join(ln + " \t" for ln in lines))
        body = "\n \t\u00a0\n".join(out)
    return ("\ufeff" + body + "\n").replace("\n", "\r\n").encode("utf-8")


def _wrap(line: str) -> list[str]:
    pieces = []
    start = 0
    while len(line) - start > WRAP_AT:
        cut = _cut(line, start + WRAP_AT, start)
        if cut is None:
            break
        pieces.append(line[start:cut].rstrip(" "))
        start = cut + (line[cut] == " ")
    pieces.append(line[start:])
    return pieces


def _cut(line: str, at: int, start: int) -> int | None:
    """Where to break `line` at or before `at`: a space between words of
    scripts with spaces, or a place between two letters of a script written
    without spaces (joined again with nothing; a break that replaced a space
    there, as between two Thai phrases, cannot be told apart and is not made)."""
    for i in range(at, start, -1):
        before, here = is_no_space(line[i - 1]), is_no_space(line[i])
        if line[i] == " " and not (before and is_no_space(line[i + 1 : i + 2] or " ")):
            return i
        if before and here:
            return i
    return None


def evaluate(
    corpus: Path, *, traps: str | None = None
) -> tuple[dict[str, Score], list[tuple[int, str, list[str]]]]:
    per_lang: dict[str, Score] = {}
    report: list[tuple[int, str, list[str]]] = []
    scripts = expected_scripts(corpus)
    for txt in sorted(corpus.glob("*/*.txt")):
        truth_path = txt.with_name(txt.name[: -len(".txt")] + ".truth.json")
        if not truth_path.exists():
            continue
        truth = orjson.loads(truth_path.read_bytes())
        data = txt.read_bytes()
        if traps:
            data = with_traps(data.decode("utf-8"), traps)
        predicted = parse(data, source=str(txt))
        score, diffs = score_document(dict(predicted), truth)
        want = scripts.get(str(txt.relative_to(corpus)))
        if want is not None:
            score.scripts_known = 1
            if predicted["stats"]["script"] in want:
                score.scripts_right = 1
            else:
                diffs.append(f"script: got {predicted['stats']['script']} want {'/'.join(want)}")
        per_lang.setdefault(txt.parent.name, Score()).add(score)
        if diffs:
            report.append((len(diffs), str(txt.relative_to(corpus)), diffs))
    return per_lang, report


def table(per_lang: dict[str, Score]) -> tuple[str, Score]:
    total = Score()
    lines = [
        "| language | docs | title | heading F1 | paragraph F1 | placement F1 "
        "| boilerplate F1 | exact | script |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lang, s in sorted(per_lang.items()):
        total.add(s)
        r = s.row()
        lines.append(
            f"| {lang} | {s.docs} | "
            + " | ".join(f"{r[k]:.3f}" for k in ("title", *MEASURES, "exact", "script"))
            + " |"
        )
    r = total.row()
    lines.append(
        f"| **all** | {total.docs} | "
        + " | ".join(f"**{r[k]:.3f}**" for k in ("title", *MEASURES, "exact", "script"))
        + " |"
    )
    return "\n".join(lines), total


def check(
    per_lang: dict[str, Score], total: Score, thresholds: dict[str, float] | None = None
) -> list[str]:
    """The thresholds that were missed, as sentences (empty when all are met)."""
    failures = []
    row = total.row()
    for key, floor in (thresholds or THRESHOLDS).items():
        if row[key] < floor:
            failures.append(f"overall {key} {row[key]:.3f} < {floor}")
    for lang, s in sorted(per_lang.items()):
        if s.docs >= LANGUAGE_MIN_DOCS and s.f1("heading") < LANGUAGE_HEADING_F1:
            failures.append(f"{lang}: heading F1 {s.f1('heading'):.3f} < {LANGUAGE_HEADING_F1}")
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m article2json.evaluate", description=__doc__)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--worst", type=int, default=0, help="show the N worst documents")
    ap.add_argument("--check", action="store_true", help="exit 1 when a threshold is missed")
    ap.add_argument(
        "--traps",
        choices=TRAPS,
        help="convert each text as a raw file would hold it (BOM, CRLF, trailing blanks, and "
        "hard-wrapped paragraphs between blank lines holding spaces, or one paragraph per "
        "line and no blank lines): the scores should not move",
    )
    ap.add_argument(
        "--min",
        action="append",
        default=[],
        metavar="MEASURE=VALUE",
        help="with --check, replace one overall threshold (e.g. placement=0.96)",
    )
    args = ap.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"evaluate: {args.corpus}: not a directory", file=sys.stderr)
        return 2
    per_lang, report = evaluate(args.corpus, traps=args.traps)
    text, total = table(per_lang)
    print(text)
    if args.worst:
        print()
        for n, path, diffs in sorted(report, key=lambda r: (-r[0], r[1]))[: args.worst]:
            print(f"{path}: {n} differences")
            for d in diffs[:12]:
                print(f"    {d}")
    if args.check:
        thresholds = dict(THRESHOLDS)
        for item in args.min:
            key, _, value = item.partition("=")
            if key not in thresholds:
                print(f"evaluate: --min: unknown measure {key!r}", file=sys.stderr)
                return 2
            thresholds[key] = float(value)
        failures = check(per_lang, total, thresholds)
        for f in failures:
            print(f"evaluate: below threshold: {f}", file=sys.stderr)
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
