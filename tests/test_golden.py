"""Whole articles: each `golden/<case>.txt` (and the seed) beside the JSON it must give,
and the seed as Markdown (`golden/<seed>.md`, what `--to markdown` prints).

Run `pytest tests/test_golden.py --update-golden` to rewrite the expected
files, then read the diff before committing it.
"""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

import article2json

from helpers import GOLDEN, SEED, run, validate

CASES = sorted(GOLDEN.glob("*.txt"))


def _convert(path: Path) -> bytes:
    source = "seeds/" + path.name if path == SEED else path.name
    return article2json.to_json(article2json.parse(path.read_bytes(), source=source), pretty=True)


@pytest.mark.parametrize("path", [SEED, *CASES], ids=lambda p: p.stem)
def test_golden(path: Path, request: pytest.FixtureRequest) -> None:
    expected_path = GOLDEN / (path.stem + ".json")
    got = _convert(path)
    if request.config.getoption("--update-golden"):
        expected_path.write_bytes(got + b"\n")
    expected = expected_path.read_bytes()
    assert orjson.loads(got) == orjson.loads(expected)
    assert got + b"\n" == expected
    validate(orjson.loads(got))


def test_seed_as_markdown(request: pytest.FixtureRequest) -> None:
    expected_path = GOLDEN / (SEED.stem + ".md")
    got = article2json.render_markdown(article2json.parse(SEED.read_bytes()))
    if request.config.getoption("--update-golden"):
        expected_path.write_text(got, encoding="utf-8", newline="\n")
    expected = expected_path.read_text(encoding="utf-8")
    assert got == expected
    # The command prints the same bytes, through the same renderer.
    r = run("--to", "markdown", str(SEED))
    assert r.returncode == 0 and r.stderr == b""
    assert r.stdout == expected.encode("utf-8")
    # The title, then the seed's two section headings (no level marked: "##").
    headings = [ln for ln in expected.split("\n") if ln.startswith("#")]
    assert headings == [
        "# " + SEED.read_text(encoding="utf-8").split("\n", 1)[0],
        "## जम्मू और कश्मीर का ज़िक्र",
        "## रूस में बनी कोरोना वैक्सीन",
    ]
    assert "बीबीसी हिन्दी के एंड्रॉएड ऐप" not in expected  # the boilerplate is left out


def test_seed_structure() -> None:
    """The seed's structure, spelled out (the golden file holds every byte)."""
    a = article2json.parse(SEED.read_bytes())
    first_line = SEED.read_text(encoding="utf-8").split("\n", 1)[0]
    assert a["title"] == first_line
    assert [(s["heading"], len(s["paragraphs"])) for s in a["sections"]] == [
        (None, 5),
        ("जम्मू और कश्मीर का ज़िक्र", 6),
        ("रूस में बनी कोरोना वैक्सीन", 5),
    ]
    assert len(a["boilerplate"]) == 1
    assert a["boilerplate"][0].startswith("(") and a["boilerplate"][0].endswith(")")
    assert a["stats"]["paragraphs"] == 16
    assert a["stats"]["headings"] == 2
    assert a["stats"]["script"] == "Devanagari"
    assert [s["level"] for s in a["sections"]] == [None, None, None]  # no markup, no numbers
