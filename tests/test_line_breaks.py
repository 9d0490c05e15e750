"""Line breaks a paragraph keeps: in a wrapped file, a block whose lines all
end well short of the file's wrap width (a poem, an address, "Date: ..."
lines) was broken on purpose, and its text keeps the breaks; a wrapped
paragraph is joined into one line, whatever its script."""

from __future__ import annotations

import pytest

import article2json
from article2json.layouts import wrap
from article2json.line_breaks import ended_on_purpose
from article2json.lines import Line

PROSE = {
    "en": (
        "Robert Frost wrote many poems about rural New England, and few are as widely quoted "
        "as the one he published in 1923, which ends with lines that schoolchildren across "
        "the country still learn by heart and recite at the end of the school year."
    ),
    "ru": (
        "Пушкин написал это стихотворение осенью в Болдине, где провёл три месяца из-за "
        "холерного карантина, и позже говорил, что никогда ещё не работал так много и так "
        "легко, как в ту осень в деревне вдали от столицы."
    ),
    "hi": (
        "कार्यक्रम शनिवार को पुराने पुस्तकालय में होगा और इसमें शहर के कई जाने-माने लेखक अपनी "
        "नयी रचनाएँ पढ़ेंगे। आयोजकों ने बताया कि प्रवेश निःशुल्क है, लेकिन सीटें सीमित हैं और "
        "पहले से नाम दर्ज कराना ज़रूरी है।"
    ),
}
KEPT = {
    "en": [
        "The woods are lovely, dark and deep,",
        "But I have promises to keep,",
        "And miles to go before I sleep,",
        "And miles to go before I sleep.",
    ],
    "ru": [
        "Унылая пора! Очей очарованье!",
        "Приятна мне твоя прощальная краса —",
        "Люблю я пышное природы увяданье,",
        "В багрец и в золото одетые леса.",
    ],
    "hi": [
        "तारीख़: शनिवार, 14 मार्च",
        "समय: शाम 7 से 9 बजे",
        "स्थान: पुराना पुस्तकालय, हाई स्ट्रीट",
    ],
}


def paragraphs(text: str) -> list[str]:
    a = article2json.parse(text)
    return [p for s in a["sections"] for p in s["paragraphs"]]


def wrapped(prose: str, width: int = 72) -> str:
    return "\n".join(wrap(prose, width))


@pytest.mark.parametrize("lang", sorted(KEPT))
@pytest.mark.parametrize("crlf", [False, True])
def test_lines_ended_on_purpose_keep_their_breaks(lang: str, crlf: bool) -> None:
    kept = KEPT[lang]
    text = "\n\n".join(["A title", wrapped(PROSE[lang]), "\n".join(kept), wrapped(PROSE[lang])])
    if crlf:
        text = text.replace("\n", "\r\n")
    found = paragraphs(text + "\n")
    assert found[1] == "\n".join(kept)
    assert "\n" not in found[0] and "\n" not in found[2]  # wrapped prose is joined


def test_json_written_directly_keeps_the_same_breaks() -> None:
    """`parse_json` (the command's writer) and `to_json(parse())` agree."""
    text = "\n\n".join(["A title", wrapped(PROSE["en"]), "\n".join(KEPT["en"])]) + "\n"
    from article2json.api import parse_json

    assert parse_json(text) == article2json.to_json(article2json.parse(text), newline=True)


@pytest.mark.parametrize("lang", sorted(PROSE))
def test_a_paragraph_wrapped_a_few_columns_narrower_is_joined(lang: str) -> None:
    """Paragraphs of one file are often wrapped a few columns apart: one
    wrapped at 64 in a file wrapped at 72 is still one line of text."""
    text = "\n\n".join(["A title", wrapped(PROSE[lang], 72), wrapped(PROSE[lang], 64)]) + "\n"
    assert all("\n" not in p for p in paragraphs(text))


def test_a_sentence_cut_short_goes_on_in_lower_case() -> None:
    """A short line whose next line goes on in lower case, with no mark at
    its end, is a sentence wrapped early (a narrow column): joined."""
    lines = ["The number of older", "brothers may affect your", "chances in life."]
    text = "\n\n".join(["A title", wrapped(PROSE["en"]), "\n".join(lines)]) + "\n"
    assert paragraphs(text)[1] == " ".join(lines)


def test_in_markdown_a_paragraphs_lines_are_joined() -> None:
    """Markdown joins a paragraph's lines (a soft break): so does the parse."""
    text = "# A title\n\n" + "\n".join(KEPT["en"]) + "\n"
    assert paragraphs(text) == [" ".join(KEPT["en"])]


def line(text: str, indent: int = 0) -> Line:
    return Line(text, 0, len(text), indent, False)


def test_ended_on_purpose_measures_the_next_word_against_the_width() -> None:
    short = [line("Date: 14 March"), line("Time: 7 pm")]
    assert ended_on_purpose(short, 72)
    assert not ended_on_purpose(short[:1], 72)  # one line: nothing to keep
    # "Time:" would have fitted, but not with an eighth of the width to spare
    assert not ended_on_purpose([line("x" * 58), line("Time: 7 pm")], 72)
    assert ended_on_purpose([line("x" * 50), line("Time: 7 pm")], 72)
    # an indent counts towards the line's length
    assert not ended_on_purpose([line("x" * 50, indent=8), line("Time: 7 pm")], 72)


def test_ended_on_purpose_in_a_script_without_spaces() -> None:
    """Between two Chinese or Japanese characters a wrap may come anywhere,
    and early before a Latin word: only a clearly short line was ended on
    purpose."""
    assert ended_on_purpose([line("床前明月光，"), line("疑是地上霜。")], 40)
    assert not ended_on_purpose([line("字" * 30), line("字" * 10)], 40)


def test_a_wrapped_paragraph_among_paragraphs_on_one_line_is_joined() -> None:
    """In a file of few wrapped lines the wrap width is read from all its
    lines, long ones on one line each included: a paragraph of three lines
    or more wrapped at a width of its own is still joined."""
    one_line = PROSE["ru"]
    text = "\n\n".join(["A title", wrapped(PROSE["en"], 50), one_line, one_line]) + "\n"
    assert paragraphs(text)[0] == PROSE["en"]


def test_a_poem_whose_lines_go_on_in_lower_case_keeps_its_breaks() -> None:
    """A wrap at any width leaves each line too full for the next word
    within the longest: a line that is not ("and gives back only stone;"
    under a longer line) says three lines or more were ended on purpose,
    lower case or not."""
    poem = [
        "The sea takes what it wants to take,",
        "and gives back only stone;",
        "I keep the lamp for others' sake",
        "and walk the stairs alone.",
    ]
    text = "\n\n".join(["A title", wrapped(PROSE["en"]), "\n".join(poem)]) + "\n"
    assert paragraphs(text)[1] == "\n".join(poem)


@pytest.mark.parametrize(
    "address",
    [
        ["Planning Department", "County Hall, Room 214", "12 Market Street", "Harlow, HR4 7QT"],
        ["Отдел планирования", "Ратуша, комната 214", "Рыночная улица, 12", "Москва, 101000"],
    ],
)
def test_an_address_of_short_lines_keeps_its_breaks(address: list[str]) -> None:
    """Lines each too full for the next word within the longest, but under
    OWN_WRAP_MIN columns: no prose is wrapped that narrow."""
    text = "\n\n".join(["A title", wrapped(PROSE["en"]), "\n".join(address)]) + "\n"
    assert paragraphs(text)[1] == "\n".join(address)


@pytest.mark.parametrize(
    "lines",
    [
        [
            "I spoke to the mayor after the meeting and she told me",
            "that the money would come from the regional fund rather",
            "than from local taxes,",
            "which should reassure most of the people who wrote to us.",
        ],
        [
            "Ich sprach nach der Sitzung mit der Bürgermeisterin und sie",
            "sagte mir, das Geld komme aus dem regionalen Fonds und nicht",
            "aus den Steuern,",
            "was die meisten beruhigen dürfte, die uns geschrieben haben.",
        ],
        [
            "Я поговорил с мэром после заседания, и она сказала мне",
            "что деньги придут из регионального фонда, а вовсе не",
            "из местных налогов,",
            "и это должно успокоить большинство тех, кто нам писал.",
        ],
    ],
    ids=["en", "de", "ru"],
)
def test_prose_wrapped_by_hand_a_line_short_is_joined(lines: list[str]) -> None:
    """A paragraph wrapped by hand narrower than the file, one line short of
    its width, where a sentence goes on in lower case: prose, not a poem."""
    text = "\n\n".join(["A title", wrapped(PROSE["en"], 78), "\n".join(lines)]) + "\n"
    assert paragraphs(text)[1] == " ".join(lines)


@pytest.mark.parametrize(
    "lines",
    [
        [
            "I have eaten the plums that were in the icebox",
            "and which you were probably saving for breakfast",
            "forgive me they were delicious",
            "so sweet and so cold in the morning light there",
        ],
        [
            "sudo apt-get install build-essential cmake git",
            "sudo apt-get install libssl-dev zlib1g-dev curl",
            "git clone https://example.org/project.git",
            "cd project and then run the configure script",
        ],
        [
            "Я помню чудное мгновенье и тихий вечер над рекой",
            "передо мной явилась ты как сон как светлый облик мой",
            "как мимолётное виденье",
            "как гений чистой красоты в туманной дымке за окном",
        ],
    ],
    ids=["poem", "commands", "ru-poem"],
)
def test_a_poems_or_commands_short_line_without_a_mark_keeps_the_breaks(
    lines: list[str],
) -> None:
    """The same shape as prose wrapped by hand, but the short line ends no
    clause: the lines were ended on purpose."""
    text = "\n\n".join(["A title", wrapped(PROSE["en"], 78), "\n".join(lines)]) + "\n"
    assert paragraphs(text)[1] == "\n".join(lines)
