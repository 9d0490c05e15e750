"""The corpus evaluation: its scores, its worst-document report and --check."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

import article2json
from article2json import evaluate


def corpus(tmp_path: Path, truth_heading: str | None) -> Path:
    (tmp_path / "hi").mkdir()
    # Paragraphs longer than a wrapping width: with --traps lines, no blank
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


def test_a_document_that_comes_out_right(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluate.main([str(corpus(tmp_path, "उपशीर्षक")), "--check"]) == 0
    out = capsys.readouterr().out
    assert "| hi | 1 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |" in out


def test_a_wrong_heading_is_scored_and_fails_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert evaluate.main([str(corpus(tmp_path, "कुछ और")), "--check", "--worst", "1"]) == 1
    captured = capsys.readouterr()
    # One heading found, one expected, none in common: F1 0; the paragraph under
    # it is misplaced: placement 1 of 2 right.
    assert "| hi | 1 | 1.000 | 0.000 | 1.000 | 0.500 | 1.000 | 0.000 | 1.000 |" in captured.out
    assert "extra heading: 'उपशीर्षक'" in captured.out
    assert "below threshold: overall heading 0.000 < 0.97" in captured.err
    assert (
        evaluate.main(
            [
                str(tmp_path),
                "--check",
                "--min",
                "heading=0",
                "--min",
                "placement=0.5",
                "--min",
                "exact=0",
            ]
        )
        == 0
    )


def test_unknown_measure_in_min(tmp_path: Path) -> None:
    assert evaluate.main([str(corpus(tmp_path, None)), "--check", "--min", "speed=1"]) == 2


def test_traps_make_a_raw_file_that_folds_back_to_the_same_text() -> None:
    long_hi = " ".join(["यह एक लंबा वाक्य है जो कई बार दोहराया गया है।"] * 6)
    long_ja = "これは長い文章です。" * 20
    text = f"शीर्षक\n\n{long_hi}\n\nउपशीर्षक\n\n{long_ja}\n"
    raw = evaluate.with_traps(text)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n \t\xc2\xa0\r\n" in raw
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert max(len(ln) for ln in lines) <= evaluate.WRAP_AT + 2  # wrapped, plus " \t"
    article = article2json.parse(raw)
    assert article["title"] == "शीर्षक"
    paragraphs = [p for s in article["sections"] for p in s["paragraphs"]]
    assert paragraphs == [long_hi, long_ja]  # rejoined: with a space, and with nothing
    assert [s["heading"] for s in article["sections"]] == [None, "उपशीर्षक"]


def test_traps_with_one_paragraph_per_line() -> None:
    raw = evaluate.with_traps("शीर्षक\n\nपहला अनुच्छेद।\n\nदूसरा अनुच्छेद।\n", "lines")
    assert raw == "\ufeffशीर्षक \r\nपहला अनुच्छेद। \r\nदूसरा अनुच्छेद। \r\n".encode()


@pytest.mark.parametrize("style", evaluate.TRAPS)
def test_the_scores_hold_on_raw_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], style: str
) -> None:
    assert evaluate.main([str(corpus(tmp_path, "उपशीर्षक")), "--check", "--traps", style]) == 0
    assert "| hi | 1 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | 1.000 |" in (
        capsys.readouterr().out
    )
