"""Heading levels read from the source lines (levels.heading_level)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import article2json
from article2json.levels import heading_level, letters_in_sequence, section_letter


@pytest.mark.parametrize(
    ("lines", "level"),
    [
        ("# Title", 1),
        ("II. Results", 1),
        ("IV) Notes", 1),
        ("IIII. Not Roman", None),
        ("二、研究方法", 1),  # a Chinese part number
        ("（二）样本", 2),  # and a section number inside it
        ("3、方法", 1),
        ("一个人的旅行", None),
        ("十分重要", None),
        ("In the end", None),
        ("V.I.P. lounge", None),
        ("## Methods", 2),
        ("###### Deep", 6),
        ("####### Seven is not a heading", None),
        ("#hashtag", None),
        ("##", None),  # an empty `#` line is no heading for article2json
        ("   ### indented up to three", 3),
        (["History", "======="], 1),
        (["History", "-------"], 2),
        (["History", "===  "], 1),
        (["History", "=-="], None),
        ("2. Scope", 1),
        ("2) Scope", 1),
        ("2.3 Data", 2),
        ("2.3. Data", 2),
        ("2.3.1 Units", 3),
        ("1.2.3.4.5.6.7 Very deep", 6),
        ("12.05.2024 Budget", None),
        ("8. September 2023", None),  # a date, not section 8
        ("12. Mai", None),
        ("2024 budget", None),
        ("3.14159 is pi", None),
        ("2.", 1),
        ("٣. الحقوق", 1),
        ("३.२ अधिकार", 2),
        ("২.১.৪ ইতিহাস", 3),
        ("２．概要", 1),
        ("## 2.3.1 Units", 2),
        ("Article 3.", None),
        ("第三条", None),  # an article of a law
        ("第1章　インストール", 1),
        ("第一章 总则", 1),
        ("第2節 設定", 2),
        ("第二节 方法", 2),
        ("第一个人", None),
        ("Plain heading", None),
        ("", None),
        ([], None),
        (["", "# after a blank line"], 1),
    ],
)
def test_levels(lines: str | list[str], level: int | None) -> None:
    assert heading_level(lines) == level


def test_string_is_split_at_line_breaks() -> None:
    assert heading_level("History\n=======") == 1
    assert heading_level("History\n-------") == 2


def test_setext_underlines_all_the_text_lines_above_it() -> None:
    assert heading_level(["One", "Two", "---"]) == 2


@given(st.integers(1, 6), st.text(alphabet="abc xyz", min_size=1, max_size=20).filter(str.strip))
def test_atx_level_is_the_number_of_hashes(n: int, text: str) -> None:
    assert heading_level("#" * n + " " + text) == n


@given(st.lists(st.integers(0, 999), min_size=1, max_size=8), st.sampled_from([".", ""]))
def test_numbered_depth_is_the_number_of_groups(groups: list[int], end: str) -> None:
    number = ".".join(map(str, groups))
    if len(groups) == 1:
        end = "."  # one group alone needs its closing mark
    assert heading_level(f"{number}{end} Heading") == min(len(groups), 6)


@given(st.text(max_size=40))
def test_any_text_gives_a_level_in_range_or_none(text: str) -> None:
    level = heading_level(text)
    assert level is None or 1 <= level <= 6


def test_a_number_before_another_is_no_chinese_section_number() -> None:
    assert heading_level("3、4人が集まった") is None


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("A. Scope", 1),
        ("B) Methods", 1),
        ("C. Deletion", 1),  # a letter and a Roman numeral: level 1 either way
        ("E. Appeals", 1),
        ("А. Общие положения", 1),
        ("a) Data", 2),
        ("(b) Units", 2),
        ("c. Sources", 2),
        ("J. K. Rowling at home", None),  # initials
        ("A.", None),
        ("Apple pie", None),
    ],
)
def test_a_lettered_heading_has_the_level_of_its_letter(text: str, level: int | None) -> None:
    """A sequence A. B. C. D. E. gets one level throughout (C. and D. were
    level 1 as Roman numerals and the others none), lower case one below."""
    assert heading_level(text) == level


def test_a_letter_alone_needs_a_sequence() -> None:
    """Without a sequence ("A." and "B." among the headings) a letter is an
    initial or a question; a Roman "ii." or "IV." needs none."""
    none: frozenset[str] = frozenset()
    assert heading_level("W. David Baird", letters=none) is None
    assert heading_level("M. Macron arrives", letters=none) is None  # no Roman M. alone
    assert heading_level("V. Putin visits Paris", letters=none) is None  # nor V.
    assert heading_level("ii) Units", letters=none) == 2
    assert heading_level("IV. Appendix", letters=none) == 1
    assert heading_level("B. Methods", letters=frozenset("AB")) == 1
    assert [section_letter(t) for t in ("B. Methods", "(b) Units", "iv. Notes", "Bo")] == [
        "B",
        "b",
        "iv",
        None,
    ]
    assert letters_in_sequence(["A", "B", "E"]) == {"A", "B"}  # "E. coli" is none
    assert letters_in_sequence(["Б", "В"]) == {"Б", "В"}
    assert letters_in_sequence(["I", "II", "V"]) == {"I"}  # (a Roman "V." is "IV"'s or "VI"'s)
    assert letters_in_sequence(["i", "ii"]) == {"i"} and not letters_in_sequence(["Q", "A", "W"])


PARA = {
    "en": "The committee met on Monday and agreed the plan after a long debate among its members.",
    "ru": "Комитет собрался в понедельник и одобрил план после долгого обсуждения среди своих членов.",
    "de": "Der Ausschuss trat am Montag zusammen und billigte den Plan nach einer langen Debatte.",
}
SEQUENCES = {
    "en": ["A. Scope", "B. Methods", "C. Results"],
    "ru": ["А. Общие положения", "Б. Порядок", "В. Сроки"],
    "de": ["a) Daten", "b) Verfahren", "c) Ergebnisse"],
}
SINGLES = {
    "en": ["J. David Baird", "Q. Who do I call", "V. Putin visits Paris"],
    "ru": ["А. Пушкин", "Я. Иванов"],
    "de": ["E. coli in Badeseen", "U. von der Leyen spricht"],
}


def _levels(lang: str, headings: list[str]) -> list[int | None]:
    parts = ["Report"] + [x for h in headings for x in (h, PARA[lang], PARA[lang])]
    a = article2json.parse("\n\n".join(parts) + "\n")
    return [s["level"] for s in a["sections"] if s["heading"] in headings]


@pytest.mark.parametrize("lang", sorted(PARA))
def test_letters_in_a_row_give_levels_and_initials_do_not(lang: str) -> None:
    want = 2 if SEQUENCES[lang][0][0].islower() else 1
    assert _levels(lang, SEQUENCES[lang]) == [want] * 3
    assert _levels(lang, SINGLES[lang]) == [None] * len(SINGLES[lang])  # headings, no levels
    # a letter out of the sequence is an initial ("V. Putin" under "A." to "C.")
    assert _levels(lang, [*SEQUENCES[lang], SINGLES[lang][-1]]) == [want] * 3 + [None]


NUMBERED_PAPERS = {
    "en": ("1. Introduction", "2. Methods", "2.1 Data", "2.2 Models", "3. Results"),
    "de": ("1. Einleitung", "2. Methoden", "2.1 Daten", "2.2 Modelle", "3. Ergebnisse"),
    "ru": ("1. Введение", "2. Методы", "2.1 Данные", "2.2 Модели", "3. Результаты"),
    "el": ("1. Εισαγωγή", "2. Μέθοδοι", "2.1 Δεδομένα", "2.2 Μοντέλα", "3. Αποτελέσματα"),
}


@pytest.mark.parametrize("lang", sorted(NUMBERED_PAPERS))
def test_numbered_headings_without_blank_lines_stand_alone(lang: str) -> None:
    """ "2. Methods" right above "2.1 Data": a section and its first
    subsection, not two items of a list; each a heading at its depth."""
    h = NUMBERED_PAPERS[lang]
    body = PARA.get(
        lang, "Η επιτροπή συνεδρίασε τη Δευτέρα και ενέκρινε το σχέδιο μετά από μακρά συζήτηση."
    )
    lines = ["Report", h[0], body, h[1], h[2], body, h[3], body, h[4], body]
    a = article2json.parse("\n".join(lines) + "\n")
    assert [(s["heading"], s["level"]) for s in a["sections"]] == [
        (h[0], 1),
        (h[1], 1),
        (h[2], 2),
        (h[3], 2),
        (h[4], 1),
    ]


def test_a_table_of_contents_and_figures_are_no_section_headings() -> None:
    from article2json.segment import is_section_heading

    assert is_section_heading("2.1 Data") and is_section_heading("3.2.1 Units")
    for text in ("2.66 GHz CPU", "7.7 MB (-52%)", "1.5 million people", "2.1 Data ........ 4"):
        assert not is_section_heading(text), text
    toc = "1.1 Background\n1.2 Scope\n1.3 Terms"
    a = article2json.parse(f"Report\n\nContents\n{toc}\n\n{PARA['en']}\n")
    assert any(toc in p for s in a["sections"] for p in s["paragraphs"])  # its lines together
