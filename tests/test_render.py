"""The Markdown and text renderers (render.py).

Three layers: golden strings (the renderer alone), a CommonMark reader
(markdown-it-py, when installed) that must see exactly the blocks written, and
the round trip through article2json.parse that issue #13 asks for.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from article2json.fences import is_fenced_code
from article2json.render import escape_line, is_kept_list, render_markdown, render_text

from helpers import examples

SETTINGS = settings(
    max_examples=examples(80), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

SMALL: dict[str, Any] = {
    "title": "A small article",
    "sections": [
        {"heading": None, "paragraphs": ["The lead.", "Second\nline kept."]},
        {"heading": "Methods", "level": 3, "paragraphs": ["We counted."]},
        {"heading": "Results", "paragraphs": ["- one\n- two"]},
    ],
    "boilerplate": ["Follow us on X."],
}


def test_markdown_golden() -> None:
    assert render_markdown(SMALL) == (
        "# A small article\n\nThe lead.\n\nSecond  \nline kept.\n\n"
        "### Methods\n\nWe counted.\n\n## Results\n\n- one\n- two\n"
    )


def test_markdown_golden_with_boilerplate() -> None:
    assert render_markdown(SMALL, with_boilerplate=True).endswith(
        "- one\n- two\n\n---\n\n<!-- boilerplate -->\n\nFollow us on X.\n"
    )


def test_text_golden() -> None:
    assert render_text(SMALL) == (
        "A small article\n\nThe lead.\n\nSecond\nline kept.\n\n"
        "Methods\n\nWe counted.\n\nResults\n\n- one\n- two\n"
    )
    assert render_text(SMALL, with_boilerplate=True).endswith("- two\n\n---\n\nFollow us on X.\n")


def test_empty_article_renders_as_nothing() -> None:
    empty = {"title": None, "sections": [], "boilerplate": ["© 2024"]}
    assert render_markdown(empty) == render_text(empty) == ""


@pytest.mark.parametrize(
    ("level", "marks"), [(1, "#"), (2, "##"), (6, "######"), (None, "##"), (0, "##"), (7, "##")]
)
def test_heading_level(level: int | None, marks: str) -> None:
    article = {"title": None, "sections": [{"heading": "H", "level": level, "paragraphs": []}]}
    assert render_markdown(article) == f"{marks} H\n"


def test_under_a_title_level_1_headings_go_one_level_down() -> None:
    """ "1) Introduction" has level 1, the title's: under a `#` title every
    marked level goes one down (a numbered document's "## Abstract", null,
    stays beside its "## 1) Introduction", and "2.1" goes below both)."""
    sections = [
        {"heading": "Abstract", "level": None, "paragraphs": []},
        {"heading": "1) Introduction", "level": 1, "paragraphs": []},
        {"heading": "1.1 Scope", "level": 2, "paragraphs": []},
        {"heading": "Deep", "level": 5, "paragraphs": []},
    ]
    marks = [
        ln.split()[0] for ln in render_markdown({"title": "T", "sections": sections}).split("\n\n")
    ]
    assert marks == ["#", "##", "##", "###", "######"]
    untitled = [
        ln.split()[0] for ln in render_markdown({"title": None, "sections": sections}).split("\n\n")
    ]
    assert untitled == ["##", "#", "##", "#####"]
    no_level_1 = {"title": "T", "sections": sections[2:3]}
    assert render_markdown(no_level_1) == "# T\n\n## 1.1 Scope\n"


def test_titles_and_headings_are_one_line_and_escape_closing_hashes() -> None:
    article = {
        "title": "Two\nlines",
        "sections": [
            {"heading": "Learn C #", "paragraphs": []},
            {"heading": "C#", "paragraphs": []},
        ],
    }
    assert render_markdown(article) == "# Two lines\n\n## Learn C \\#\n\n## C#\n"


def test_blank_lines_inside_a_paragraph_are_dropped() -> None:
    article = {"title": None, "sections": [{"heading": None, "paragraphs": ["a\n\n  \nb", " "]}]}
    assert render_markdown(article) == "a  \nb\n"  # a hard line break
    assert render_text(article) == "a\nb\n"


@pytest.mark.parametrize(
    ("line", "escaped"),
    [
        ("# Not a heading", "\\# Not a heading"),
        ("###### six", "\\###### six"),
        ("#", "\\#"),
        ("1. Not a list", "1\\. Not a list"),
        ("1) Not a list", "1\\) Not a list"),
        ("1990. A year.", "1990\\. A year."),
        ("> not a quote", "\\> not a quote"),
        (">no space", "\\>no space"),
        ("- dash", "\\- dash"),
        ("* star", "\\* star"),
        ("+ plus", "\\+ plus"),
        ("---", "\\---"),
        ("* * *", "\\* * *"),
        ("___", "\\___"),
        ("```python", "\\```python"),
        ("~~~", "\\~~~"),
        ("\\# a backslash first", "\\\\# a backslash first"),
        ("<div class=x>", "\\<div class=x>"),
        ('<ol start="17">', '\\<ol start="17">'),
        ("<!-- c -->", "\\<!-- c -->"),
        ("[1]: http://example.org", "\\[1]: http://example.org"),
        ("    indented code", "indented code"),
        ("\tindented code", "indented code"),
        ("   # three spaces", "   \\# three spaces"),
    ],
)
def test_escapes(line: str, escaped: str) -> None:
    assert escape_line(line) == escaped


@pytest.mark.parametrize(
    "line",
    [
        "#hashtag text",
        "#7 on the list",
        "2024 was a year",
        "-5 degrees",
        "*emphasis* inside",
        "--",
        "===",
        "<b>bold</b> at the start",
        "[link](http://example.org) first",
        "\\not punctuation",
        "1.5 million",
        "Plain text.",
        "   three spaces",
        "",
    ],
)
def test_no_escape_where_none_is_needed(line: str) -> None:
    assert escape_line(line) == line


def test_continuation_lines() -> None:
    # A setext underline and a list starting at 1 count only after a line.
    assert escape_line("===", starts_block=False) == "\\==="
    assert escape_line("--", starts_block=False) == "\\--"
    assert escape_line("1. one", starts_block=False) == "1\\. one"
    assert escape_line("2. two", starts_block=False) == "2. two"
    assert escape_line("<span>", starts_block=False) == "<span>"
    assert escape_line("[1]: x", starts_block=False) == "[1]: x"


def test_lists_kept_in_a_paragraph_stay_lists() -> None:
    article = {
        "title": None,
        "sections": [{"heading": None, "paragraphs": ["Members:\n- Ann\n- Bo"]}],
    }
    assert render_markdown(article) == "Members:\n- Ann\n- Bo\n"
    bullets = {
        "title": None,
        "sections": [{"heading": None, "paragraphs": ["Members:\n• Ann\n• Bo"]}],
    }
    assert render_markdown(bullets) == "Members:\n- Ann\n- Bo\n"  # a list to a Markdown reader
    assert _commonmark_blocks(render_markdown(bullets))[1][0] == "bullet_list_open"
    prose = {"title": None, "sections": [{"heading": None, "paragraphs": ["• Ann and\nBo"]}]}
    assert render_markdown(prose) == "• Ann and  \nBo\n"  # not every line an item: as it is
    lone = {"title": None, "sections": [{"heading": None, "paragraphs": ["- Ann", "x\n- Bo\ny"]}]}
    assert render_markdown(lone) == "\\- Ann\n\nx  \n\\- Bo  \ny\n"


def test_a_kept_lists_items_have_their_text_escaped() -> None:
    """A Markdown reader parses an item's text as a block: "- # Ann" would be
    a heading inside the item, "- > Bo" a quotation. The item's text is
    escaped, and article2json reads it back as it was."""
    import article2json

    items = "Members of the board this year:\n- # Ann\n- > Bo\n- 1. Cy\n- - Di\n- Ed"
    article = {"title": "T", "sections": [{"heading": None, "paragraphs": [items]}]}
    markdown = render_markdown(article)
    assert markdown.endswith("- \\# Ann\n- \\> Bo\n- 1\\. Cy\n- \\- Di\n- Ed\n")
    markdown_it = pytest.importorskip("markdown_it")
    html = markdown_it.MarkdownIt("commonmark").render(markdown)
    assert "<li># Ann</li>\n<li>&gt; Bo</li>\n<li>1. Cy</li>\n<li>- Di</li>" in html
    assert article2json.parse(markdown)["sections"][0]["paragraphs"] == [items]


# --- CommonMark reads back exactly the blocks written ---------------------------

_PREFIXES = st.sampled_from(
    [
        "",
        "# ",
        "## ",
        "#",
        "1. ",
        "1) ",
        "7. ",
        "> ",
        ">",
        "- ",
        "* ",
        "+ ",
        "---",
        "===",
        "* * *",
        "```",
        "~~~",
        "    ",
        "\t",
        "\\#",
        "\\",
        "<div>",
        "<!-- ",
        "[a]: ",
        "=",
        "-",
    ]
)
_WORDS = st.lists(st.sampled_from(["alpha", "beta", "Gamma", "delta", "x"]), max_size=4).map(
    " ".join
)
_LINE = st.builds(lambda p, w: (p + w).rstrip(), _PREFIXES, _WORDS).filter(lambda s: s.strip())
_PARAGRAPH = st.lists(_LINE, min_size=1, max_size=4).map("\n".join)


def _commonmark_blocks(markdown: str) -> list[tuple[str, str]]:
    """The top-level blocks a CommonMark reader sees, with their text."""
    markdown_it = pytest.importorskip("markdown_it")
    tokens = markdown_it.MarkdownIt("commonmark").parse(markdown)
    blocks: list[tuple[str, str]] = []
    for i, tok in enumerate(tokens):
        if tok.level != 0 or tok.nesting < 0:  # top-level blocks, by their opening
            continue
        if tok.type in ("heading_open", "paragraph_open"):
            inline = tokens[i + 1]
            parts = [
                "\n" if c.type in ("softbreak", "hardbreak") else c.content
                for c in (inline.children or [])
            ]
            # A reader drops the spaces around a line break.
            blocks.append((tok.type.removesuffix("_open"), _plain_lines("".join(parts))))
        else:
            blocks.append((tok.type, tok.content))
    return blocks


def _plain_lines(paragraph: str) -> str:
    return "\n".join(ln.strip() for ln in paragraph.split("\n") if ln.strip())


@SETTINGS
@given(st.lists(_PARAGRAPH, min_size=1, max_size=4))
def test_commonmark_reads_each_paragraph_as_one_paragraph(paragraphs: list[str]) -> None:
    assume(not any(is_kept_list(p.split("\n")) for p in paragraphs))  # lists stay lists
    assume(not any(map(is_fenced_code, paragraphs)))  # and code stays code (test_fences)
    article = {"title": "T", "sections": [{"heading": "H #", "paragraphs": paragraphs}]}
    blocks = _commonmark_blocks(render_markdown(article))
    expected = [("heading", "T"), ("heading", "H #")]
    expected += [("paragraph", _plain_lines(p)) for p in paragraphs]
    assert blocks == expected


def test_a_markdown_reader_keeps_a_poems_line_breaks() -> None:
    """A paragraph's kept lines (a poem, an address: no list) end in a hard
    line break, so a Markdown reader does not join them into one line."""
    markdown_it = pytest.importorskip("markdown_it")
    poem = "The woods are lovely, dark and deep,\nBut I have promises to keep."
    article = {"title": None, "sections": [{"heading": None, "paragraphs": [poem]}]}
    html = markdown_it.MarkdownIt("commonmark").render(render_markdown(article))
    assert html == (
        "<p>The woods are lovely, dark and deep,<br />\nBut I have promises to keep.</p>\n"
    )


@pytest.mark.parametrize(
    "lines",
    [
        ("Date: Saturday, 14 March", "Time: 7 to 9 pm", "Place: Old Library, High Street"),
        ("Снег идёт, снег идёт,", "к белым звёздочкам в буране", "тянутся цветы герани"),
        ("静夜思", "床前明月光", "疑是地上霜"),
    ],
)
def test_the_markdown_round_trip_keeps_a_paragraphs_line_breaks(lines: tuple[str, ...]) -> None:
    """The hard breaks `render_markdown` writes (two spaces at a line's end)
    read back as line breaks; a line without them is joined as before."""
    import article2json

    body = "The library invites everyone to an evening of readings by local writers."
    kept = "\n".join(lines)
    article = {
        "title": "Reading Night",
        "sections": [{"heading": None, "paragraphs": [body, kept]}],
    }
    again = article2json.parse(render_markdown(article))
    assert again["sections"][0]["paragraphs"] == [body, kept]
    mixed = article2json.parse(f"# T\n\n{lines[0]}  \n{lines[1]}\n{lines[2]}\n")
    joint = "" if lines[0] == "静夜思" else " "
    assert mixed["sections"][0]["paragraphs"] == [f"{lines[0]}\n{lines[1]}{joint}{lines[2]}"]
    quoted = "".join(f"> {line}  \n" for line in lines)
    in_quote = article2json.parse(f"# T\n\n{body}\n\n{quoted}")
    assert in_quote["sections"][0]["paragraphs"] == [body, kept]  # the marks go


# --- the round trip through article2json.parse (issue #13) ----------------------

_WORD = st.sampled_from(
    [
        "river",
        "stone",
        "light",
        "bread",
        "window",
        "garden",
        "letter",
        "market",
        "winter",
        "silver",
        "road",
    ]
)
_SENTENCE = st.lists(_WORD, min_size=9, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
_HEADING = st.lists(_WORD, min_size=1, max_size=3).map(lambda ws: " ".join(ws).title())


@st.composite
def _articles(draw: st.DrawFn) -> dict[str, Any]:
    sections = []
    for i in range(draw(st.integers(1, 4))):
        heading = None if i == 0 and draw(st.booleans()) else draw(_HEADING)
        level = draw(st.one_of(st.none(), st.integers(1, 6)))
        paragraphs = draw(st.lists(_SENTENCE, min_size=1, max_size=3))
        sections.append({"heading": heading, "level": level, "paragraphs": paragraphs})
    return {"title": draw(_HEADING), "sections": sections, "boilerplate": []}


def _fold(text: str | None) -> str | None:
    return None if text is None else " ".join(text.split())


def _shape(article: Any) -> tuple[Any, ...]:
    return (
        _fold(article["title"]),
        [_fold(s["heading"]) for s in article["sections"]],
        [_fold(p) for s in article["sections"] for p in s["paragraphs"]],
    )


def _round_trip(article: dict[str, Any]) -> None:
    import article2json

    again = article2json.parse(render_markdown(article))
    assert _shape(again) == _shape(article)


@SETTINGS
@given(_articles())
def test_round_trip_through_the_parser(article: dict[str, Any]) -> None:
    _round_trip(article)


_LONG = " river stone light bread window garden letter market winter."


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param("Plain first" + _LONG, id="plain"),
        pytest.param("#hashtag" + _LONG, id="hashtag"),
        pytest.param("2024" + _LONG, id="number"),
    ],
)
def test_round_trip_of_paragraphs_needing_no_escape(paragraph: str) -> None:
    _round_trip({"title": "Title", "sections": [{"heading": None, "paragraphs": [paragraph]}]})


@pytest.mark.parametrize(
    "paragraph",
    [
        pytest.param("# Hash" + _LONG, id="hash"),
        pytest.param("1. One" + _LONG, id="one-dot"),
        pytest.param("1) One" + _LONG, id="one-paren"),
        pytest.param("> Quote" + _LONG, id="quote"),
        pytest.param("- Dash" + _LONG, id="dash"),
    ],
)
def test_round_trip_of_escaped_paragraphs(paragraph: str) -> None:
    _round_trip({"title": "Title", "sections": [{"heading": None, "paragraphs": [paragraph]}]})


def test_markdown_headings_go_down_under_the_title_unless_one_is_at_level_6() -> None:
    """A level-1 heading would stand at the title's `#`: every heading goes
    one deeper, and reads back so; with a level 6 among them nothing moves
    (5 and 6 would both be `######`), and the levels read back as they were."""
    import article2json

    def article(levels: list[int]) -> dict[str, Any]:
        sections = [
            {"heading": f"Part {k}", "level": lv, "paragraphs": ["Some words of text here."]}
            for k, lv in enumerate(levels)
        ]
        return {"title": "Report", "sections": sections}

    def read_back(levels: list[int]) -> list[int | None]:
        again = article2json.parse(render_markdown(article(levels)))
        return [s["level"] for s in again["sections"] if s["heading"]]

    assert read_back([1, 2, 2]) == [2, 3, 3]
    assert read_back([1, 5, 6]) == [1, 5, 6]
    assert read_back([2, 3]) == [2, 3]


@pytest.mark.parametrize("heading", ["\\\\srv\\share moved", "\\*note", "\\#tag", "*note", "#tag"])
def test_a_heading_that_starts_with_markup_or_a_backslash_survives_the_round_trip(
    heading: str,
) -> None:
    """`render_markdown` escapes a heading's first character where a reader
    would take it for an escape or markup; reading the `#` line undoes it."""
    import article2json

    article = {
        "title": heading,
        "sections": [{"heading": heading, "paragraphs": ["Some words of text here."]}],
    }
    again = article2json.parse(render_markdown(article))
    assert again["title"] == heading
    assert [s["heading"] for s in again["sections"]] == [heading]
