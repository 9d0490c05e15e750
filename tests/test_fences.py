"""Fenced code in Markdown ("```python" ... "```") is one paragraph kept as
the file has it: its blank lines, indents and "#" comments (no heading)."""

from __future__ import annotations

import pytest

import article2json
from article2json.fences import code_text, is_fenced_code
from article2json.render import render_markdown
from article2json.segment import KEPT_LINES

CODE = '```python\n# read the file\ndef main():\n\n    print("hi")\n```'
INTRO = {
    "en": "Install it first, then run it on a file:",
    "ru": "Сначала установите пакет, затем запустите его:",
    "ja": "まずパッケージを入れてから実行します：",
}


def paragraphs(text: str) -> list[str]:
    return [p for s in article2json.parse(text)["sections"] for p in s["paragraphs"]]


@pytest.mark.parametrize("lang", sorted(INTRO))
@pytest.mark.parametrize("gap", ["\n\n", "\n"], ids=["blank-line", "right-under"])
def test_fenced_code_is_one_paragraph_as_written(lang: str, gap: str) -> None:
    """Under a line of text or apart from it; the text right under the
    closing fence is a paragraph of its own."""
    text = f"# Title\n\n{INTRO[lang]}{gap}{CODE}\n{INTRO[lang]}\n\n## Next\n\nDone.\n"
    a = article2json.parse(text, explain=True)
    assert a["sections"][0]["paragraphs"] == [INTRO[lang], CODE, INTRO[lang]]
    assert [s["heading"] for s in a["sections"]] == [None, "Next"]  # "# read" is no heading
    assert [b["rule"] for b in a["blocks"] if b["text"] == CODE] == ["markdown-code"]


def test_tildes_a_longer_closing_fence_and_an_indented_fence() -> None:
    tildes = "~~~\nx = 1\n\ny = 2\n~~~~~"
    assert paragraphs(f"# T\n\n{tildes}\n") == [tildes]
    indented = "  ```\n  if x:\n      y()\n  ```"
    assert paragraphs(f"# T\n\n{indented}\n") == ["```\nif x:\n    y()\n```"]


def test_what_is_no_fence() -> None:
    """Inline code with backticks after the fence's, two backticks, or a
    closing fence shorter than the opening one."""
    assert paragraphs("# T\n\n```a``` is inline.\n# Heading\n") == ["```a``` is inline."]
    assert paragraphs("# T\n\n``\n# Heading\n")[0] == "``"
    text = "# T\n\n````\ncode\n```\n# still code\n````\n"
    assert paragraphs(text) == ["````\ncode\n```\n# still code\n````"]


def test_an_unclosed_fence_runs_to_the_end() -> None:
    assert paragraphs("# T\n\nText.\n\n```\na\n\n# b\n") == ["Text.", "```\na\n\n# b"]


def test_a_long_document_reads_its_fences_alike() -> None:
    """Past KEPT_LINES lines the runs are read again from the text."""
    filler = "A line of prose.\n\n" * (KEPT_LINES // 2)
    got = paragraphs(f"# T\n\n{filler}{CODE}\n\nEnd.\n")
    assert got[-2:] == [CODE, "End."]


def test_plain_text_is_not_read_for_fences() -> None:
    """A file that is no Markdown document keeps its lines' reading."""
    text = "A title\n\nThe council met on Monday and approved the plan after a debate.\n\n```\n"
    assert "```" in paragraphs(text)[-1]


def test_the_markdown_round_trip_keeps_code() -> None:
    article = {
        "title": "Using it",
        "sections": [{"heading": None, "paragraphs": [INTRO["en"], CODE, "Done."]}],
    }
    assert is_fenced_code(CODE) and not is_fenced_code("```\nnot closed")
    assert paragraphs(render_markdown(article)) == [INTRO["en"], CODE, "Done."]


def test_code_text_takes_off_the_fences_indent() -> None:
    text = "  ```\n    a\n b\n  ```"
    assert code_text(text, 2, len(text)) == "```\n  a\nb\n```"
