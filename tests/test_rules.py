"""One test (or a few) per heuristic, with small inputs in several scripts."""

from __future__ import annotations

import regex

import article2json
from article2json.blocks import join_lines, split_blocks
from article2json.rules import classify
from article2json.scripts import count_words, dominant_script, ends_sentence

LONG_EN = "The council met on Tuesday and voted to rebuild the old bridge before winter comes."
LONG_HI = "नगर निगम ने मंगलवार को बैठक की और सर्दी से पहले पुराने पुल को फिर से बनाने का फ़ैसला किया।"


def kinds(text: str) -> list[tuple[str, str]]:
    """(kind, rule) of each block of `text`."""
    return [(k, r) for k, r in classify(split_blocks(text))]


def kinds_only(text: str) -> list[str]:
    return [k for k, _ in kinds(text)]


# --- sentence ends come from Unicode, not a list of Latin marks ---------------


def test_real_file_marks_neither_end_nor_split() -> None:
    # A right-to-left mark after the full stop still ends the sentence; a soft
    # hyphen and a tatweel stay inside their words.
    assert ends_sentence("انتهى الاجتماع.\u200f")
    assert ends_sentence("הישיבה הסתיימה.\u200e\u202c")
    assert count_words("co\u00adoperate and re\u00adbuild") == 3
    assert count_words("كـتـاب جميل") == 2
    text = f"Title\n\nانتهى الاجتماع مساء أمس بعد نقاش طويل بين الأعضاء.\u200f\n\n{LONG_EN}"
    assert kinds(text)[1] == ("paragraph", "sentence")


def test_sentence_ends_in_many_scripts() -> None:
    for text in [
        "Done.",
        "हो गया।",
        "تمام۔",
        "终于。",
        "Վերջ։",
        "ተፈጸመ።",
        "ཐོབ་ཐང་ཡོད།",
        "ኦለዎ፡፡",
        "Why?",
    ]:
        assert ends_sentence(text), text
    for text in ["जम्मू और कश्मीर का ज़िक्र", "History", "観測の方法"]:
        assert not ends_sentence(text), text


def test_closing_quotes_after_a_sentence_end() -> None:
    assert ends_sentence('He said "no."')
    assert ends_sentence("«Нет.»")


# --- title --------------------------------------------------------------------


def test_title_is_the_first_line() -> None:
    assert kinds_only(f"A short title\n\n{LONG_EN}") == ["title", "paragraph"]


def test_no_title_when_the_text_starts_with_a_lead_paragraph() -> None:
    text = f"लखनऊ : शहर में आज बारिश हुई। लोगों को राहत मिली।\n\n{LONG_HI}"
    assert kinds_only(text)[0] == "paragraph"


def test_markdown_title() -> None:
    assert kinds(f"# Title\n\n{LONG_EN}")[0] == ("title", "markdown-title")
    assert article2json.parse(f"# Title #\n\n{LONG_EN}")["title"] == "Title"


# --- headings ---------------------------------------------------------------------


def test_short_unpunctuated_line_before_text_is_a_heading() -> None:
    for heading, body in [("The flood of 1998", LONG_EN), ("बाढ़ का असर", LONG_HI)]:
        text = f"Title\n\n{body}\n\n{heading}\n\n{body}"
        assert kinds(text)[2] == ("heading", "short-line"), heading


def test_a_line_ending_a_sentence_is_not_a_heading() -> None:
    assert kinds_only(f"Title\n\n{LONG_EN}\n\nIt rained.\n\n{LONG_EN}")[2] == "paragraph"


def test_markdown_and_setext_headings_lose_their_markup() -> None:
    a = article2json.parse(
        f"Title\n\n{LONG_EN}\n\n## Costs ##\n\n{LONG_EN}\n\nPlans\n-----\n\n{LONG_EN}"
    )
    assert [s["heading"] for s in a["sections"]] == [None, "Costs", "Plans"]


def test_numbered_headings_with_full_stops() -> None:
    body = "Свако има право на живот, слободу и безбедност личности."
    text = "Декларација\n\n" + "\n\n".join(f"Члан {n}.\n\n{body}" for n in range(1, 5))
    assert kinds_only(text) == ["title"] + ["heading", "paragraph"] * 4


def test_a_series_of_alike_short_lines_are_headings() -> None:
    body = "Ẹnikẹ́ni ní ẹ̀tọ́ sí ìgbésí ayé, òmìnira àti ààbò ara rẹ̀ láìsí ìdíwọ́."
    names = ["kìíní", "kejì", "kẹta", "kẹrin"]
    text = "Ìkéde\n\n" + "\n\n".join(f"Abala {n}.\n\n{body}" for n in names)
    assert kinds_only(text) == ["title"] + ["heading", "paragraph"] * 4


def test_colon_label_and_short_question_headings() -> None:
    assert kinds(f"Title\n\n{LONG_EN}\n\nভূখণ্ড:\n\n{LONG_EN}")[2] == (
        "heading",
        "colon-or-question",
    )
    assert kinds(f"Title\n\n{LONG_EN}\n\nWhat happens next?\n\n{LONG_EN}")[2][0] == "heading"


def test_stacked_headings() -> None:
    text = f"Title\n\n{LONG_EN}\n\nHistory\n\nEarly years of the town\n\n{LONG_EN}"
    assert kinds(text)[2:4] == [("heading", "stacked-heading"), ("heading", "short-line")]


def test_list_items_quotes_and_bylines_are_not_headings() -> None:
    for line in [
        "- a new bridge",
        "1. नागमोडी वळणे",
        '"A quoted line"',
        "By John Smith",
        "(an aside)",
        '<ol start="17">',
    ]:
        assert kinds_only(f"Title\n\n{LONG_EN}\n\n{line}\n\n{LONG_EN}")[2] == "paragraph", line


def test_a_line_in_lower_case_is_no_heading_where_the_article_capitalises() -> None:
    body = "Компанія випустила нову версію сервера баз даних на початку року."
    text = f"Історія\n\n{body}\n\nнові можливості\n\nОпис продуктів\n\n{body}"
    assert kinds_only(text)[2:4] == ["paragraph", "heading"]
    # Georgian running text is lower case (its capitals are for titles in caps)
    body_ka = "დღეს თბილისში ახალი პარკი გაიხსნა. პარკი ქალაქის ცენტრში მდებარეობს."
    assert kinds_only(f"სათაური\n\n{body_ka}\n\nპარკის ისტორია\n\n{body_ka}")[2] == "heading"


def test_where_paragraphs_end_without_a_mark_only_a_compact_line_is_a_heading() -> None:
    # Thai ends no sentence with a mark: a 64-letter line between paragraphs
    # is a paragraph, a 15-letter one a heading.
    long_th = (
        "รถไฟฟ้าสายนี้มีทั้งหมดสามสิบสถานี เชื่อมต่อกับรถไฟฟ้าสายอื่นอีกสามสาย"
        " ผู้โดยสารสามารถเปลี่ยนสายได้ที่สถานีร่วมโดยไม่ต้องออกจากระบบ"
        " ซึ่งจะทำให้การเดินทางสะดวกขึ้นมาก"
    )
    said = "ผู้ว่าราชการกรุงเทพมหานครกล่าวว่าโครงการนี้จะช่วยลดปัญหาการจราจร"
    text = f"รถไฟฟ้าสายใหม่\n\n{long_th}\n\n{said}\n\n{long_th}\n\nเส้นทางและสถานี\n\n{long_th}"
    assert kinds_only(text) == [
        "title",
        "paragraph",
        "paragraph",
        "paragraph",
        "heading",
        "paragraph",
    ]
    # the same line in an article that marks its sentences is a heading
    marked = text.replace("ระบบ", "ระบบ.").replace("มาก", "มาก.")
    assert kinds_only(marked)[2] == "heading"


def test_a_line_that_continues_the_sentence_is_not_a_heading() -> None:
    text = "Title\n\nConsidering all this,\n\nTHE GENERAL ASSEMBLY\n\nproclaims this declaration."
    assert kinds_only(text)[2] == "paragraph"


def test_a_continued_sentence_goes_on_until_it_ends() -> None:
    # Three lines of one sentence, the last two without any mark: the chain of
    # continuations holds, so none of them becomes a heading (Yiddish).
    text = (
        f"Title\n\n{LONG_EN}\n\nהיות װי אַלע פֿעלקער דאַרפֿן דאָס פֿאַרשטײן,\n\n"
        "אָט דערפֿאַר\n\nפּראָקלאַמירט די פֿאַרזאַמלונג\n\n" + LONG_EN
    )
    assert kinds(text)[3:5] == [("paragraph", "continuation"), ("paragraph", "continuation")]


def test_a_numbered_heading_is_no_continuation() -> None:
    # "Article 6" after a clause ending with the Ethiopic comma is still a heading.
    body = "ሕድሕድ ሰብ ኦብ ቅድሚ ሕጊ ክፍለጥ መሰል ኦለዎ፡፡"
    text = "Title\n\n" + "\n\n".join(f"ዓንቀፅ {n}\n\n{body}" for n in range(1, 6))
    text = text.replace(body, "ሕድሕድ ሰብ ኦብ ቅድሚ ሕጊ ክፍለጥ፣", 1)
    assert [k for k, _ in kinds(text)][1::2] == ["heading"] * 5


def test_outside_a_numbered_series_a_short_line_is_text() -> None:
    body = "Every person has the right to a fair hearing by a court of law."
    articles = [f"Article {n}\n\n{body}" for n in range(1, 7)]
    articles.insert(3, f"Marriage only with free and full consent\n\n{body}")
    text = f"Declaration\n\nPreamble\n\n{LONG_EN}\n\n" + "\n\n".join(articles)
    got = kinds(text)
    assert got[1] == ("heading", "short-line")  # before the series begins
    assert ("paragraph", "outside-series") in got
    assert sum(k == "heading" for k, _ in got) == 7


def test_a_lone_lettered_line_is_no_list_item() -> None:
    # "प. बंगाल" is West Bengal, not item (a) of a list; beside another item it is one.
    headline = "प. बंगाल: अधिकारी की कोरोना से मौत"
    assert kinds(f"Title\n\n{LONG_HI}\n\n{headline}\n\n{LONG_HI}")[2][0] == "heading"
    items = "क. पहला बिंदु\n\nख. दूसरा बिंदु"
    assert kinds_only(f"Title\n\n{LONG_HI}\n\n{items}\n\n{LONG_HI}")[2:4] == [
        "paragraph",
        "paragraph",
    ]


def test_a_short_exclamation_heading() -> None:
    got = kinds(f"Title\n\n{LONG_HI}\n\nकोरोना दवा की खोज पूरी !\n\n{LONG_HI}")
    assert got[2] == ("heading", "colon-or-question")


def test_longer_colon_labels_when_the_article_uses_them() -> None:
    label = "বাসস্থান, তাপমাত্রা ও অন্যান্য:"  # four words
    alone = f"Title\n\n{LONG_HI}\n\n{label}\n\n{LONG_HI}"
    assert kinds_only(alone)[2] == "paragraph"
    series = f"Title\n\n{LONG_HI}\n\nভূখণ্ড:\n\n{LONG_HI}\n\nআইনি অবস্থা:\n\n{LONG_HI}"
    assert kinds_only(f"{series}\n\n{label}\n\n{LONG_HI}")[6] == "heading"
    # right after a heading, such a line opens the section's text
    assert kinds_only(f"{series}\n\nপরিবেশ\n\n{label}\n\n{LONG_HI}")[7] == "paragraph"


def test_colon_labels_in_scripts_without_spaces_are_measured_in_characters() -> None:
    long_lao = "ກອງປະຊຸມໃຫຍ່ຈື່ງປະກາດວ່າ:"  # one "word", 25 characters
    assert kinds_only(f"Title\n\n{LONG_EN}\n\n{long_lao}\n\n{LONG_EN}")[2] == "paragraph"
    assert kinds_only(f"Title\n\n{LONG_EN}\n\nあらすじ：\n\n{LONG_EN}")[2] == "heading"


def test_a_lone_word_is_no_item_of_an_alike_list() -> None:
    # "DVD" under "DVD / Blu-ray" is a sub-heading, not the next item of a list.
    text = f"Title\n\n{LONG_EN}\n\nDVD / Blu-ray\n\nDVD\n\n{LONG_EN}"
    assert kinds(text)[2:4] == [("heading", "stacked-heading"), ("heading", "short-line")]
    items = f"Title\n\n{LONG_EN}\n\nDrama - The Hours\n\nDrama - Vera Drake\n\n{LONG_EN}"
    assert kinds_only(items)[2:4] == ["paragraph", "paragraph"]


def test_a_stacked_heading_after_a_long_sentence_ending_with_a_colon() -> None:
    intro = "Other explanations of the ancient name have been proposed by historians:"
    text = f"Title\n\n{LONG_EN}\n\n{intro}\n\nPolitics\n\nAfrican Union\n\n{LONG_EN}"
    assert kinds(text)[3] == ("heading", "stacked-heading")
    listed = f"Title\n\n{LONG_EN}\n\nMembers:\n\nJohn Smith\n\nHistory\n\n{LONG_EN}"
    assert kinds_only(listed)[3] == "paragraph"  # the one item a label announces


def test_a_closing_list_opens_with_a_heading() -> None:
    text = f"Title\n\n{LONG_EN}\n\n{LONG_EN}\n\nSee also\n\nList of bridges\n\nOld Town"
    assert kinds(text)[3:] == [
        ("heading", "closing-list"),
        ("paragraph", "default"),
        ("paragraph", "default"),
    ]


def test_compact_phrase_closed_by_a_shad_is_short() -> None:
    body = "འགྲོ་བ་མི་ཡོངས་རྫོགས་ རང་དབང་དང་ལྡན་ཞིང་ ཆེ་མཐོང་དང་ཐོབ་ཐང་འདྲ་མཉམ་དུ་སྐྱེས་ཡོད།"
    assert kinds_only(f"Title\n\n{body}\n\nགླེང་གཞི།\n\n{body}")[2] == "heading"
    phrase = "དེ་འབདཝ་ལས་ ད་ལས་ཕར།"  # "therefore, from now on": two phrases, 20 letters
    assert kinds_only(f"Title\n\n{body}\n\n{phrase}\n\n{body}")[2] == "paragraph"


# --- the lines of a block --------------------------------------------------------


def texts(text: str) -> list[str]:
    return [b.text() for b in split_blocks(text)]


def test_one_paragraph_per_line_without_blank_lines() -> None:
    # No blank line anywhere: lines longer than any wrapping width end where
    # their author ended them (Arabic, as in the raw news files).
    para = (
        "افتتح اليوم معرض تونس الدولي للكتاب بمشاركة مئات الناشرين من أكثر من ثلاثين بلدا"
        " عربيا وأجنبيا، ويستمر عشرة أيام."
    )
    assert len(para) > 100
    text = f"افتتاح معرض الكتاب\n{para}\nبرنامج المعرض\n{para}\n"
    assert texts(text) == ["افتتاح معرض الكتاب", para, "برنامج المعرض", para]
    assert kinds_only(text) == ["title", "paragraph", "heading", "paragraph"]


def test_short_lines_that_each_end_a_sentence_are_paragraphs() -> None:
    lines = [f"Sentence number {n} of the report stands on a line." for n in range(4)]
    assert texts("\n".join(lines)) == lines


def test_a_wrapped_paragraph_stays_one() -> None:
    wrapped = (
        "The council on Tuesday approved plans for a new bridge over the river,\n"
        "ending a debate that had lasted more than ten years. It divided the\n"
        "residents of both banks, and the vote was close.\n"
    )
    assert texts(wrapped) == [" ".join(wrapped.split())]


def test_a_long_link_on_its_own_line_is_no_sign_of_unwrapped_text() -> None:
    link = "https://example.org/" + "a" * 120
    text = f"The full report, with all its tables, can be read\nat {link}\nand on paper."
    assert len(split_blocks(text)) == 1


def test_a_heading_pasted_above_its_paragraph() -> None:
    text = f"पुल पर यातायात\n{LONG_HI}"
    assert texts(text) == ["पुल पर यातायात", LONG_HI]
    # a line that ends a sentence is no heading: the block stays as it is
    assert len(split_blocks(f"Done.\n{LONG_EN}")) == 1


def test_list_items_keep_their_line_breaks() -> None:
    assert texts("What came after:\n- a new bridge\n- a levee") == [
        "What came after:\n- a new bridge\n- a levee"
    ]
    assert texts("Город\tНаселение\nКазань\t1,3 млн") == ["Город\tНаселение\nКазань\t1,3 млн"]


def test_right_after_the_title_only_a_compact_heading() -> None:
    standfirst = "Japanese brewers are increasingly making money from beer-flavoured drinks"
    assert kinds_only(f"Title\n\n{standfirst}\n\n{LONG_EN}")[1] == "paragraph"
    assert kinds_only(f"Title\n\nPreamble\n\n{LONG_EN}")[1] == "heading"


# --- boilerplate ------------------------------------------------------------------


def test_bracketed_promo_at_the_end() -> None:
    text = f"Title\n\n{LONG_HI}\n\n(बीबीसी हिन्दी के ऐप के लिए यहां क्लिक करें.)"
    assert kinds(text)[-1] == ("boilerplate", "bracketed-tail")


def test_boilerplate_cues() -> None:
    cases = {
        "इसे भी पढ़ें : राजस्थान में बढ़े मरीज": "also-read",
        "Also read: How the bridge was built": "also-read",
        "कोरोना की हर Breaking News in Hindi से अपडेट रहने के लिए बने रहें हमारे साथ.": "promo-phrase",
        "For the latest news follow us on Facebook": "promo-phrase",
        "हमारे साथ जुड़ें: फेसबुक और ट्विटर": "social-call",
        "Photos by @towndaily": "link-or-handle",
        "© 2024 Town Daily": "link-or-handle",
    }
    for line, rule in cases.items():
        assert kinds(f"Title\n\n{LONG_EN}\n\n{line}\n\n{LONG_EN}")[2] == ("boilerplate", rule), line


def test_author_tagline_closes_the_article() -> None:
    line = "Bill Thompson is a regular commentator on the BBC World Service programme Go Digital."
    assert kinds(f"Title\n\n{LONG_EN}\n\n{LONG_EN}\n\n{line}")[-1] == (
        "boilerplate",
        "author-tagline",
    )


def test_long_paragraph_naming_networks_stays_text() -> None:
    para = " ".join([LONG_EN] * 4) + " Facebook and Twitter said they would follow the rules."
    assert kinds_only(f"Title\n\n{para}")[1] == "paragraph"


# --- words, scripts, joining -------------------------------------------------


def test_words_follow_unicode_rules() -> None:
    hindi = "हिन्दी में समाचार पढ़ें क्ष\u200dत्र"
    assert count_words(hindi) == len(regex.findall(r"\w+", hindi)) == 5
    assert count_words("日本語です") == 5  # a letter of a script without spaces is a word
    assert count_words("ສິດ ມະນຸດ") == 6


def test_dominant_script() -> None:
    assert dominant_script("Новый мост (bridge) открыт") == "Cyrillic"
    assert dominant_script("𑄃𑄬𑄘𑄖𑄳𑄠𑄴") == "Chakma"
    assert dominant_script("1234 !!") == "Unknown"


def test_wrapped_lines_are_joined_by_script() -> None:
    assert join_lines(["The water rose", "for nine days."]) == "The water rose for nine days."
    assert join_lines(["発表した。", "平年より"]) == "発表した。平年より"
    assert join_lines(["खबर", "News"]) == "खबर News"


def test_zero_width_joiners_stay_inside_words() -> None:
    a = article2json.parse("महाराष्\u200dट्र में बारिश\n\nराज्\u200dय में आज बारिश हुई।")
    assert a["title"] == "महाराष्\u200dट्र में बारिश"
    assert a["stats"]["words"] == 8


def test_cue_search_gives_the_same_answer_before_and_after_it_compiles() -> None:
    from article2json import boilerplate as bp

    samples = [
        "follow us on twitter",
        "हमें फेसबुक पर फॉलो करें",
        "see www.example.org",
        "a plain sentence",
        "© 2024",
        "नगर निगम ने बैठक की",
        "",
    ]
    expected = [any(c in s for c in bp.CUES) for s in samples]
    assert any(expected) and not all(expected)
    bp._cue_search.pattern, bp._cue_search.calls = None, 0
    substrings = [bp.has_cue(s) for s in samples]
    assert bp._cue_search.pattern is None
    bp._cue_search.calls = bp._CUE_COMPILE_AFTER
    compiled = [bp.has_cue(s) for s in samples]
    assert bp._cue_search.pattern is not None
    assert substrings == compiled == expected


def test_shortcuts_below_thai_agree_with_unicode() -> None:
    # Two shortcuts rest on facts about the characters below U+0E00 (Thai, the
    # first script counted letter by letter): none is a letter of a script
    # written without spaces, and every identifier character there but the two
    # middle dots is a word character.
    from article2json.scripts import (
        EDGE_PUNCTUATION,
        NO_SPACE_CHAR,
        NO_SPACE_FROM,
        WORD,
        _token_words,
    )

    below = [chr(c) for c in range(0x80, ord(NO_SPACE_FROM))]
    assert not any(NO_SPACE_CHAR.p.match(c) for c in below)
    for c in below:
        token = "a" + c
        if token.isidentifier():
            expected = sum(1 for _ in WORD.p.finditer(token))
            assert _token_words(token.encode()) == expected, hex(ord(c))
    assert not any(WORD.p.search(c) for c in EDGE_PUNCTUATION)
    # Above, the shortcut asks each character whether it is of a counted
    # script: checked on every character up to U+3000 and every 16th beyond
    # (the whole range was checked once, with three token shapes: 0 errors).
    points = [*range(ord(NO_SPACE_FROM), 0x3000), *range(0x3000, 0x110000, 16)]
    for c in (chr(p) for p in points if not 0xD800 <= p <= 0xDFFF):
        token = "a" + c
        assert _token_words(token.encode()) == sum(1 for _ in WORD.p.finditer(token)), hex(ord(c))
    for token in ["“है।”", "।", "—", "«слово»", "x·y", "كلمة؟", "२०१९", "2019", "a_b"]:
        assert _token_words(token.encode()) == sum(1 for _ in WORD.p.finditer(token)), token
