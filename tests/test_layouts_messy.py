"""Small hand-written articles laid out as real files are (wrapped at
several widths, indented paragraphs, one paragraph a line, CRLF), in several
scripts: the paragraphs, headings and title must come out the same."""

from __future__ import annotations

import pytest

import article2json
from article2json.corpus import Labelled, fold
from article2json.layouts import LAYOUTS, lay_out, wrap

EN = (
    Labelled("Council approves new bridge after long debate", "title"),
    Labelled(
        "The city council on Tuesday approved plans for a new bridge over the river, ending "
        "a debate that had lasted more than ten years and divided residents of both banks. "
        "Opponents said the bridge would bring more traffic into the old town.",
        "paragraph",
    ),
    Labelled(
        "Supporters argued it would cut journey times by half, and that the old crossing, "
        "built in 1890, could no longer carry the buses that now use it every few minutes "
        "of the day.",
        "paragraph",
    ),
    Labelled("What happens next", "heading"),
    Labelled(
        "Construction is expected to start in the spring and to take three years. The "
        "council will publish the contracts next month, and residents may comment on them "
        "until the end of the year.",
        "paragraph",
    ),
)
HI = (
    Labelled("नदी पर नये पुल को मंज़ूरी, दस साल की बहस ख़त्म", "title"),
    Labelled(
        "नगर परिषद ने मंगलवार को नदी पर एक नये पुल की योजना को मंज़ूरी दे दी। इससे दस साल से "
        "चल रही वह बहस ख़त्म हो गयी जिसने दोनों किनारों के निवासियों को बाँट दिया था। विरोधियों "
        "का कहना था कि पुल से पुराने शहर में यातायात बढ़ेगा।",
        "paragraph",
    ),
    Labelled("आगे क्या होगा", "heading"),
    Labelled(
        "निर्माण वसंत में शुरू होने और तीन साल चलने की उम्मीद है। परिषद अगले महीने ठेके प्रकाशित "
        "करेगी और निवासी साल के अंत तक उन पर अपनी राय दे सकेंगे।",
        "paragraph",
    ),
)
RU = (
    Labelled("Совет одобрил строительство нового моста", "title"),
    Labelled(
        "Городской совет во вторник одобрил планы строительства нового моста через реку, "
        "положив конец спорам, которые длились больше десяти лет и разделили жителей обоих "
        "берегов. Противники говорили, что мост принесёт в старый город больше машин.",
        "paragraph",
    ),
    Labelled("Что дальше", "heading"),
    Labelled(
        "Строительство должно начаться весной и занять три года. Совет опубликует договоры "
        "в следующем месяце, и жители смогут обсуждать их до конца года.",
        "paragraph",
    ),
)


def structure(data: bytes) -> tuple[str | None, list[tuple[str | None, list[str]]]]:
    a = article2json.parse(data)
    sections = [
        (fold(s["heading"]), [str(fold(p)) for p in s["paragraphs"]]) for s in a["sections"]
    ]
    return fold(a["title"]), sections


def expected(blocks: tuple[Labelled, ...]) -> tuple[str | None, list[tuple[str | None, list[str]]]]:
    text = "\n\n".join(b.text for b in blocks) + "\n"
    return structure(text.encode())


@pytest.mark.parametrize("blocks", [EN, HI, RU], ids=["en", "hi", "ru"])
@pytest.mark.parametrize(
    "layout", ["wrap60", "wrap80", "wrap110", "wrap140", "lines", "indented", "tight", "flat"]
)
def test_wrapped_and_one_per_line_layouts_give_the_clean_structure(
    blocks: tuple[Labelled, ...], layout: str
) -> None:
    title, sections = expected(blocks)
    assert title == fold(blocks[0].text)
    assert [h for h, _ in sections] == [None, fold(blocks[-2].text)]
    laid = lay_out(blocks, layout, seed=3)
    assert structure(laid.text.encode()) == (title, sections)


def test_a_wide_wrap_keeps_paragraphs_whole() -> None:
    """Wrapped at 132 columns, a paragraph is not one paragraph per line."""
    body = " ".join(b.text for b in EN[1:3])
    text = EN[0].text + "\n\n" + "\n".join(wrap(body, 132)) + "\n"
    _, sections = structure(text.encode())
    assert len(sections[0][1]) == 1


def test_crlf_and_trailing_blanks_change_nothing() -> None:
    text = "\n\n".join(b.text for b in RU) + "\n"
    messy = text.replace("\n", " \t\r\n").encode()
    assert structure(messy) == structure(text.encode())


def test_markdown_headings_are_headings_whatever_the_model_thinks() -> None:
    text = "# Bridge approved\n\n## 1. Why it matters.\n\nThe river rose.\n"
    a = article2json.parse(text, blocks=True, explain=True)
    assert a["title"] == "Bridge approved"
    assert [s["heading"] for s in a["sections"]] == ["1. Why it matters."]
    assert [b["rule"] for b in a.get("blocks", [])][:2] == ["markdown-heading"] * 2


def test_a_mid_article_paragraph_with_a_link_or_a_network_stays_in_the_body() -> None:
    paragraphs = [
        "The council said it would publish the plans at https://example.org/bridge soon.",
        "Residents were asked to follow the debate on Facebook and Twitter this week.",
        "Copyright of the drawings stays with the architects, the council said today.",
        "Advertisements for the tender will appear in local papers next month.",
    ]
    text = "Bridge approved\n\n" + "\n\n".join(paragraphs + ["Work starts in spring."] * 5) + "\n"
    a = article2json.parse(text)
    assert a["boilerplate"] == []
    assert a["sections"][0]["paragraphs"][:4] == paragraphs


@pytest.mark.parametrize("blocks", [EN, HI, RU], ids=["en", "hi", "ru"])
@pytest.mark.parametrize("layout", ["wrap80", "indented", "lines", "tight", "flat"])
def test_a_bracketed_promo_under_the_last_paragraph_stands_apart(
    blocks: tuple[Labelled, ...], layout: str
) -> None:
    """In a file without blank lines too, a promotion in brackets under the
    last paragraph is not glued to it (ASCII or full-width brackets)."""
    title, sections = expected(blocks)
    for promo in (
        "(Follow us on Facebook for more stories like this one.)",
        "（欢迎关注我们的微信公众号，获取更多新闻）",
        "(हमें फ़ेसबुक पर फ़ॉलो करें।)",
    ):
        laid = lay_out([*blocks, Labelled(promo, "boilerplate")], layout, seed=11)
        a = article2json.parse(laid.text)
        assert a["boilerplate"] == [promo], (layout, promo)
        assert structure(laid.text.encode()) == (title, sections)


def test_a_bracketed_promo_at_the_end_is_boilerplate_in_several_scripts() -> None:
    for promo in (
        "(Follow us on Facebook and Twitter for more news.)",
        "(हमें फ़ेसबुक और ट्विटर पर फ़ॉलो करें।)",
        "(تابعونا على فيسبوك وتويتر)",
        "（欢迎关注我们的微信）",
        "(Sign up for our free weekly newsletter.)",
        "(Suscríbete a nuestro boletín semanal gratuito.)",
        "(Abonnieren Sie unseren kostenlosen Newsletter.)",
        "(Подписывайтесь на наш канал во ВКонтакте.)",
        "（欢迎订阅我们的每周通讯。）",
        "（メルマガの配信を希望される方はこちら）",
    ):
        text = f"{EN[0].text}\n\n{EN[1].text}\n\n{EN[2].text}\n\n{promo}\n"
        a = article2json.parse(text, blocks=True, explain=True)
        assert a["boilerplate"] == [promo]
        assert a.get("blocks", [])[-1]["rule"] == "bracketed-promo"
    # Without brackets, a short promotion at the edge (phrases kept as data).
    promo = "欢迎关注我们的微信公众号，获取更多财经新闻"
    text = f"{EN[0].text}\n\n{EN[1].text}\n\n{EN[2].text}\n\n{promo}\n"
    a = article2json.parse(text, blocks=True, explain=True)
    assert a["boilerplate"] == [promo]
    assert a.get("blocks", [])[-1]["rule"] == "edge-cue"
    # An aside in brackets that names none of these stays text.
    for aside in (
        "(The decree was signed by the president.)",
        "(Указ подписан президентом.)",
        "(The service now has more than two million subscribers.)",
    ):
        text = f"{EN[0].text}\n\n{EN[1].text}\n\n{EN[2].text}\n\n{aside}\n"
        assert article2json.parse(text)["boilerplate"] == [], aside


@pytest.mark.parametrize("blocks", [EN, HI, RU], ids=["en", "hi", "ru"])
@pytest.mark.parametrize("layout", ["clean", "wrap80", "indented", "lines"])
def test_a_kicker_or_a_menu_above_the_headline_is_front_matter(
    blocks: tuple[Labelled, ...], layout: str
) -> None:
    """A kicker ("BREAKING NEWS", phrases kept as data) or a navigation line
    above the headline is boilerplate, and the headline is still the title;
    the rest of the article comes out as without them."""
    title, sections = expected(blocks)
    for front in (
        ("BREAKING NEWS",),
        ("ब्रेकिंग न्यूज़",),
        ("Срочно:",),
        ("Home | News | World",),
        ("Главная › Новости › Город",),
        ("Opinion", "Home | World | Sport | Video"),
        ("Interview",),
        ("深度报道",),
        ("Entretien",),
    ):
        laid = lay_out([Labelled(f, "boilerplate") for f in front] + list(blocks), layout, seed=5)
        a = article2json.parse(laid.text, blocks=True, explain=True)
        assert a["boilerplate"] == list(front)
        assert [b["rule"] for b in a.get("blocks", [])][: len(front)] == [
            "kicker" if "|" not in f and "›" not in f else "menu" for f in front
        ]
        assert structure(laid.text.encode()) == (title, sections)


def test_front_matter_above_a_markdown_title() -> None:
    """In a Markdown document too, a kicker or a menu above the `#` title is
    front matter, and the `#` heading is the title."""
    for front in ("BREAKING NEWS", "## Opinion", "Home | News | World"):
        text = f"{front}\n\n# Floods hit the valley\n\nRain fell.\n\n## Aftermath\n\nIt rose.\n"
        a = article2json.parse(text)
        assert a["title"] == "Floods hit the valley"
        assert a["boilerplate"] == [front]
        assert [s["heading"] for s in a["sections"]] == [None, "Aftermath"]


def test_a_headline_that_reads_like_a_menu_is_the_title_above_a_paragraph() -> None:
    """Three short items between ">" above the first paragraph are a
    headline; above a short block (the headline) they are a breadcrumb."""
    for headline in ("Cats > Dogs > Goldfish", "Кошки › Собаки › Рыбки"):
        a = article2json.parse(f"{headline}\n\n{EN[1].text}\n\n{EN[2].text}\n")
        assert (a["title"], a["boilerplate"]) == (headline, [])
        a = article2json.parse(f"{headline}\n\n{EN[0].text}\n\n{EN[1].text}\n")
        assert (a["title"], a["boilerplate"]) == (EN[0].text, [headline])


def test_a_kicker_word_inside_the_article_is_text() -> None:
    """Only the first blocks can be front matter, and only whole: "Analysis"
    as a section heading and a sentence that opens with "Breaking news" stay."""
    text = (
        f"{EN[0].text}\n\nBreaking news reached the council late on Monday.\n\n"
        f"{EN[1].text}\n\nAnalysis\n\n{EN[2].text}\n\n{EN[4].text}\n"
    )
    a = article2json.parse(text)
    assert a["title"] == EN[0].text and a["boilerplate"] == []
    assert "Analysis" in [s["heading"] for s in a["sections"]]
    # Nothing is set aside when nothing would be left.
    for alone in ("BREAKING NEWS", "Home | News | World"):
        assert article2json.parse(alone + "\n")["title"] == alone


def test_a_menu_line_at_the_foot_is_boilerplate_and_a_byline_with_bars_is_not() -> None:
    body = "\n\n".join(b.text for b in EN)
    a = article2json.parse(body + "\n\nAbout us | Contact | Privacy policy | Terms\n")
    assert a["boilerplate"] == ["About us | Contact | Privacy policy | Terms"]
    byline = "posted by Ann | Wednesday, June 15, 2005 | 9:37 AM"
    assert article2json.parse(body + "\n\n" + byline + "\n")["boilerplate"] == []


@pytest.mark.parametrize("blocks", [EN, HI, RU], ids=["en", "hi", "ru"])
@pytest.mark.parametrize(
    "layout", ["clean", "wrap60", "wrap110", "lines", "indented", "tight", "flat"]
)
def test_foot_lines_are_boilerplate_in_every_layout(
    blocks: tuple[Labelled, ...], layout: str
) -> None:
    """A navigation line or a short copyright notice at the foot is set
    apart, even in a file without blank lines (where the menu would
    otherwise be glued to the last paragraph), and the article is as without
    them."""
    title, sections = expected(blocks)
    for foot in (
        ("Home | News | Weather | Sport",),
        ("© 2024 Daily News",),
        ("Главная › Новости › Город", "© 2024 «Городские новости». Все права защищены."),
        ("© 2024 Daily News", "Home | News | Weather | Sport"),
        ("होम | देश | दुनिया | खेल",),
    ):
        laid = lay_out(list(blocks) + [Labelled(f, "boilerplate") for f in foot], layout, seed=7)
        a = article2json.parse(laid.text)
        assert a["boilerplate"] == list(foot), (layout, foot)
        assert structure(laid.text.encode()) == (title, sections)


def test_a_copyright_line_inside_the_article_is_text() -> None:
    """Only a short notice as the last block is boilerplate: a sentence
    about copyright, or a notice above more text, is the article's."""
    long = "Copyright in the drawings stays with the architects, who were paid in 2019 for them."
    for tail in (long, EN[4].text):
        text = "\n\n".join([EN[0].text, EN[1].text, EN[2].text, "© 2024 Daily News"])
        text += "\n\n" + tail + "\n"
        a = article2json.parse(text)
        assert a["boilerplate"] == [], tail


LIST_INTRO = {
    "en": "The council approved the bridge on Tuesday after a long debate. Three "
    "conditions were attached to the approval:",
    "ru": "Совет одобрил мост во вторник после долгих споров. К решению приложены три условия:",
    "hi": "परिषद ने लंबी बहस के बाद मंगलवार को पुल को मंज़ूरी दी। मंज़ूरी के साथ तीन शर्तें रखी गयीं:",
}
LIST_ITEMS = {
    "en": (
        "the builder must keep one lane of the old crossing open at all times during the works;",
        "noise must stop at eight in the evening on weekdays and all day on Sundays;",
        "the council will publish the contracts next month.",
    ),
    "ru": (
        "подрядчик должен держать одну полосу старой переправы открытой всё время работ;",
        "шум должен прекращаться в восемь вечера по будням и весь день по воскресеньям;",
        "совет опубликует договоры в следующем месяце.",
    ),
    "hi": (
        "ठेकेदार को काम के दौरान पुराने पुल की एक लेन हर समय खुली रखनी होगी;",
        "कामकाज के दिनों में शाम आठ बजे के बाद और रविवार को पूरे दिन शोर बंद रहेगा;",
        "परिषद अगले महीने ठेके प्रकाशित करेगी।",
    ),
}


def hanging_list(lang: str, width: int, mark: str, indent: str | None) -> str:
    """An article whose list items wrap under their own text; paragraphs
    set apart by blank lines, or (`indent`) by a first-line indent."""
    out = [EN[0].text] + ([] if indent else [""])

    def paragraph(text: str) -> None:
        lines = wrap(text, width - len(indent or ""))
        out.extend([(indent or "") + lines[0], *lines[1:]] + ([] if indent else [""]))

    paragraph(LIST_INTRO[lang])
    for n, item in enumerate(LIST_ITEMS[lang], 1):
        head = mark.format(n)
        first, *rest = wrap(head + item, width)
        out.append(first)
        out.extend(" " * len(head) + ln for ln in wrap(" ".join(rest), width - len(head)) if rest)
    if not indent:
        out.append("")
    paragraph(EN[4].text)
    return "\n".join(out) + "\n"


@pytest.mark.parametrize("lang", ["en", "ru", "hi"])
@pytest.mark.parametrize("indent", [None, "    ", "\t"], ids=["blanks", "indent4", "tab"])
def test_list_items_that_wrap_under_their_text_stay_whole(lang: str, indent: str | None) -> None:
    """A hanging indent continues the item above it: each item comes out
    whole, a line of its own (in one paragraph with the other items, or
    with the line that introduces the list, as the web corpus has lists),
    and the paragraph after the list is its own. (Indented paragraphs are read from 50 columns: the model is
    trained on files wrapped at 60 and more.)"""
    for width in (36, 50, 72) if indent is None else (50, 72):
        for mark in ("- ", "{}. ", "• "):
            items = [mark.format(n) + item for n, item in enumerate(LIST_ITEMS[lang], 1)]
            a = article2json.parse(hanging_list(lang, width, mark, indent))
            paragraphs = [p for s in a["sections"] for p in s["paragraphs"]]
            where = (width, mark)
            assert a["title"] == EN[0].text, where
            assert paragraphs[-1] == EN[4].text, where
            lines = [ln for p in paragraphs for ln in p.split("\n")]
            assert all(item in lines for item in items), where


def test_explain_gives_the_model_strongest_features() -> None:
    text = "\n\n".join(b.text for b in EN) + "\n"
    a = article2json.parse(text, blocks=True, explain=True)
    rules = [b["rule"] for b in a.get("blocks", [])]
    assert all(r.startswith("model: ") for r in rules)
    assert any("+" in r for r in rules)


def test_every_layout_is_known() -> None:
    assert LAYOUTS[0] == "clean" and len(set(LAYOUTS)) == len(LAYOUTS)
    for layout in LAYOUTS:
        laid = lay_out(EN, layout, seed=1)
        assert len(laid.starts) == len(laid.block_of_line)
        assert sum(laid.starts) == len(EN)


def test_in_a_markdown_document_only_the_markup_makes_headings() -> None:
    text = (
        "# Bridge approved\n\nThe bank declined to comment\n\n## Next steps\n\n"
        "Work starts in spring\nand takes three years.\n\nFollow us on Twitter @towndaily\n"
    )
    a = article2json.parse(text, blocks=True, explain=True)
    assert a["title"] == "Bridge approved"
    assert [(s["heading"], s["paragraphs"]) for s in a["sections"]] == [
        (None, ["The bank declined to comment"]),
        ("Next steps", ["Work starts in spring and takes three years."]),
    ]
    assert a["boilerplate"] == ["Follow us on Twitter @towndaily"]
    assert [b["rule"] for b in a.get("blocks", [])] == [
        "markdown-heading",
        "markdown-text",
        "markdown-heading",
        "markdown-text",
        "edge-cue",
    ]


def _shape(text: str) -> tuple[str | None, list[tuple[str | None, int | None]]]:
    a = article2json.parse(text)
    return a["title"], [(s["heading"], s["level"]) for s in a["sections"]]


def test_markdown_markup_is_read_the_same_everywhere() -> None:
    body = "Body text of the article, long enough to be a paragraph of it."
    # A tab after the hashes; a byte-order mark or a zero-width space before them.
    assert _shape(f"#\tTitle\n\n{body}\n") == ("Title", [(None, None)])
    assert _shape(f"\ufeff# Title\n\n{body}\n") == ("Title", [(None, None)])
    assert _shape(f"Title line\n\n\u200b## Sec\n\n{body}\n")[1] == [("Sec", 2)]
    # A lone "#" is no heading, and does not make the document Markdown.
    assert _shape(f"#\n\n{body}\n")[0] == "#"
    # A rule under a `#` heading is no setext underline of it.
    a = article2json.parse(f"Intro\n# Head\n---\n{body}\n")
    assert [(s["heading"], s["paragraphs"]) for s in a["sections"]] == [("Head", ["---", body])]
    # In a Markdown document, text lines underlined by --- are one setext heading.
    text = f"# Doc\n\nPara line one\nline two\n---\n\n{body}\n"
    assert _shape(text) == ("Doc", [("Para line one line two", 2)])


def test_an_escaped_line_has_no_markup_level() -> None:
    body = "Body text that is a long paragraph of the article, for sure."
    text = f"Title\n\n\\## Short aside\n\n{body}\n"
    assert _shape(text)[1] == [("## Short aside", None)]


def test_a_line_of_control_characters_is_blank() -> None:
    assert article2json.parse("\x01\x02\n\nabc\n")["title"] == "abc"


TABLES = {
    "en": ("Votes by district", ("District\tFor\tAgainst", "North\t120\t80", "South\t95\t110")),
    "ru": ("Голоса по районам", ("Район\tЗа\tПротив", "Северный\t120\t80", "Южный\t95\t110")),
    "zh": ("各区投票结果", ("地区\t赞成\t反对", "北区\t120\t80", "南区\t95\t110")),
    "ar": ("الأصوات حسب الحي", ("الحي\tمع\tضد", "الشمال\t120\t80", "الجنوب\t95\t110")),
}


@pytest.mark.parametrize("lang", sorted(TABLES))
@pytest.mark.parametrize("blank", [True, False], ids=["blanks", "no-blanks"])
def test_a_table_of_tab_separated_cells_is_one_paragraph_a_row_a_line(
    lang: str, blank: bool
) -> None:
    """Rows of tab-separated cells are one block, kept a row a line, and
    never a heading (the web corpus's convention for tables); the caption
    above and the paragraph below stay apart from it, blank lines or not."""
    caption, rows = TABLES[lang]
    sep = "\n\n" if blank else "\n"
    text = sep.join([EN[0].text, EN[1].text, caption, "\n".join(rows), EN[4].text]) + "\n"
    a = article2json.parse(text, explain=True)
    paragraphs = [p for s in a["sections"] for p in s["paragraphs"]]
    assert "\n".join(rows) in paragraphs
    assert paragraphs[-1] == EN[4].text
    assert all("\t" not in (s["heading"] or "") for s in a["sections"])
    assert [b["rule"] for b in a["blocks"] if "\t" in b["text"]] == ["table"]


def test_a_lone_tab_inside_a_paragraph_is_no_table() -> None:
    """One line with a tab (a text dump's stray tab in mid-word) leaves the
    paragraph to the model: it is not cut there."""
    body = wrap(EN[1].text + " " + EN[2].text, 60)
    body[1] = body[1].replace(" ", "\t", 1)
    a = article2json.parse("\n".join([EN[0].text, "", *body, ""]))
    assert len([p for s in a["sections"] for p in s["paragraphs"]]) == 1


@pytest.mark.parametrize("blocks", [EN, HI, RU], ids=["en", "hi", "ru"])
@pytest.mark.parametrize(
    "mark", ["> ", ">", "    ", "\t"], ids=["gt-space", "gt", "indent4", "tab"]
)
def test_a_quoted_paragraph_is_one_paragraph_without_its_marks(
    blocks: tuple[Labelled, ...], mark: str
) -> None:
    """A paragraph set apart as a quotation (every line marked with ">", as
    e-mail does, or indented whole) between blank lines is one paragraph,
    its marks left out, whatever the width."""
    quote = blocks[1].text
    for width in (50, 70, 100):
        lines = [mark + ln for ln in wrap(quote, width)]
        text = "\n\n".join([blocks[0].text, "\n".join(lines), blocks[-1].text]) + "\n"
        paragraphs = [p for s in article2json.parse(text)["sections"] for p in s["paragraphs"]]
        assert paragraphs == [quote, blocks[-1].text], (width, mark)


@pytest.mark.parametrize(
    "pair", [(EN[1].text, EN[2].text), (RU[1].text, RU[3].text)], ids=["en", "ru"]
)
def test_a_line_of_quotation_marks_alone_parts_two_quoted_paragraphs(
    pair: tuple[str, str],
) -> None:
    """In e-mail, a line holding only ">" is the blank line of a quotation."""
    first, second = (["> " + ln for ln in wrap(t, 66)] for t in pair)
    text = "\n".join([EN[0].text, "", *first, ">", *second, "", EN[4].text]) + "\n"
    paragraphs = [p for s in article2json.parse(text)["sections"] for p in s["paragraphs"]]
    assert paragraphs == [*pair, EN[4].text]


@pytest.mark.parametrize(
    "foot",
    [
        ("About Us | Contact | Privacy Policy", "© 2024 Example News Ltd. All rights reserved."),
        ("Главная | Контакты | Реклама", "© 2024 «Городские новости». Все права защищены."),
        ("تابعونا على تويتر وفيسبوك", "جميع الحقوق محفوظة © 2024"),
        ("Follow us on Twitter @townnews", "© 2024 Town News"),
    ],
    ids=["en", "ru", "ar", "en-follow"],
)
def test_foot_lines_on_one_another_without_a_blank_line_are_apart(foot: tuple[str, str]) -> None:
    """A menu line that opens a run of lines stands alone, and so does a
    copyright notice that ends one under a line not cut for room: the notice
    pasted under it is judged on its own (both are boilerplate at the foot)."""
    text = "\n\n".join(b.text for b in EN) + "\n\n" + "\n".join(foot) + "\n"
    a = article2json.parse(text)
    assert a["boilerplate"] == list(foot)
    assert structure(text.encode()) == expected(EN)


def test_openers_and_advertisement_tags_in_more_languages() -> None:
    """'Read more'-style openers naming what to read (German, Spanish,
    Russian...) and a Japanese advertisement tag are boilerplate."""
    for line in (
        "Mehr zum Thema: Brücke über den Fluss wird teurer",
        "Lee también: El puente costará más de lo previsto",
        "Читайте также: Мост через реку подорожает",
        "【PR】今なら初月無料！人気のアプリをダウンロード",
        "Leer más: El Gobierno aprueba el plan del puente",
        "相关阅读：北京发布新规",
        "관련기사: 다리 건설 비용 상승",
    ):
        text = "\n\n".join(b.text for b in EN) + "\n\n" + line + "\n"
        assert article2json.parse(text)["boilerplate"] == [line], line


@pytest.mark.parametrize(
    "line",
    [
        "Share this article",
        "שתפו את הכתבה",
        "แชร์บทความนี้",
        "Artikel teilen",
        "Поделиться статьёй",
        "Sign up for our weekly newsletter: https://news.example.com/subscribe",
        "▶ 카카오톡에서 뉴스를 구독하세요",
        "LINEで友だち追加してニュースを受け取る",
        "ⓒ 서울일보, 무단 전재 및 재배포 금지",
        "저작권자 © 서울일보 무단전재 및 재배포금지",
        "Newsletter abonnieren",
        "View this email in your browser",
        "本文为原创，转载请注明出处。",
    ],
)
def test_a_share_line_at_the_end_is_boilerplate(line: str) -> None:
    text = "\n\n".join(b.text for b in EN) + "\n\n" + line + "\n"
    a = article2json.parse(text)
    assert a["boilerplate"] == [line]
    assert [p for s in a["sections"] for p in s["paragraphs"]] == [
        EN[1].text,
        EN[2].text,
        EN[4].text,
    ]


ZH = (
    Labelled("市议会批准修建新桥", "title"),
    Labelled(
        "市议会周二批准了在河上修建一座新桥的计划，结束了长达十年的争论。反对者认为新桥会给老城区带来更多车辆，"
        "支持者则表示新桥将使通行时间缩短一半。",
        "paragraph",
    ),
    Labelled(
        "工程预计将于明年春季开工，为期三年。市议会将在下个月公布合同，居民可以在年底前提出意见。"
        "老桥建于一八九零年，已经无法承受如今每隔几分钟就驶过一次的公交车。",
        "paragraph",
    ),
)


JA = (
    Labelled("訪日客、過去最高を更新", "title"),
    Labelled(
        "政府は十日、訪日外国人旅行者の数が昨年一年間で過去最高を更新したと発表した。円安の影響に加え、"
        "航空便の増便や査証の緩和が追い風となり、地方を訪れる旅行者も増えている。",
        "paragraph",
    ),
    Labelled(
        "一方、人気の観光地では混雑やごみの問題が深刻になっている。地元の住民からは、通勤や買い物に"
        "支障が出ているとの声も上がっており、市は対策を検討している。",
        "paragraph",
    ),
)


@pytest.mark.parametrize("blocks", [ZH, JA], ids=["zh", "ja"])
@pytest.mark.parametrize("width", [24, 28, 32, 36, 40, 44, 48])
def test_cjk_paragraphs_indented_with_ideographic_spaces(
    blocks: tuple[Labelled, ...], width: int
) -> None:
    """Chinese and Japanese files mark a paragraph with two ideographic
    spaces and wrap at 30 or so characters (a character is two columns
    wide), often with no blank line at all, not even under the title: the
    indented line under the title opens a paragraph, it does not end a title
    that wraps. (Cut as a file would be: every `width` characters.)"""
    out = [blocks[0].text]
    for b in blocks[1:]:
        text = "\u3000\u3000" + b.text
        out.extend(text[i : i + width] for i in range(0, len(text), width))
    a = article2json.parse("\n".join(out) + "\n")
    assert a["title"] == blocks[0].text
    assert [p for s in a["sections"] for p in s["paragraphs"]] == [b.text for b in blocks[1:]]


def test_a_hanging_list_with_a_short_item_stays_one_list() -> None:
    """An item that ends short does not end the list: the next item is its
    list's next line."""
    items = [
        "* Utility companies, so that the final meter readings are taken on",
        "  the right day and you are not billed for the new owner's usage.",
        "* Your bank and your employer.",
        "* The post office, which can forward your letters for up to a",
        "  year after the move.",
    ]
    body = ["\n".join(wrap(b.text, 70)) for b in (EN[1], EN[4])]
    text = "\n\n".join([EN[0].text, body[0], "\n".join(items), body[1]]) + "\n"
    paragraphs = [p for s in article2json.parse(text)["sections"] for p in s["paragraphs"]]
    assert paragraphs[1].split("\n") == [
        "* Utility companies, so that the final meter readings are taken on the right day and"
        " you are not billed for the new owner's usage.",
        "* Your bank and your employer.",
        "* The post office, which can forward your letters for up to a year after the move.",
    ]


@pytest.mark.parametrize(
    ("intro", "items"),
    [
        ("Worst hit areas:", ("• Minto Bridge", "• ITO", "• Pragati Maidan")),
        ("प्रमुख प्रभावित इलाके:", ("• मिंटो ब्रिज", "• आईटीओ", "• प्रगति मैदान")),
        ("Самые пострадавшие районы:", ("— Центр", "— Заречье", "— Южный порт")),
    ],
)
def test_a_list_is_never_a_heading(intro: str, items: tuple[str, ...]) -> None:
    """A block that keeps its lines (a list and its introduction) is text:
    a heading of four lines, bullets and all, is never right (no truth
    heading of the corpora is a list)."""
    body = [b.text for b in EN[:3]]
    text = "\n\n".join([*body, "\n".join([intro, *items]), EN[4].text]) + "\n"
    a = article2json.parse(text)
    assert all("\n" not in (s["heading"] or "") for s in a["sections"])
    listed = [p for s in a["sections"] for p in s["paragraphs"] if intro in p]
    assert listed == ["\n".join([intro, *items])]


def test_a_page_number_alone_is_text_never_a_heading() -> None:
    """Page furniture of a PDF extract ("12", "- 3 -", "Page 3 of 12",
    "Seite 4", "Страница 5 из 10", "第3页") starts no section: the paragraphs
    under it stay in the section above (the web annotators keep such lines
    as text, so they are not boilerplate either)."""
    from article2json.boilerplate import is_page_number

    for text in ("12", "- 3 -", "Page 3 of 12", "Seite 4", "p. 216", "Страница 5 из 10", "第3页"):
        assert is_page_number(text), text
    for text in ("Article 3", "12 angry men", "2. Methods", "Page three", "Seite 4 und 5", "1984"):
        assert not is_page_number(text), text
    body = [b.text for b in EN[:5]]
    text = "\n\n".join([*body[:4], "- 2 -", body[4]]) + "\n"
    a = article2json.parse(text)
    assert [s["heading"] for s in a["sections"]] == [None, "What happens next"]
    assert a["sections"][-1]["paragraphs"] == ["- 2 -", body[4]]


def test_chinese_section_headings_in_a_file_without_blank_lines() -> None:
    """ "二、" and "（一）" headings on their own lines above their paragraphs,
    no blank line anywhere: each is a heading with its level, and its
    paragraph is not glued onto it (the corpora hold no such document)."""
    text = "\n".join(
        [
            "共享单车停放新规下月实施",
            "近日，市交通委员会发布了新的停放管理办法，将于下月一日起正式实施，新规明确了企业的管理责任。",
            "一、总量控制",
            "全市共享单车投放总量将控制在八十万辆以内，各企业按服务质量考核结果分配配额，每季度调整一次。",
            "二、停放规范",
            "（一）电子围栏",
            "在地铁站周边设置电子围栏，车辆须停放在指定区域内，否则无法结束行程，用户须另行付费。",
            "（二）违规处理",
            "对多次违规停放的用户，企业可暂停其使用资格，情节严重的将被列入失信名单，并公开通报。",
        ]
    )
    a = article2json.parse(text + "\n")
    assert a["title"] == "共享单车停放新规下月实施"
    heads = [(s["heading"], s["level"]) for s in a["sections"] if s["heading"]]
    assert heads == [
        ("一、总量控制", 1),
        ("二、停放规范", 1),
        ("（一）电子围栏", 2),
        ("（二）违规处理", 2),
    ]
    assert all(len(s["paragraphs"]) == 1 for s in a["sections"] if s["heading"] != "二、停放规范")


def test_a_sent_from_line_at_the_end_is_boilerplate_and_a_divider_is_text() -> None:
    """ "Sent from my iPhone" alone at the end is boilerplate; a "--" line is
    text wherever it stands (a divider in an article cannot be told from an
    e-mail's signature separator once lines are trimmed, and moving what
    follows it into boilerplate would lose it)."""
    body = [b.text for b in EN]
    a = article2json.parse("\n\n".join([*body, "Sent from my iPhone"]) + "\n")
    assert a["boilerplate"] == ["Sent from my iPhone"]
    a = article2json.parse("\n\n".join([*body[:3], "--", "That is all you need."]) + "\n")
    assert a["boilerplate"] == []


@pytest.mark.parametrize(
    "label",
    ["ADVERTISEMENT", "Advertisement", "- Anzeige -", "РЕКЛАМА", "— Werbung —", "【広告】"],
)
def test_an_advertisements_label_between_paragraphs_is_text_not_a_heading(label: str) -> None:
    """The label splits no section (web annotators keep it as text)."""
    text = "\n\n".join([EN[0].text, EN[1].text, label, EN[4].text]) + "\n"
    a = article2json.parse(text, explain=True)
    assert [s["heading"] for s in a["sections"]] == [None]
    assert [b["rule"] for b in a["blocks"] if b["text"] == label.strip()] == ["ad-label"]


def test_a_heading_about_advertising_is_no_label() -> None:
    from article2json.boilerplate import is_ad_label

    assert not is_ad_label("Advertising revenue") and is_ad_label("[Advertisement]")
    # a word that names the topic too is a label only when marked as one
    for topic in (
        "Advertising",
        "Werbung",
        "Publicidad",
        "Реклама",
        "広告",
        "Advertising:",
        "- Werbung",
    ):
        assert not is_ad_label(topic), topic
    for label in ("ADVERTISING", "- Werbung -", "[Publicidad]", "РЕКЛАМА", "【広告】"):
        assert is_ad_label(label), label


def test_a_section_on_advertising_keeps_its_heading() -> None:
    para = (
        "We collect the data you give us when you sign up, and keep it while your account is open."
    )
    parts = ["Privacy policy", para, "Cookies", para, "Advertising", para, "Your rights", para]
    a = article2json.parse("\n\n".join(parts) + "\n")
    assert [s["heading"] for s in a["sections"]] == [None, "Cookies", "Advertising", "Your rights"]


@pytest.mark.parametrize(
    ("item", "rest", "others"),
    [
        (
            "forty kilometres of protected lanes on the main",
            "roads into the centre",
            ["secure parking", "a new bridge"],
        ),
        (
            "vierzig Kilometer geschützte Radwege auf den",
            "großen Straßen ins Zentrum",
            ["sichere Abstellplätze", "eine neue Brücke"],
        ),
        (
            "сорок километров защищённых полос на главных",
            "дорогах в центр города",
            ["охраняемые стоянки", "новый мост"],
        ),
    ],
    ids=["en", "de", "ru"],
)
def test_a_list_item_wrapped_by_hand_under_its_text_stays_one_item(
    item: str, rest: str, others: list[str]
) -> None:
    """No blank lines; the item's second line, indented under its text,
    goes on in lower case: it continues the item, however short the line."""
    intro = EN[1].text
    lines = ["Cycling plan", intro, f"- {item}", f"  {rest}", *[f"- {o}" for o in others]]
    a = article2json.parse("\n".join(lines) + "\n")
    listed = "\n".join([f"- {item} {rest}", *[f"- {o}" for o in others]])
    assert listed in [p for s in a["sections"] for p in s["paragraphs"]]


def test_hanging_lines_of_list_items_do_not_make_the_file_indented() -> None:
    """Several items wrapped under their text, no blank lines: the indents
    are the items', not paragraphs' first lines (which would glue a heading
    and the text above the list into one paragraph)."""
    from article2json.doc_layout import LayoutTally
    from article2json.lines import visible

    lines = [
        "Tortilla de patatas",
        "La tortilla es uno de los platos más populares de la cocina española.",
        "Ingredientes",
        "- 1 cebolla mediana (opcional, pero",
        "  muy recomendable)",
        "- 600 g de patatas cortadas en láminas",
        "  finas y secas",
        "1. Pela las patatas y córtalas en láminas finas. Pica la cebolla en",
        "   juliana.",
        "2. Fríe las patatas y la cebolla a fuego medio durante unos veinte",
        "   minutos.",
    ]
    tally = LayoutTally()
    for k, text in enumerate(lines):
        tally.add(visible(text, k))
    assert not tally.layout().indents
    a = article2json.parse("\n".join(lines) + "\n")
    assert [s["heading"] for s in a["sections"]][-1:] == ["Ingredientes"]


@pytest.mark.parametrize(
    ("q", "a"),
    [
        ("Q: How did you start?", "A: With a lot of patience and a second-hand sewing machine."),
        (
            "Frage: Wie haben Sie angefangen?",
            "Antwort: Mit viel Geduld und einer alten Nähmaschine.",
        ),
        ("В: Как вы начинали?", "О: С большим терпением и старой швейной машинкой."),
        ("问：您是怎么开始的？", "答：靠很多耐心和一台旧缝纫机。"),
    ],
    ids=["en", "de", "ru", "zh"],
)
def test_an_interviews_questions_are_text_not_headings(q: str, a: str) -> None:
    """A short question after its mark looks like a heading (short, no
    stop or a "?"): the mark says it is a turn of the interview."""
    from article2json.classify import is_speaker_turn

    text = "\n\n".join(["Interview with a tailor", EN[1].text, q, a, q, a]) + "\n"
    got = article2json.parse(text, explain=True)
    assert [s["heading"] for s in got["sections"]] == [None]
    assert {b["rule"] for b in got["blocks"] if b["text"] == q} == {"speaker"}
    assert (
        not is_speaker_turn("Question:")
        and not is_speaker_turn("Note: this")
        and not is_speaker_turn("a: x")
    )
