"""Issue #13 through the installed command: `--to markdown|text`,
`--with-boilerplate`, `--language`, `-o` with .md and .txt files, heading
levels, and a one-liner's start-up that loads neither the renderers nor the
language detector unless asked."""

from __future__ import annotations

import subprocess
from pathlib import Path

import orjson
import pytest

import article2json
from article2json.render import BOILERPLATE_MARK, render_markdown, render_text

from helpers import SEED, command_path, run, validate

BOILERPLATE = "बीबीसी हिन्दी के एंड्रॉएड ऐप"
LEVELS = """# The title

The first paragraph says something long enough to be a paragraph of the article, really.

## Background

A paragraph under the second level heading, also long enough to be a paragraph here.

### Details

Another paragraph under the third level heading, long enough to be a real paragraph.

Methods
-------

The setext heading above is of level two, and this paragraph is long enough as well.
"""
# Plain text: a numbered heading's depth is its level.
_LONG = "A paragraph after a numbered heading, long enough to be a paragraph of the article too."
NUMBERED = f"Report on units\n\n{_LONG}\n\n2.3.1 Units\n\n{_LONG}\n\n2.4 Sizes\n\n{_LONG}\n"


def _stderr_lines(r: subprocess.CompletedProcess[bytes]) -> list[str]:
    return r.stderr.decode().splitlines()


def _article() -> dict[str, object]:
    doc: dict[str, object] = orjson.loads(run(str(SEED)).stdout)
    return doc


def test_to_text_is_the_article_without_markup() -> None:
    r = run("--to", "text", str(SEED))
    assert r.returncode == 0 and r.stderr == b""
    out = r.stdout.decode()
    assert out == render_text(_article())
    first = out.split("\n\n", 1)[0]
    assert first == SEED.read_text(encoding="utf-8").split("\n", 1)[0]
    assert "जम्मू और कश्मीर का ज़िक्र" in out.split("\n\n")
    assert not any(ln.startswith(("#", "<!--", "---")) for ln in out.split("\n"))
    assert BOILERPLATE not in out


def test_with_boilerplate_after_the_body() -> None:
    md = run("--to", "markdown", "--with-boilerplate", str(SEED))
    assert md.returncode == 0 and md.stderr == b""
    body = run("--to", "markdown", str(SEED)).stdout.decode()
    text = md.stdout.decode()
    assert text.startswith(body.rstrip("\n") + f"\n\n---\n\n{BOILERPLATE_MARK}\n\n(")
    assert text.count(BOILERPLATE) == 1 and text.endswith(")\n")
    plain = run("--to", "text", "--with-boilerplate", str(SEED)).stdout.decode()
    assert BOILERPLATE in plain.split("\n\n---\n\n", 1)[1]


def test_with_boilerplate_on_json_is_told_and_changes_nothing() -> None:
    r = run("--with-boilerplate", str(SEED))
    assert r.returncode == 0
    assert orjson.loads(r.stdout) == _article()
    assert _stderr_lines(r) == [
        "article2json: warning: --with-boilerplate has no effect on JSON (it always has the "
        "boilerplate); it goes with --to markdown or --to text"
    ]


@pytest.mark.parametrize("flag", ["--pretty", "--blocks", "--explain", "--language"])
def test_json_only_options_with_markdown_are_told(flag: str) -> None:
    r = run("--to", "markdown", flag, str(SEED))
    assert r.returncode == 0
    assert r.stdout == run("--to", "markdown", str(SEED)).stdout
    assert _stderr_lines(r) == [
        f"article2json: warning: {flag} has no effect with --to markdown (it changes the JSON only)"
    ]


def test_json_lines_stay_json_and_say_so_once(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Alpha\n\nFirst text of the alpha article.\n", encoding="utf-8")
    r = run("--to", "markdown", str(a), str(SEED))
    assert r.returncode == 0
    assert [orjson.loads(x)["source"]["path"] for x in r.stdout.splitlines()] == [str(a), str(SEED)]
    assert _stderr_lines(r) == [
        "article2json: warning: --to markdown has no effect on JSON Lines (several articles "
        "on standard output stay JSON, one article a line); -o DIR writes one .md file per input"
    ]
    r = run("--to", "text", "--jsonl", str(SEED))
    assert orjson.loads(r.stdout) == _article()
    assert (
        len(_stderr_lines(r)) == 1
        and "--to text has no effect on JSON Lines (--jsonl" in r.stderr.decode()
    )


def test_output_folder_of_markdown_and_text_files(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "in" / "b.text").write_text("Beta\n\nThe beta article's text.\n", encoding="utf-8")
    r = run("--to", "markdown", "-r", "in", "-g", "*", "-o", "md", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == b"" and r.stderr == b""
    written = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "md").rglob("*.md"))
    assert written == ["md/in/a.md", "md/in/b.md"]
    assert (tmp_path / "md/in/a.md").read_bytes() == run("--to", "markdown", str(SEED)).stdout
    assert not list((tmp_path / "md").rglob("*.json"))
    r = run("--to", "text", "-", "-o", "txt", input=SEED.read_bytes(), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "txt/stdin.txt").read_bytes() == run("--to", "text", str(SEED)).stdout


def test_one_output_file_takes_the_format_s_suffix(tmp_path: Path) -> None:
    r = run("--to", "markdown", "-o", str(tmp_path / "seed.md"), str(SEED))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "seed.md").read_bytes() == run("--to", "markdown", str(SEED)).stdout
    r = run("--to", "text", "-o", str(tmp_path / "seed.txt"), str(SEED))
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "seed.txt").read_bytes() == run("--to", "text", str(SEED)).stdout
    r = run("--to", "markdown", "-o", str(tmp_path / "seed.json"), str(SEED))
    assert r.returncode == 2
    assert _stderr_lines(r) == [
        f"article2json: -o {tmp_path / 'seed.json'}: --to markdown writes .md files: name the "
        "file .md (or, for a folder of them, create the folder first) (see article2json --help)"
    ]
    assert not (tmp_path / "seed.json").exists()


def test_text_output_never_replaces_its_input(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    r = run("--to", "text", "-o", ".", "a.txt", cwd=tmp_path)
    assert r.returncode == 1
    assert _stderr_lines(r) == ["article2json: a.txt: output ./a.txt would replace the input a.txt"]
    assert (tmp_path / "a.txt").read_bytes() == SEED.read_bytes()


def test_language_of_the_seed() -> None:
    r = run("--language", str(SEED))
    assert r.returncode == 0 and r.stderr == b""
    doc = orjson.loads(r.stdout)
    validate(doc)
    assert doc["stats"]["language"] == "hi"
    assert 0.9 < doc["stats"]["language_score"] <= 1
    assert list(doc["stats"])[-2:] == ["language", "language_score"]
    assert "language" not in _article()["stats"]  # only when asked


def test_language_without_py3langid_is_a_usage_error() -> None:
    code = (
        "import sys; sys.modules['py3langid'] = None\n"
        f"sys.argv = ['article2json', '--language', {str(SEED)!r}]\n"
        "from article2json.cli import main\n"
        "main()\n"
    )
    python = str(Path(command_path()).parent / "python")
    r = subprocess.run([python, "-c", code], capture_output=True, timeout=60)
    assert r.returncode == 2
    assert r.stdout == b""
    assert r.stderr.decode() == (
        "article2json: --language needs py3langid: pip install 'article2json[lang]' "
        "(see article2json --help)\n"
    )


def test_a_one_liner_loads_neither_renderer_nor_language_unless_asked() -> None:
    code = (
        "import sys; sys.argv = ['article2json', *{args!r}]\n"
        "from article2json.cli import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "names = ('article2json.render', 'article2json.language', 'py3langid', 'numpy')\n"
        "sys.stderr.write(' '.join(n for n in names if n in sys.modules))\n"
    )
    python = str(Path(command_path()).parent / "python")

    def loaded(*args: str) -> list[str]:
        r = subprocess.run(
            [python, "-c", code.format(args=[*args, str(SEED)])], capture_output=True, timeout=60
        )
        assert r.returncode == 0, r.stderr
        assert r.stdout
        return r.stderr.decode().split()

    assert loaded() == []
    assert loaded("--to", "markdown") == ["article2json.render"]
    assert loaded("--language") == ["article2json.language", "py3langid", "numpy"]


def test_heading_levels_and_the_markdown_round_trip() -> None:
    a = article2json.parse(LEVELS)
    validate(a)
    assert a["schema_version"] == 2
    assert [(s["heading"], s["level"]) for s in a["sections"]] == [
        (None, None),
        ("Background", 2),
        ("Details", 3),
        ("Methods", 2),
    ]
    assert list(a["sections"][1]) == ["heading", "level", "paragraphs"]
    again = article2json.parse(render_markdown(a))
    assert [(s["heading"], s["level"]) for s in again["sections"]] == [
        (s["heading"], s["level"]) for s in a["sections"]
    ]
    numbered = article2json.parse(NUMBERED)
    assert [(s["heading"], s["level"]) for s in numbered["sections"]][1:] == [
        ("2.3.1 Units", 3),
        ("2.4 Sizes", 2),
    ]
    # In Markdown the `#` marks say it: the numbered heading comes back at its depth.
    again = article2json.parse(render_markdown(numbered))
    assert [(s["heading"], s["level"]) for s in again["sections"]][1:] == [
        ("2.3.1 Units", 3),
        ("2.4 Sizes", 2),
    ]


def test_library_exports() -> None:
    from article2json import language, render

    assert article2json.render_markdown is render.render_markdown
    assert article2json.render_text is render.render_text
    assert article2json.detect_language is language.detect
    assert article2json.detect_article_language is language.detect_article
    a = article2json.parse(SEED.read_bytes(), language=True)
    assert (a["stats"]["language"], round(a["stats"]["language_score"], 3)) == (
        article2json.detect_article_language(a)[0],
        round(article2json.detect_article_language(a)[1], 3),
    )
    assert "language" not in article2json.parse(SEED.read_bytes())["stats"]


@pytest.mark.parametrize("rule", ["---", "***", "___"])
def test_a_thematic_break_right_above_text_stands_alone_in_markdown(rule: str) -> None:
    """A rule that starts a block is a thematic break, not the text's first
    line; under a line of text, "---" is still a setext underline."""
    a = article2json.parse(
        f"# T\n\nSome text for the body.\n\n{rule}\nFooter note.\n\nAbout\n---\n\nMore.\n"
    )
    assert [p for s in a["sections"] for p in s["paragraphs"]] == [
        "Some text for the body.",
        rule,
        "Footer note.",
        "More.",
    ]
    assert [s["heading"] for s in a["sections"]] == [None, "About"]
