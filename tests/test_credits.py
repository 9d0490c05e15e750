"""A picture's credit ("Photo: Reuters") is text, never a heading, in any
of the languages kept as data in credits.py."""

from __future__ import annotations

import pytest

import article2json
from article2json.credits import is_credit

CREDITS = [
    "Photo: Reuters/John Smith",
    "Photo by James Martin/CNET",
    "Foto: dpa",
    "Фото: ТАСС",
    "写真：共同",
    "图：新华社",
    "사진=연합뉴스",
    "صورة: رويترز",
    "Photo credit: AP",
    "Image credit: Getty Images",
    "写真＝共同",
    "Photo: courtesy of the family",
    "Foto von Anna Schmidt",
    "Foto: Michael Kappeler/dpa",
    "Foto: imago images/Sven Simon",
    "Photo: iStock/Getty Images Plus",
    "Photo by Jane Doe on Unsplash",
    "Photo: Mike Segar/Reuters/file",
    "Фото: из открытых источников",
    "Фото: пресс-служба мэрии Москвы",
    "Foto di Mario Rossi",
]
NOT_CREDITS = [
    "Photography tips",
    "Picture this",
    "Photos of the week",
    "Bildung in Zahlen",
    "Photos | Videos | Podcasts",  # a menu
    "Graphic: how the routes compare",  # headings that go on in lower case
    "Image: why branding matters",
    "Fotos de Sevilla",  # "de" joins a heading's words, not a credit's
    "Foto: wie die Stadt sich verändert hat",
    "Graphic: rising prices",
    "Фото: как меняется город",
]


@pytest.mark.parametrize("line", CREDITS)
def test_credit_lines(line: str) -> None:
    assert is_credit(line)


@pytest.mark.parametrize("line", NOT_CREDITS)
def test_headings_that_start_like_a_credit(line: str) -> None:
    assert not is_credit(line)


def test_a_long_line_is_no_credit() -> None:
    assert not is_credit("Photo: " + "a picture of the harbour at dawn " * 4)


PARA = "The council published the figures on Monday, after a long delay that angered residents."


@pytest.mark.parametrize("line", CREDITS[:5])
def test_a_credit_between_paragraphs_is_a_paragraph(line: str) -> None:
    a = article2json.parse(f"City figures\n\n{PARA}\n\n{line}\n\n{PARA}\n\n{PARA}\n", explain=True)
    assert [s["heading"] for s in a["sections"]] == [None]
    assert [b["rule"] for b in a["blocks"] if b["text"] == line] == ["credit"]


def test_a_menu_of_picture_words_at_the_foot_is_still_boilerplate() -> None:
    a = article2json.parse(f"City figures\n\n{PARA}\n\n{PARA}\n\nPhotos | Videos | Podcasts\n")
    assert a["boilerplate"] == ["Photos | Videos | Podcasts"]
