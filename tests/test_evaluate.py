"""The corpus evaluation: its scores, its worst-document report and --check."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from article2json import evaluate
from article2json.corpus import Document


def corpus(tmp_path: Path, truth_heading: str | None) -> Path:
    (tmp_path / "hi").mkdir()
    # Paragraphs longer than a wrapping width: in the `lines` layout, no blank
    # line separates them, and only their length tells they are not wrapped.
    first = "पहला अनुच्छेद यहाँ है, और यह इतना लंबा है कि कोई संपादक इसे एक पंक्ति में नहीं लपेटेगा, चाहे पंक्ति कितनी भी चौड़ी हो।"
    second = "दूसरा अनुच्छेद भी यहाँ है, और यह भी इतना लंबा है कि कोई संपादक इसे एक पंक्ति में नहीं लपेटेगा, चाहे पंक्ति कितनी भी चौड़ी हो।"
    text = f"शीर्षक\n\n{first}\n\nउपशीर्षक\n\n{second}\n"
    (tmp_path / "hi" / "doc.txt").write_text(text, encoding="utf-8")
    truth = {
        "title": "शीर्षक",
        "sections": [
            {"heading": None, "paragraphs": [first]},
            {"heading": truth_heading, "paragraphs": [second]},
        ],
        "boilerplate": [],
    }
    (tmp_path / "hi" / "doc.truth.json").write_bytes(orjson.dumps(truth))
    manifest = {"path": "hi/doc.txt", "script": "Devanagari"}
    (tmp_path / "manifest.jsonl").write_bytes(orjson.dumps(manifest) + b"\n")
    return tmp_path


ROW_RIGHT = "| hi | 1 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 0.000 |"


def test_a_document_that_comes_out_right(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluate.main([str(corpus(tmp_path, "उपशीर्षक")), "--check"]) == 0
    assert ROW_RIGHT in capsys.readouterr().out


def test_a_wrong_heading_is_scored_and_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evaluate.main([str(corpus(tmp_path, "कुछ और")), "--worst", "1"])
    out = capsys.readouterr().out
    # One heading found, one expected, none in common: F1 0; the paragraph under
    # it is misplaced: placement 1 of 2 right.
    assert "| hi | 1 | 1.000 | 0.000 | 1.000 | 0.500 | 1.000 | 0.000 | 1.000 | 0.000 |" in out
    assert "extra heading: 'उपशीर्षक'" in out


def test_check_compares_each_layout_with_the_corpus_own() -> None:
    good, bad = evaluate.Score(docs=1, titles_right=1, exact=1), evaluate.Score(docs=1)
    per_layout = {"clean": {"hi": good}, "lines": {"hi": bad}}
    failures = evaluate.check("dev", per_layout)
    assert any("dev lines: title 0.000, more than 0.02 below clean" in f for f in failures)
    assert not any(f.startswith("dev clean: title") for f in failures)
    # Boilerplate reported on a corpus that has none is bounded from above.
    noisy = evaluate.Score(docs=10, boilerplate_blocks=1)
    assert any("bp/doc 0.100" in f for f in evaluate.check("web", {"clean": {"en": noisy}}))


def test_unknown_layout(tmp_path: Path) -> None:
    assert evaluate.main([str(corpus(tmp_path, None)), "--layouts", "wrap99"]) == 2


@pytest.mark.parametrize("layout", ["wrap60", "wrap140", "lines", "indented", "tight"])
def test_the_scores_hold_in_generated_layouts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], layout: str
) -> None:
    assert evaluate.main([str(corpus(tmp_path, "उपशीर्षक")), "--layouts", f"clean,{layout}"]) == 0
    out = capsys.readouterr().out
    assert (
        f"| {layout} | 1 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 0.000 |" in out
    )


def test_folds_hold_every_document_out_once() -> None:
    docs = [Document(f"x/{i}.txt", "x", "a" if i < 4 else "b", "", {}, ()) for i in range(10)]
    held = [i for _, fold in evaluate.folds(docs, "document") for i in fold]
    assert sorted(held) == list(range(10))
    by_source = dict(evaluate.folds(docs, "source"))
    assert by_source == {"a": [0, 1, 2, 3], "b": [4, 5, 6, 7, 8, 9]}
