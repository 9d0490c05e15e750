"""Tables between bars ("Name | Price | Size", Markdown's "| a | b |") are
body text, one row a line: not menus (boilerplate), not headings. Tab-separated
tables are in test_layouts_messy.py."""

from __future__ import annotations

import pytest

import article2json
from article2json.boilerplate import is_menu
from article2json.tables import bar_cells, bar_tables, is_bar_table

PARA = {
    "en": "The council published the figures on Monday, after a long delay that angered many residents.",
    "de": "Der Rat veröffentlichte die Zahlen am Montag, nach einer langen Verzögerung, die viele ärgerte.",
    "ru": "Совет опубликовал данные в понедельник, после долгой задержки, которая разозлила многих жителей.",
    "ja": "市議会は月曜日にその数字を公表したが、長い遅れに多くの住民が不満を抱いていた。",
}
TITLE = {"en": "City figures", "de": "Zahlen der Stadt", "ru": "Данные города", "ja": "市の統計"}
ROWS = {
    "en": ("Item | Price | Size", "Shirt | 20 | M", "Shoes | 55 | 42"),
    "de": ("Bezirk | Ja | Nein", "Nord | 120 | 80", "Süd | 95 | 110"),
    "ru": ("| Район | За | Против |", "|---|---|---|", "| Северный | 120 | 80 |"),
    "ja": ("| 地区 | 賛成 | 反対 |", "| 北区 | 賛成多数 | 少数 |"),
}


def test_cells_between_bars() -> None:
    assert bar_cells("| a | b |") == ["a", "b"] == bar_cells("a | b")
    assert bar_cells("no bar") == ["no bar"]


def test_what_makes_lines_between_bars_a_table() -> None:
    assert is_bar_table(["Item | Price", "Shirt | 20"])  # a figure below the first row
    assert is_bar_table(["| a | b |", "| c | d |"])  # bars open every line
    assert is_bar_table(["a | b", "--- | ---", "c | d"])  # Markdown's rule row
    assert not is_bar_table(["Home | News | World", "About | Jobs | Contact"])  # menus
    assert not is_bar_table(["a | b | c", "d | e"])  # not the same number of cells
    assert not is_bar_table(["Shirt | 20"])  # one line


@pytest.mark.parametrize(
    "rows",
    [
        ["Home | About | Contact", "© 2024 | Privacy | Terms"],  # a footer
        ["Home | News | Sport | Weather", "Page 1 | 2 | 3 | Next"],  # a pager
        ["| Home | About |", "| (c) 2024 | Terms |"],
        ["Startseite | Politik | Sport", "© 2024 | Impressum | Datenschutz"],
        ["Главная | Новости | Спорт", "Страница 1 | 2 | 3"],
        ["首页 | 新闻 | 体育", "© 2024 | 隐私 | 条款"],
    ],
)
def test_a_sites_menu_and_footer_are_no_table(rows: list[str]) -> None:
    """A row opening with a home page's name or a copyright mark, or page
    numbers in a run beside a pager's word: the rows are a site's, whatever
    figures ("2024", "2") they hold."""
    assert not is_bar_table(rows)


@pytest.mark.parametrize(
    "rows",
    [
        ["| Team | Home | Away |", "| Arsenal | 3 | 1 |", "| Chelsea | 0 | 2 |"],
        ["Etappe | Start | Ziel", "1 | Köln | Bonn", "2 | Bonn | Mainz"],
        ["Quarter | 1 | 2 | 3 | 4", "Sales | 10 | 12 | 9 | 14"],
        ["Item | Qty | Price", "Apples | 3 | 4"],
    ],
)
def test_tables_with_a_home_cell_or_numbers_in_a_run_are_tables(rows: list[str]) -> None:
    assert is_bar_table(rows)


@pytest.mark.parametrize("where", ["head", "foot"])
def test_a_two_line_menu_with_figures_stays_boilerplate(where: str) -> None:
    menu = "Home | News | Sport | Weather\nPage 1 | 2 | 3 | Next"
    body = f"{TITLE['en']}\n\n{PARA['en']}\n\n{PARA['en']}"
    a = article2json.parse(f"{menu}\n\n{body}\n" if where == "head" else f"{body}\n\n{menu}\n")
    assert a["title"] == TITLE["en"]
    assert a["boilerplate"] == menu.split("\n")


def test_tables_among_a_runs_lines() -> None:
    lines = {2: "Item | Price", 3: "Shirt | 20", 4: "Shoes | 55", 7: "Home | News | World"}
    assert bar_tables(lines) == [range(2, 5)]


@pytest.mark.parametrize("lang", sorted(ROWS))
@pytest.mark.parametrize("where", ["middle", "end"])
@pytest.mark.parametrize("blank", [True, False], ids=["blanks", "no-blanks"])
def test_a_table_between_bars_is_one_paragraph_a_row_a_line(
    lang: str, where: str, blank: bool
) -> None:
    """In the middle or at the end of the article, with or without blank
    lines around it: one paragraph, its rows kept, nothing in boilerplate."""
    sep = "\n\n" if blank else "\n"
    table = "\n".join(ROWS[lang])
    parts = [TITLE[lang], PARA[lang], table] + ([PARA[lang]] if where == "middle" else [])
    a = article2json.parse(sep.join(parts) + "\n", explain=True)
    assert a["boilerplate"] == []
    assert all("|" not in (s["heading"] or "") for s in a["sections"])
    assert [b["text"] for b in a["blocks"] if b["rule"] == "table"] == [table]
    assert table in [p for s in a["sections"] for p in s["paragraphs"]]


def test_a_menu_line_at_the_foot_is_still_boilerplate() -> None:
    text = f"{TITLE['en']}\n\n{PARA['en']}\n\n{PARA['en']}\n\nHome | News | Sport | Weather\n"
    assert article2json.parse(text)["boilerplate"] == ["Home | News | Sport | Weather"]
    assert is_menu("Home | News | Sport") and not is_menu("Item | Price\nShirt | 20")


def test_a_table_in_markdown_keeps_its_rows() -> None:
    table = "| Region | Q2 |\n|---|---|\n| Europe | 412 |"
    a = article2json.parse(f"# Results\n\nThe figures:\n\n{table}\n")
    assert a["sections"][0]["paragraphs"] == ["The figures:", table]


@pytest.mark.parametrize(
    ("intro", "table"),
    [
        ("The figures:", "| Region | Q2 |\n|---|---|\n| Europe | 412 |"),
        ("Итоги квартала:", "| Регион | Q2 |\n|---|---|\n| Европа | 412 |"),
        ("四半期の数字：", "| 地域 | Q2 |\n|---|---|\n| 欧州 | 412 |"),
    ],
)
def test_a_markdown_table_right_under_a_line_of_text_is_a_block(intro: str, table: str) -> None:
    """No blank line between: the table is still its own paragraph (GitHub
    reads it so), and so is the text right under it."""
    a = article2json.parse(f"# Results\n\n{intro}\n{table}\n{PARA['en']}\n")
    assert a["sections"][0]["paragraphs"] == [intro, table, PARA["en"]]


def test_in_markdown_a_table_starts_at_its_header_and_needs_its_rule_row() -> None:
    """The header is the line right above "|---|" (a line of text above it
    with a bar stays text); bars without that row are no Markdown table:
    the paragraph keeps its lines, at the foot too (no menu)."""
    table = "| x | y |\n|---|---|\n| 1 | 2 |"
    a = article2json.parse(f"# R\n\nResults for A | B\n{table}\n")
    assert a["sections"][0]["paragraphs"] == ["Results for A | B", table]
    prices = "Prices:\n| Shirt | 20 |\n| Shoes | 55 |"
    b = article2json.parse(f"# R\n\n{PARA['en']}\n\n{prices}\n")
    assert b["sections"][0]["paragraphs"] == [PARA["en"], prices] and b["boilerplate"] == []
    article = {"title": "R", "sections": [{"heading": None, "paragraphs": [PARA["en"], prices]}]}
    again = article2json.parse(article2json.render_markdown(article))
    assert again["sections"][0]["paragraphs"] == [PARA["en"], prices]
