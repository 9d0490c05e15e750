"""Each feature the models weigh, as a small pure function (line features
for segmentation, block features for kinds)."""

from __future__ import annotations

import pytest

from article2json import block_features as bf
from article2json import doc_layout as lo
from article2json import line_features as lf
from article2json.lines import Line, runs, visible


def line(text: str, indent: int = 0) -> Line:
    return Line(text, 0, len(text), indent)


def test_lines_keep_their_indent_and_runs_end_at_blank_lines() -> None:
    text = "Title\n\n    First line\nsecond line\n \u200b\t\nThird\n"
    got = [[(ln.text, ln.indent) for ln in run] for run in runs(text)]
    assert got == [[("Title", 0)], [("First line", 4), ("second line", 0)], [("Third", 0)]]
    assert visible("\t x", 10) == Line("x", 12, 13, 5)  # a tab counts 4 columns
    assert visible("\u200b\u200e ", 0) is None  # invisible format characters only


def test_wrap_width_is_read_from_the_lines_that_others_continue() -> None:
    wrapped = [[line("x" * 70), line("x" * 72), line("x" * 68), line("end")] for _ in range(3)]
    assert 68 <= lo.wrap_width(wrapped) <= 72
    # Few continued lines: the longest lines of the document decide.
    single = [[line("a" * n)] for n in (10, 200, 150)]
    assert lo.wrap_width(single) == 200


def test_a_first_word_that_would_have_fitted_means_the_line_above_ended_on_purpose() -> None:
    assert lf.would_fit("Short line.", "Next words", 72)
    assert not lf.would_fit("x" * 68, "another", 72)
    from article2json.blocks import first_word

    assert first_word("東京の桜") == "東"  # a script without spaces: one letter
    assert first_word("नई दिल्ली") == "नई"


def test_case_of_start_in_scripts_with_and_without_case() -> None:
    assert lf.case_of_start("The bank") == "upper"
    assert lf.case_of_start("«été»") == "lower"
    assert lf.case_of_start("Ժամանակ") == "upper"  # Armenian
    assert lf.case_of_start("भारत") == "none"
    assert lf.case_of_start("2024 budget") == "none"


def test_hyphen_and_markup_rules() -> None:
    from article2json.blocks import is_broken_word

    assert is_broken_word("conver-") and is_broken_word("exam\u00ad")
    assert not is_broken_word("2019 -")
    assert lf.is_markup_rule("=====") and lf.is_markup_rule("---")
    assert not lf.is_markup_rule("-") and not lf.is_markup_rule("=-=")


def test_transition_features_name_the_evidence() -> None:
    prev, cur = line("He said no."), line("The next day", 0)
    f = lf.transition(prev, cur, lo.Layout(72))
    assert {"fits", "p.sent", "c.upper", "p.sent&c.upper", "p.r<.5"} <= f
    assert "runstart" in lf.transition(None, cur, lo.Layout(72))
    wrapped = lf.transition(line("x" * 70 + " and the"), line("river rose"), lo.Layout(72))
    assert "fits" not in wrapped and "c.lower" in wrapped and "p.r>=.9" in wrapped
    indented = lf.transition(line("end."), line("Next", 4), lo.Layout(72))
    assert "c.indent>p" in indented
    assert "blanks&fits" in lf.transition(prev, cur, lo.Layout(72, blanks=True))


def test_a_line_above_an_indented_line_knows_it_ends_its_block() -> None:
    """Where an indent opens each paragraph, a short unended line between a
    sentence's end and an indented line is a heading of its own (in any
    script: "Член 9", "आगे क्या होगा")."""
    for prev, head in (
        ("признати му от конституцията или закона.", "Член 9"),
        ("यह फ़ैसला मंगलवार को हुआ।", "आगे क्या होगा"),
    ):
        f = lf.transition(line(prev), line(head), lo.Layout(72), nxt=line("Text follows", 4))
        assert {"n.indent>c", "c.noend&n.indent>c", "p.sent&c.noend&n.indent>c"} <= f
        # The last line of an indented paragraph, above the next one, is ended.
        ended = lf.transition(line(prev), line(head + "."), lo.Layout(72), nxt=line("Next", 4))
        assert "n.indent>c" in ended and "c.noend&n.indent>c" not in ended
    same = lf.transition(line("end."), line("Член 9"), lo.Layout(72), nxt=line("Text"))
    assert "n.indent>c" not in same
    # Under a full line that ends no sentence, the line may be the last of a
    # heading (or a paragraph) cut for room: a feature of its own.
    full = "उप्र में लॉक डाउन का असर दिखा, केवल जरूरत का सामान लेने घरों"
    cut = lf.transition(line(full), line("से निकले लोग"), lo.Layout(62), nxt=line("लखनऊ", 4))
    assert "p.full&p.noend&c.noend&n.indent>c" in cut
    short = lf.transition(line("आज"), line("से निकले लोग"), lo.Layout(62), nxt=line("लखनऊ", 4))
    assert "p.full&p.noend&c.noend&n.indent>c" not in short


def test_blank_line_documents() -> None:
    assert lo.uses_blank_lines([[line("a")], [line("b")], [line("c")]])
    assert not lo.uses_blank_lines([[line(str(i)) for i in range(40)]])


def test_lengths_and_words() -> None:
    assert bf.length_bin(15) == "<=20" and bf.length_bin(1000) == ">300"
    assert bf.word_count("one two three") == 3
    assert bf.word_count("東京の桜が満開になった") == 2  # no spaces: characters in fives
    assert bf.capitalised_share("The Quick brown Fox") == 0.75


def test_brackets_quotes_and_cues() -> None:
    assert bf.is_bracketed("(Follow us on Facebook.)")
    assert not bf.is_bracketed("(a) first, (b) second")
    assert bf.is_quoted('"We will win."')
    assert "cue.opener" in bf.cue_features("Also read: the budget")
    assert "cue.opener" in bf.cue_features("इसे भी पढ़ें: बजट")
    assert {"cue.network", "cue.call"} <= set(bf.cue_features("Follow us on Twitter"))
    assert "cue.link" in bf.cue_features("see https://example.org/x")
    assert bf.cue_features("The river rose for nine days.") == []


def _own(text: str, texts: list[str] | None = None, i: int = 1) -> dict[str, float]:
    doc = bf.Doc(texts or ["Title", text, "A paragraph that ends a sentence here."])
    return bf.own(text, 1, i, doc)


def test_numbered_headings_in_several_scripts() -> None:
    for text in ("1. Introduction", "2) Methods", "2.3 Results", "IV. Discussion", "٣. النتائج"):
        assert "numbered" in _own(text), text
    assert "numbered" not in _own("2024 was a good year")
    assert "numbered" in _own("二、停放规范") and "numbered" in _own("（一）电子围栏")
    # A section number's stop is no sentence end ("3. Insulate": one sentence).
    assert "inner-end" not in _own("3. Insulate the front door")
    assert "inner-end" in _own("It was cold. Then it snowed")


def test_series_of_articles() -> None:
    texts = [f"Article {n}" for n in range(1, 7)] + ["Everyone has the right to life."]
    assert "doc.series" in _own("Article 3", texts)
    assert "series" in _own("第三条", texts)


def test_how_a_block_ends() -> None:
    assert "noend" in _own("The bank declined to comment")
    assert "sent" in _own("The bank declined to comment.")
    assert "sent" in _own("बैंक ने टिप्पणी नहीं की।")
    assert "colon" in _own("Main points:")
    assert "comma" in _own("Hi all,") and "comma" in _own("尊敬的各位，")
    assert "comma" not in _own("Main points:")
    assert "question" in _own("What happens next?")
    assert "phrase-closer" in _own("ཆོས་ཀྱི་དོན།")
    # A block of closing marks alone ends in no mark: none of the end flags.
    for marks in ('"', "»)", "”’"):
        assert not {"colon", "comma", "question", "exclaim"} & set(_own(marks)), marks
    assert "question" in _own("What happens next?»")  # closers after the mark aside


def test_case_and_capitals_only_where_the_script_has_case() -> None:
    texts = ["Title", "Some Capitalised Words Here", "a lower-case start here."]
    assert "capitalised" in _own("Some Capitalised Words Here", texts)
    assert "lower-start" in _own("a lower-case start here.", texts)
    hindi = ["शीर्षक", "यह एक वाक्य है।"]
    assert "lower-start" not in _own("यह एक वाक्य है।", hindi)


def test_position_and_neighbours() -> None:
    texts = ["Title", "Heading", "A long paragraph. " * 10, "Last words."]
    items = bf.features(texts, [1, 1, 1, 1])
    assert "first" in items[0] and "p:none" in items[0]
    assert "last" in items[3] and "n:none" in items[3]
    assert "n:len>300" not in items[0] and "n:len<=20" in items[0]
    assert "p:noend" in items[2]


def test_a_markdown_escape_at_a_line_start_is_removed_and_remembered() -> None:
    escaped = visible("\\# Not a heading", 0)
    assert escaped is not None and escaped.text == "# Not a heading" and escaped.escaped
    number = visible("1\\. Not a list item", 0)
    assert number is not None and number.text == "1. Not a list item" and number.escaped
    plain = visible("1. A list item", 0)
    assert plain is not None and not plain.escaped
    assert visible("\\alpha", 0) == Line("\\alpha", 0, 6, 0)  # a backslash before a letter stays


def test_an_escaped_line_is_never_markup() -> None:
    import article2json

    a = article2json.parse("Title\n\n\\# Hash tags are text.\n\n\\---\n")
    assert a["sections"][0]["paragraphs"] == ["# Hash tags are text.", "---"]
    assert article2json.parse("Title\n\n## C \\#\n\nText.\n")["sections"][0]["heading"] == "C #"


@pytest.mark.parametrize("many", [False, True], ids=["short", "long"])
def test_in_plain_text_a_backslash_before_a_backslash_is_a_character(many: bool) -> None:
    """A Windows share's path ("\\\\server\\share"), at a line's start or
    an item's, keeps both backslashes in plain text; Markdown reads the
    first as an escape (what `render_markdown` writes for such a line). A
    long document (its lines read again, not kept) reads them alike."""
    import article2json
    from article2json.segment import KEPT_LINES

    body = "The files moved to the new server on Monday, after a long delay.\n\n"
    paths = "- \\\\srv\\finance\n- \\\\srv\\hr\n\n\\\\srv\\old is gone.\n"
    filler = body * (KEPT_LINES // 2 if many else 0)
    plain = article2json.parse(f"Paths\n\n{filler}{body}{paths}")
    assert plain["sections"][-1]["paragraphs"][-2:] == [
        "- \\\\srv\\finance\n- \\\\srv\\hr",
        "\\\\srv\\old is gone.",
    ]
    marked = paths.replace("\\\\", "\\\\\\")
    md = article2json.parse(f"# Paths\n\n{filler}{body}{marked}")
    assert md["sections"][-1]["paragraphs"][-2:] == plain["sections"][-1]["paragraphs"][-2:]


def test_title_case_is_read_from_letter_case_alone() -> None:
    assert bf.is_title_case("Rise of the Machines")
    assert bf.is_title_case("ELECTION RESULTS")
    assert not bf.is_title_case("Rise of the machines")
    assert not bf.is_title_case("the Machines")
    assert not bf.is_title_case("Machines")  # one word says nothing


def test_heading_candidates_stack() -> None:
    assert bf.is_heading_candidate("Early life")
    assert not bf.is_heading_candidate("He was born in 1901.")
    assert bf.stacking(True, True, False) == ["p:cand", "cand&p:cand"]
    assert bf.stacking(False, False, True) == ["n:cand"]


def test_a_letters_script_does_not_depend_on_the_guess_from_its_name() -> None:
    """`script_of` tries the script its Unicode name starts with first: the
    answer must be the one a scan of every known script gives."""
    import regex

    from article2json.scripts import KNOWN_SCRIPTS, script_of

    letters = [chr(c) for c in range(0x41, 0x30000, 37) if chr(c).isalpha()]
    for ch in letters:
        scan = next((s for s in KNOWN_SCRIPTS if regex.match(rf"\p{{Script={s}}}", ch)), "Unknown")
        assert script_of(ch) == scan, (hex(ord(ch)), scan)
    assert [script_of(c) for c in "aЖकあア한中ا"] == [
        "Latin",
        "Cyrillic",
        "Devanagari",
        "Hiragana",
        "Katakana",
        "Hangul",
        "Han",
        "Arabic",
    ]


def test_a_heading_pasted_on_its_paragraph_is_seen_even_when_it_wraps() -> None:
    """A run opens with a glued heading when one or two unended lines, the
    last one short, sit on a full-width line; a wrapped paragraph does not."""
    full = "x" * 70
    width = 72
    assert lo.is_glued([line("What happens next"), line(full), line(full)], width)
    long_heading = "Monsoon rains flood the old city as the river rises above its banks"
    assert lo.is_glued([line(long_heading), line("again"), line(full)], width)
    hindi = [
        line("महाराष्ट्र में कोरोना के 440 नये मामले, 19 की मौत, राज्य में संक्रमितों"),
        line("की संख्या बढ़कर 8068 हुई"),
        line("क" * 70),
    ]
    assert lo.is_glued(hindi, width)
    assert not lo.is_glued([line(full), line(full), line("the end.")], width)
    assert not lo.is_glued([line("It rained."), line(full)], width)  # a sentence, not a heading
    assert not lo.is_glued([line("Short"), line("short too")], width)


def test_the_lines_after_a_title_that_wraps_are_told_apart() -> None:
    """A title of two lines pasted on its first paragraph: the line after
    the title's second line knows it follows the document's second line."""
    text = (
        "Monsoon rains flood the old city as the river rises above its banks\n"
        "again\n" + "The water reached the market square early on Monday morning, and " * 2 + "\n"
    )
    all_runs = runs(text)
    layout = lo.read_layout(all_runs)
    first, second, third = all_runs[0][:3]
    assert (layout.first, layout.second) == (first.start, second.start)
    f = lf.transition(second, third, layout, nxt=None)
    assert {"p.second", "p.second&p.noend"} <= f and "p.first" not in f
    assert "p.second" not in lf.transition(first, second, layout)


def test_an_also_read_line_names_what_to_read_a_bare_opener_is_a_label() -> None:
    """ "Also read: <headline>" at an article's edge is boilerplate by rule; a
    bare "Read more:" (or "আরও পড়ুন", Bengali "read more", a further-reading
    heading) is a label: a cue of its own kind, no evidence of boilerplate."""
    from article2json import boilerplate as bp
    from article2json.classify import also_read, may_be_boilerplate

    for text in ("Also read: Rivers rise across the north", "इसे भी पढ़ें : बाढ़ से स्कूल बंद"):
        assert bp.names_something(text) and "cue.opener" in bf.cue_features(text)
        assert also_read(text, 9, 10)
    for text in ("Read more:", "আরও পড়ুন", "» Read more »"):
        assert not bp.names_something(text)
        assert bf.cue_features(text) == ["cue.bare-opener"]
        assert not also_read(text, 9, 10) and not may_be_boilerplate(text, 9, 10)


def test_kickers_and_menus_are_read_whole() -> None:
    from article2json import boilerplate as bp

    for kicker in (
        "BREAKING NEWS",
        "Opinion:",
        "— Exclusive —",
        "ब्रेकिंग न्यूज़",
        "عاجل",
        "Срочно",
        "BREAKING\u00a0NEWS",  # a no-break space, as scraped text has
        "🔴 LIVE",
        "[Analysis]",
    ):
        assert bp.is_kicker(kicker)
    assert not bp.is_kicker("Breaking news reached the council late on Monday.")
    assert not bp.is_kicker("News")  # a section's name as often as a kicker
    for menu in (
        "Home | News | World",
        "Home > Sport > Cricket",
        "होम | देश | दुनिया",
        "Home / News / World",
        "الرئيسية « أخبار « العالم",
        "ホーム ＞ ニュース ＞ 国際",
    ):
        assert bp.is_menu(menu)
    for notice in (
        "© 2024 Daily News",
        "Copyright 2023 Ann Lee",
        "(c) 2021 The Town Paper",
        "© 2024 «Городские новости». Все права защищены.",
        "版权所有 © 2024 每日新闻",
        "Todos los derechos reservados ©",
    ):
        assert bp.is_copyright_notice(notice)
    assert not bp.is_copyright_notice("Copyright in the drawings stays with the architects.")
    assert not bp.is_copyright_notice("The paper reserved a table for the mayor.")
    assert not bp.is_copyright_notice("All rights reserved.")  # the end of a wrapped notice
    for crumbs in ("Home | News", "Главная › Новости", "首页 ＞ 新闻", "Startseite > Politik"):
        assert bp.is_menu(crumbs)  # two items after a home page's name
    assert not bp.is_menu("Cats > Dogs")
    assert not bp.is_menu("A | B")  # two items: a choice, not a menu
    assert not bp.is_menu("posted by Ann | Wednesday, June 15, 2005 | 9:37 AM")
    assert not bp.is_menu("It rained. | It poured. | It stopped.")


def test_where_a_list_item_text_starts() -> None:
    from article2json.blocks import item_column

    assert item_column("- x") == 2
    assert item_column("•  two spaces") == 3
    assert item_column("12. twelve") == 4
    assert item_column("a) letter") == 3
    assert item_column("-5 degrees") is None  # no space after the mark
    assert item_column("Plain text") is None


def test_a_hanging_list_joins_each_item_and_keeps_the_introduction() -> None:
    from article2json.blocks import Block, is_hanging_list

    def text(*rows: tuple[int, str]) -> str:
        return Block([Line(t, 0, 0, indent) for indent, t in rows]).text()

    hung = text((0, "Three rules:"), (0, "- keep one lane"), (2, "open;"), (0, "- stop at eight."))
    assert hung == "Three rules:\n- keep one lane open;\n- stop at eight."
    # Lines back at the margin continue their item too (a wrapped list).
    assert text((0, "- one"), (2, "more"), (0, "text"), (0, "- two")) == "- one more text\n- two"
    # Lines without indents, or a single item, are left to the other joins.
    assert not is_hanging_list([Line(t, 0, 0, 0) for t in ("- one", "more", "- two")])
    assert not is_hanging_list([Line("Intro", 0, 0, 0), Line("- one", 0, 0, 0), Line("x", 0, 0, 2)])


def test_forced_starts_of_hanging_items_and_foot_menus() -> None:
    from article2json.segment import CONTINUE, FREE, START, forced_starts

    def forced(*rows: tuple[int, str]) -> list[int]:
        return list(forced_starts([Line(t, 0, 0, indent) for indent, t in rows], 20))

    # Under an item's text: continues it; back at the margin: the model's.
    assert forced((0, "- keep one lane of"), (2, "the old crossing"), (0, "Then")) == [
        START,
        CONTINUE,
        FREE,
    ]
    # An item that ends short: an indented line below going on in lower case
    # continues it, but where indents open paragraphs that is the model's.
    assert forced((0, "- one lane"), (2, "the old crossing")) == [START, CONTINUE]
    rows = [Line("- one lane", 0, 0, 0), Line("the old crossing", 0, 0, 2)]
    assert list(forced_starts(rows, 20, indents=True)) == [START, FREE]
    assert forced((0, "- one lane,"), (2, "the old crossing")) == [START, FREE]  # (a mark)
    assert forced((0, "- one lane"), (2, "The old crossing")) == [START, FREE]
    # An indented sentence after an item that ended one opens a paragraph.
    assert forced((0, "1. Stop at eight."), (4, "Work starts soon.")) == [START, FREE]
    assert forced((0, "1. Stop at eight."), (3, "and on Sundays.")) == [START, CONTINUE]
    # A menu line under a sentence starts a block; under a heading, the model's.
    assert forced((0, "It rained."), (0, "Home | News | Sport"), (0, "© 2024 Ann")) == [START] * 3
    assert forced((0, "Weather"), (0, "Home | News | Sport")) == [START, FREE]


def test_a_chinese_section_heading_stands_alone() -> None:
    """ "二、" and "（一）" open sections in Chinese documents: a short line
    that opens with one and ends no sentence is a heading, and the line
    under it starts a block too, with or without blank lines."""
    from article2json.segment import FREE, START, forced_starts, is_section_heading

    rows = ("二、停放规范", "（一）电子围栏", "车辆须停放在指定区域内。", "（二）违规处理")
    assert list(forced_starts([Line(t, 0, 0, 0) for t in rows], 40)) == [START] * 4
    assert is_section_heading("（三）监督考核") and is_section_heading("十二、附则")
    assert not is_section_heading("一、坚持党的领导，加强统筹协调。")  # an item of prose
    assert not is_section_heading("二十多年来，这里发生了变化")  # no section number
    assert list(forced_starts([Line(t, 0, 0, 0) for t in ("正文第一行", "正文")], 40)) == [
        START,
        FREE,
    ]


def test_forced_starts_keep_the_rows_of_a_table_together() -> None:
    from article2json.segment import CONTINUE, FREE, START, forced_starts

    def forced(*texts: str) -> list[int]:
        return list(forced_starts([Line(t, 0, 0, 0) for t in texts], 60))

    rows = ("Name\tAge", "Ann\t31", "Bob\t42")
    assert forced("Ages", *rows, "That is all.") == [START, START, CONTINUE, CONTINUE, START]
    assert forced(*rows) == [START, CONTINUE, CONTINUE]
    # One line with a tab is no table: the model decides around it.
    assert forced("It rained", "all\tday", "long") == [START, FREE, FREE]


def test_cjk_list_marks_are_list_items() -> None:
    from article2json.blocks import Block, is_list_item

    for item in ("・東京都", "1、第一点", "（2）第二点", "１．第一", "• x", "3) x"):
        assert is_list_item(item), item
    for text in ("2024年的预算", "一个人", "No.5 in the chart", "東京・大阪"):
        assert not is_list_item(text), text
    lines = [Line(t, 0, 0, 0) for t in ("主要内容：", "1、降低成本", "2、提高效率", "3、扩大规模")]
    assert Block(lines).text() == "主要内容：\n1、降低成本\n2、提高效率\n3、扩大规模"


def test_networks_are_named_as_whole_words_in_several_scripts() -> None:
    from article2json import boilerplate as bp

    assert bp.networks_named("мы во вконтакте и в телеграм") == {"вконтакте", "телеграм"}
    assert bp.networks_named("follow us on vk and reddit") == {"vk", "reddit"}
    assert bp.networks_named("the vkontakte-like wechat app") == {"vkontakte", "wechat"}
    assert not bp.networks_named("vkusno, redditor")  # a name inside a word is none


def test_a_list_wrapped_back_to_the_margin_keeps_an_item_a_line() -> None:
    from article2json.blocks import Block, is_wrapped_list

    def text(*rows: str) -> str:
        return Block([Line(t, 0, 0, 0) for t in rows]).text()

    assert (
        text("- keep one lane", "open;", "- stop at eight.")
        == "- keep one lane open;\n- stop at eight."
    )
    assert (
        text("Rules:", "1. keep one lane", "open;", "2. stop.")
        == "Rules:\n1. keep one lane open;\n2. stop."
    )
    assert text("・東京都の", "会議", "・大阪府") == "・東京都の会議\n・大阪府"
    # Prose that happens to put a dash or a number at a line's start is no list.
    assert not is_wrapped_list(["He paused", "- and went on.", "Then he left."])
    assert not is_wrapped_list(["- one thing", "and 2. another"])
    assert not is_wrapped_list(["- one thing", "more", "1. a number"])  # marks differ
    # Dialogue wrapped onto a dash once is prose, not a list of one more item.
    talk = ["— Ты придёшь завтра? — спросил он, глядя", "— как ему показалось — в окно.", "Ветер."]
    assert not is_wrapped_list(talk)


def test_a_word_broken_by_a_hyphen_at_a_line_end_is_joined_without_a_space() -> None:
    from article2json.blocks import join_lines
    from article2json.corpus import fold

    # PDF extracts and hard-wrapped pages break words: no space is put in
    # ("exam- ple" is two words for a search engine); the hyphen stays.
    assert join_lines(["A well-", "known problem."]) == "A well-known problem."
    assert join_lines(["Eine Donau-", "dampfschifffahrt."]) == "Eine Donau-dampfschifffahrt."
    assert join_lines(["очень дол-", "гий день"]) == "очень дол-гий день"
    assert join_lines(["An exam\u00ad", "ple."]) == "An exam\u00adple."  # a soft hyphen: invisible
    # A dash after a space, or before a capital or a digit, is no broken word.
    assert join_lines(["It was cold -", "very cold."]) == "It was cold - very cold."
    assert join_lines(["the Franco-", "Prussian war"]) == "the Franco- Prussian war"
    assert join_lines(["pages 10-", "20"]) == "pages 10- 20"
    # A suspended hyphen keeps its space ("Vor- und Nachteile").
    assert join_lines(["Die Vor-", "und Nachteile"]) == "Die Vor- und Nachteile"
    assert join_lines(["both pre-", "and post-war"]) == "both pre- and post-war"
    # The evaluation compares a truth that keeps its page's line breaks the same way.
    assert fold("Shelf-\nlife is short") == fold("Shelf-life is short") == "Shelf-life is short"
    assert fold("cold -\nvery") == "cold - very"


def test_a_list_whose_lines_are_mostly_items_keeps_its_line_breaks() -> None:
    from article2json.blocks import Block

    def text(*rows: str) -> str:
        return Block([Line(t, 0, 0, 0) for t in rows]).text()

    # Release notes: the first item is the longest line, and a short line
    # between items was not cut for room (its first word would have fitted
    # above): every line stays a line, none is glued to an item.
    for notes in (
        (
            "- Faster start-up on large projects",
            "- Dark mode for the editor",
            "Bug fixes",
            "- Fixed a crash when opening files",
            "- Fixed wrong line numbers",
        ),
        (
            "— Быстрый запуск больших проектов",
            "— Тёмная тема",
            "Исправления",
            "— Сбой при открытии",
        ),
        (
            "• Schnellerer Start großer Projekte",
            "• Dunkles Design",
            "Fehlerbehebungen",
            "• Absturz",
        ),
    ):
        assert text(*notes) == "\n".join(notes)
    # An item's line that was cut for room still joins the item.
    wrapped = ("- one item that runs long enough to wrap", "onto a second line", "- two")
    assert text(*wrapped) == "- one item that runs long enough to wrap onto a second line\n- two"


def test_a_quotation_s_marks_are_markup() -> None:
    from article2json.blocks import Block, unquote_line, unquoted

    def texts(*rows: str) -> list[str]:
        return [ln.text for ln in unquoted([Line(t, 0, 0, 0) for t in rows])]

    assert texts("> one", "> two") == ["one", "two"]
    assert texts(">one", ">", ">two") == ["one", "two"]  # a line of a mark alone goes
    assert Block([Line(t, 0, 0, 0) for t in ("> one", "two")]).text() == "> one two"  # not all
    assert unquote_line("> A line of its own") == "A line of its own"
    assert unquote_line(">50 people came") == ">50 people came"  # alone, a mark needs a space
    lines = [
        Line(t, 0, 0, 0) for t in ("> Мы выслушали всех и считаем,", "> что налог справедлив.")
    ]
    assert Block(lines).text() == "Мы выслушали всех и считаем, что налог справедлив."


def test_quotation_marks_go_in_every_path_and_only_there() -> None:
    import article2json
    from article2json.blocks import Block

    def paragraphs(text: str) -> list[str]:
        return [p for s in article2json.parse(text)["sections"] for p in s["paragraphs"]]

    # A one-line quotation, as a block of several lines is.
    assert paragraphs("Title\n\n> Hello there friend.\n\nMore.\n") == [
        "Hello there friend.",
        "More.",
    ]
    # Nested marks, and a quoted list.
    assert Block([Line(t, 0, 0, 0) for t in ("> > a", "> > b")]).text() == "a b"
    quoted_list = ("> Bring:", "> - a tent that", "> sleeps two;", "> - a stove.")
    assert Block([Line(t, 0, 0, 0) for t in quoted_list]).text() == (
        "Bring:\n- a tent that sleeps two;\n- a stove."
    )
    # A block too long to list its lines is unquoted too.
    long = Block([Line(f"> quoted line {n} of text", 0, 0, 0) for n in range(1100)]).text()
    assert ">" not in long and long.startswith("quoted line 0 of text quoted line 1")
    # An escaped mark is text.
    escaped = "# Title\n\nText.\n\n## Section\n\n\\> literal mark\n\nEnd.\n"
    assert "> literal mark" in paragraphs(escaped)


def test_prose_whose_lines_start_with_a_dash_or_a_number_is_no_list() -> None:
    from article2json.blocks import Block, is_list_item, is_wrapped_list

    prose = [
        "He said the council would meet again in the spring, said the man",
        "- quite loudly - that the plans were not finished and that the",
        "residents would be asked again before anything was built, and",
        "- some of them said so at once - that they would not agree.",
    ]
    assert not is_wrapped_list(prose)
    # A "-5" inside a list item continues it.
    # (a line cut short although the next word would have fitted keeps its
    # break: "- it froze at" / "-5 degrees" would stay two lines)
    rows = ("- it froze in the hills at", "-5 degrees in the night and", "after;", "- it thawed.")
    item = [Line(t, 0, 0, 0) for t in rows]
    assert Block(item).text() == (
        "- it froze in the hills at -5 degrees in the night and after;\n- it thawed."
    )
    # "3、4人" is three or four people, not an item.
    assert not is_list_item("3、4人が集まった")


def test_a_tab_after_a_mark_or_a_section_number_is_no_table() -> None:
    from article2json.blocks import keeps_lines
    from article2json.tables import is_table_row

    assert is_table_row("Name\tAge") and is_table_row("1\tAnn\t31")
    for text in ("2.\tMethods", "2.1\tData collection", "•\tA tent", "a)\tfirst", "IV.\tNotes"):
        assert not is_table_row(text), text
    assert keeps_lines(["Things to bring:", "•\tA tent", "•\tA stove"])


def test_forced_starts_keep_a_list_together_where_blank_lines_part_blocks() -> None:
    from article2json.segment import CONTINUE, FREE, START, forced_starts

    rows = ("- one", "- two, which", "wraps", "- three", "1. other")
    lines = [Line(t, 0, 0, 0) for t in rows]
    assert list(forced_starts(lines, 60, blanks=True)) == [START, CONTINUE, FREE, CONTINUE, FREE]
    # Without blank lines two lists may touch: the model decides.
    assert list(forced_starts(lines, 60)) == [START, FREE, FREE, FREE, FREE]


@pytest.mark.parametrize(
    "refs",
    [
        ("[1] Robertson, A. (2009). Cycling and the heart.", "[2] Formal, B. (2021). Lanes."),
        ("[1] Иванов И. (2009). Велосипед и сердце.", "[2] Петров П. (2021). Дорожки."),
        ("[1] 王明（2009）。自行车与健康。", "[2] 李华（2021）。城市车道。"),
    ],
    ids=["en", "ru", "zh"],
)
def test_a_reference_list_keeps_one_reference_a_line(refs: tuple[str, str]) -> None:
    from article2json.blocks import Block, is_list_item

    assert not any(map(is_list_item, refs))  # (no list item for the models)
    assert Block(tuple(Line(t, 0, 0, 0) for t in ("References", *refs))).text() == "\n".join(
        ("References", *refs)
    )
