"""A date line above the headline ("March 3, 2024", "Updated 3 hours ago")
is no title: it is text, and the headline under it is the title. The date
words are data (`dates.py`), in many languages."""

from __future__ import annotations

import pytest

import article2json
from article2json.dates import is_date_line

DATES = [
    "March 3, 2024",
    "Tuesday 12 November 2024 10.42 GMT",
    "Updated 3 hours ago",
    "Published: June 6, 2005",
    "Mar 26, 02:01AM",
    "28.01.2005",
    "2024-03-12 10:42",
    "Mittwoch, 3. März 2024, 14:05 Uhr",
    "mis à jour le 3 mars 2024 à 10h42",
    "3 марта 2024 г.",
    "Пятница, 3 марта 2024",
    "الخميس 3 مارس 2024",
    "१२ नवंबर २०२४",
    "2024年3月3日 10:42",
    "2024년 3월 3일 오전 10:42",
    "ngày 3 tháng 3 năm 2024",
]
NOT_DATES = [
    "1984",  # a year alone: a title, a timeline's heading
    "1900-1930",
    "12 angry men",
    "Page 3 of 12",
    "2. Methods",
    "3 Days in May",
    "May 2024 sales",
    "Top 10 of 2024",
    "By Jane Smith",
    "Chapter 3",
    "March",  # no digit
]


@pytest.mark.parametrize("text", DATES)
def test_a_date_line(text: str) -> None:
    assert is_date_line(text)


@pytest.mark.parametrize("text", NOT_DATES)
def test_no_date_line(text: str) -> None:
    assert not is_date_line(text)


HEADLINES = {
    "en": (
        "Council approves new bridge after long debate",
        "The city council on Tuesday approved plans for a new bridge over the river, ending a "
        "debate that had lasted more than ten years and divided residents of both banks.",
    ),
    "ru": (
        "Совет одобрил строительство нового моста",
        "Городской совет во вторник одобрил планы строительства нового моста через реку, "
        "положив конец спорам, которые длились больше десяти лет.",
    ),
    "zh": (
        "市议会批准新建大桥",
        "市议会周二批准了在河上新建一座大桥的计划，结束了持续十多年、让两岸居民意见分歧的争论。",
    ),
}


@pytest.mark.parametrize(
    ("lang", "date"),
    [
        ("en", "March 3, 2024"),
        ("en", "Updated 3 hours ago"),
        ("ru", "3 марта 2024 г."),
        ("zh", "2024年3月3日"),
    ],
)
@pytest.mark.parametrize("separator", ["\n\n", "\n"])
def test_a_date_above_the_headline_is_text_and_the_headline_the_title(
    lang: str, date: str, separator: str
) -> None:
    title, body = HEADLINES[lang]
    text = separator.join([date, title, body, body]) + "\n"
    a = article2json.parse(text)
    assert a["title"] == title
    assert a["sections"][0]["paragraphs"][0] == date  # text, not boilerplate: nothing lost
    assert a["boilerplate"] == []
    from article2json.api import parse_json

    assert parse_json(text) == article2json.to_json(a, newline=True)


def test_a_date_above_a_paragraph_is_a_headline() -> None:
    """ "September 11" above a long paragraph is the article's title, as
    before: only a date above a short block is front matter."""
    body = HEADLINES["en"][1]
    a = article2json.parse("\n\n".join(["September 11", body + " " + body, body]) + "\n")
    assert a["title"] == "September 11"


def test_a_one_liner_of_the_seed_does_not_import_the_date_credit_or_fence_modules() -> None:
    import subprocess
    import sys

    code = (
        "import sys, article2json; article2json.parse(open(sys.argv[1], 'rb').read()); "
        "print(any(f'article2json.{m}' in sys.modules for m in ('dates', 'credits', 'fences')))"
    )
    from pathlib import Path

    seed = str(Path(__file__).parents[1] / "seeds" / "000_a7458bc90af8eff5.txt")
    r = subprocess.run([sys.executable, "-c", code, seed], capture_output=True, text=True)
    assert r.stdout.strip() == "False", r.stderr
