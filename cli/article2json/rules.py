"""Decide what each block is: title, heading, paragraph or boilerplate.

Each rule is a small pure function `(doc, i) -> Kind | None` that looks at
block `i` and its neighbours; `RULES` lists them in order and the first rule
that answers wins. `classify` returns the kind and the name of the rule that
decided it, which `--explain` shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property

import regex

from . import boilerplate as bp
from .blocks import Block, is_list_item
from .article import Kind
from .patterns import Lazy
from .scripts import (
    CLOSERS,
    CONTINUING_MARKS,
    OPENING_QUOTES,
    PHRASE_CLOSERS,
    count_words,
    is_no_space,
    script_of,
    sentence_and_clause,
)

# A heading is one line of at most this many characters (or words).
HEADING_MAX_CHARS = 120
HEADING_MAX_WORDS = 20
# The longest label ending in a colon, and question, taken as a heading.
COLON_MAX_WORDS = 3
# ... or this many when the article has other such labels: its headings end with a colon.
COLON_SERIES_MAX_WORDS = 6
QUESTION_MAX_WORDS = 8
# The longest heading of a series ("第三条", "Article 3.") in scripts without spaces.
SERIES_MAX_CHARS_NO_SPACE = 20
# How many short lines after the last paragraph make a closing list.
CLOSING_LIST_MIN = 2
CLOSING_LIST_MAX = 8
# A heading directly above another heading (a section whose first words are
# a sub-section) is only believed when it is this compact.
STACKED_MAX_WORDS = 6
STACKED_MAX_CHARS = 50
STACKED_MAX_CHARS_NO_SPACE = 12
# An article whose long blocks end with a sentence mark less often than this
# does not mark its sentences; there, a heading is at most this long.
UNMARKED_SHARE = 0.4
UNMARKED_MAX_WORDS = 8
UNMARKED_MAX_CHARS_NO_SPACE = 30
# The fewest numbered lines that make a series of headings.
SERIES_MIN = 5
# A line with this many commas is an enumeration: text, not a heading.
ENUMERATION_COMMAS = 3
# The longest heading (in words) allowed right after the title.
AFTER_TITLE_MAX_WORDS = 6
# Blocks longer than this (in characters) are paragraphs: no title, heading
# or boilerplate is that long.
LONG_TEXT_CHARS = 500
LONG_TEXT_WORDS = 1_000_000  # the word count given to such blocks
# A title is one line of at most this many characters.
TITLE_MAX_CHARS = 300

_MD_HEADING = Lazy(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_BYLINE_WORDS = (
    "by",
    "par",
    "von",
    "por",
    "di",
    "door",
    "av",
    "af",
    "от",
    "автор",
    "द्वारा",
    "लेखक",
    "रिपोर्ट",
)


def _is_setext_rule(line: str) -> bool:
    """A line of "=" or "-" only, underlining a setext heading."""
    return len(line) > 0 and (set(line) == {"="} or set(line) == {"-"})


_NUMBERED = Lazy(
    r"^(?:[\p{L}\p{M}]+\s+){0,2}(?:\p{Nd}+|[IVXLC]+)(?:\s+[\p{L}\p{M}]+)?[.:：]?$"
    r"|^第[\p{N}〇一二三四五六七八九十百千]+[条章節节部編]"
)
_BYLINE = Lazy(
    r"^(?:by|par|von|por|di|door|av|af|от|автор|द्वारा|लेखक|रिपोर्ट)[\s:]+\w"
)  # matched against lower-cased text
_WORD = Lazy(r"\w+")
# A sentence end followed by more text; a full stop alone does not count, as
# abbreviations ("Dr.", "प.") have one.
_INNER_SENTENCE_END = Lazy(r"[\p{Sentence_Terminal}--[.]]\s+\w", regex.V1)
_SEPARATOR = Lazy(r"\s[-–—|:/]\s")
_END_MARKS = ".,;:!?。！？…"
_LABEL = Lazy(r"\w\s?(?::\s+|：\s*)\w")  # "Main article: X"


def _has_label(text: str) -> bool:
    """Whether `text` holds a "label: text" pair ("Main article: X")."""
    return (":" in text or "：" in text) and _LABEL.p.search(text) is not None


_BRACKETED = Lazy(r"^[(\[（【].*[)\]）】]\W*$")
_DIGITS = Lazy(r"\p{Nd}+")


class Features:
    """What the rules need to know about one block, computed once (a plain
    class: dataclasses cost a one-liner a millisecond each at import)."""

    __slots__ = (
        "_cue", "_inner", "_series", "block", "chars", "clause", "no_space",
        "one_line", "sentence", "short_enough", "text", "words",
    )  # fmt: skip

    def __init__(self, block: Block) -> None:
        lines = block.lines
        self.one_line = len(lines) == 1
        text = self.text = lines[0].text if self.one_line else block.text()
        self.block = block
        chars = self.chars = len(text)
        # White-space separated tokens: in scripts without spaces a whole
        # phrase is one token. Only short blocks need the exact number.
        self.words = len(text.split()) if chars <= LONG_TEXT_CHARS else LONG_TEXT_WORDS
        # Short enough to be boilerplate (no longer block is).
        self.short_enough = self.words <= bp.MAX_WORDS and chars <= LONG_TEXT_CHARS
        # Ends a sentence; ends with a colon, comma, semicolon or dash.
        self.sentence, self.clause = sentence_and_clause(text)
        # Written in a script without spaces: limits are in characters.
        self.no_space = bool(text) and is_no_space(text[0])
        self._inner: bool | None = None
        self._cue: bool | None = None
        self._series: frozenset[str] | bool | None = False  # False: not computed yet

    @property
    def lower(self) -> str:
        """The text in lower case, which the phrase patterns are matched against
        (not kept: a copy of every short block would double the memory)."""
        return self.text.lower()

    @property
    def series_keys(self) -> frozenset[str] | None:
        """None when the block cannot be one of a series of headings, else its
        first and last words (digits aside) as "^word" and "$word"."""
        if self._series is False:
            keys = None
            if _series_candidate(self):
                ws = _WORD.p.findall(_DIGITS.p.sub(" ", self.text))
                keys = frozenset({"^" + ws[0], "$" + ws[-1]}) if ws else frozenset()
            self._series = keys
        return self._series  # type: ignore[return-value]

    @property
    def cue(self) -> bool:
        """Whether any boilerplate phrase, network name, link or © appears
        (one scan answers for all the cue rules)."""
        if self._cue is None:
            self._cue = bp.has_cue(self.lower)
        return self._cue

    @property
    def inner_sentence(self) -> bool:
        """Whether a sentence ends inside the block (a full stop alone does not
        count, as abbreviations have one); asked only of short blocks."""
        if self._inner is None:
            self._inner = _INNER_SENTENCE_END.p.search(self.text, 0, TITLE_MAX_CHARS) is not None
        return self._inner


class Doc:
    """The blocks of one article and what the rules learn about them as a whole."""

    def __init__(self, feats: list[Features]) -> None:
        self.feats = feats
        self.n = len(feats)  # the number of blocks (doc.n, without a call)
        self.kinds_so_far: dict[int, Kind] = {}
        self.rules_so_far: dict[int, str] = {}  # the rule that decided each block so far
        self.boilerplate: dict[int, bool] = {}  # memo of _is_boilerplate

    def __len__(self) -> int:
        return self.n

    @cached_property
    def shared_words(self) -> frozenset[str]:
        """First or last words shared by several short blocks: the "Article"
        of "Article 1.", "Article 2.", ... whatever the language."""
        seen: Counter[str] = Counter()
        for f in self.feats:
            if f.series_keys:
                seen.update(f.series_keys)
        return frozenset(w for w, n in seen.items() if n >= 3)

    @cached_property
    def colon_labels(self) -> int:
        """How many compact one-line labels end with a colon ("ভূখণ্ড:", "Radio:")."""
        return sum(
            1
            for f in self.feats
            if f.chars <= 60
            and f.text.endswith((":", "："))
            and f.one_line
            and f.words <= COLON_MAX_WORDS
        )

    @cached_property
    def marks_sentences(self) -> bool:
        """Whether this article ends its paragraphs with a mark: false when
        most of its long blocks end without one (Thai, for one, has none)."""
        long = [f for f in self.feats if f.chars > HEADING_MAX_CHARS]
        if len(long) < 2:
            return True
        return sum(f.sentence for f in long) >= UNMARKED_SHARE * len(long)

    @cached_property
    def capitalised_scripts(self) -> frozenset[str]:
        """Scripts in which some block of this article starts with a capital:
        only there does a line starting in lower case continue a sentence
        (Georgian, for one, has capitals that running text does not use)."""
        return frozenset(script_of(f.text[0]) for f in self.feats if f.text[:1].isupper())

    def short(self, i: int) -> bool:
        f = self.feats[i]
        if not f.one_line or f.chars > HEADING_MAX_CHARS:
            return False
        return f.no_space or f.words <= HEADING_MAX_WORDS

    def body_follows(self, i: int) -> bool:
        """Whether block `i` is followed by article text a heading could introduce."""
        j = i + 1
        while j < self.n and _is_boilerplate(self, j):
            j += 1
        if j >= self.n:
            return False
        nxt, cur = self.feats[j], self.feats[i]
        if self.in_series(j):
            return False  # "Article 16." comes next: this line ended the article before
        if not nxt.one_line or nxt.sentence or nxt.clause or is_list_item(nxt.text):
            return True
        if _has_label(nxt.text) or nxt.text.count(",") >= ENUMERATION_COMMAS:
            return True  # "Category: X", or an enumeration "A, B, C, D"
        if nxt.chars >= max(3 * cur.chars, 60):
            return True
        return nxt.chars > max(2 * cur.chars, 60) and not self.headingish(j)

    def in_series(self, i: int) -> bool:
        """Whether block `i` looks like one of a series of headings: numbered
        ("Article 3.", "第三条") or sharing its first or last word with others."""
        f = self.feats[i]
        keys = f.series_keys
        if keys is None:
            return False
        return bool(keys & self.shared_words) or _NUMBERED.p.match(f.text) is not None

    @cached_property
    def series_start(self) -> int | None:
        """Where a numbered series of headings ("Article 1.", "ዓንቀፅ 2", ...)
        starts, when such a series is how the article is divided: at least
        SERIES_MIN numbered lines, three times as many as other heading-like lines."""
        numbered = [
            i
            for i, f in enumerate(self.feats)
            if f.one_line and f.words <= 4 and _NUMBERED.p.match(f.text)
        ]
        if len(numbered) < SERIES_MIN:
            return None
        others = sum(1 for i in range(1, self.n) if self.headingish(i)) - len(numbered)
        return numbered[0] if len(numbered) >= 3 * others else None

    def text_follows(self, i: int) -> bool:
        """Whether block `i` is followed by a block that is not a heading of
        the same series."""
        j = i + 1
        while j < self.n and _is_boilerplate(self, j):
            j += 1
        return j < self.n and not _NUMBERED.p.match(self.feats[j].text)

    def headingish(self, i: int) -> bool:
        f = self.feats[i]
        return (
            self.short(i)
            and not f.sentence
            and not f.clause
            and not f.inner_sentence
            and not self.starts_lower(i)
        )

    def starts_lower(self, i: int) -> bool:
        """Whether block `i` starts in lower case in a script this article
        capitalises: a fragment of a sentence, never a heading."""
        text = self.feats[i].text
        return text[:1].islower() and script_of(text[0]) in self.capitalised_scripts


Rule = Callable[[Doc, int], Kind | None]


def _is_boilerplate(doc: Doc, i: int) -> bool:
    found = doc.boilerplate.get(i)
    if found is None:
        found = doc.boilerplate[i] = _may_be_boilerplate(doc, i) and any(
            rule(doc, i) == "boilerplate" for _, rule in BOILERPLATE_RULES
        )
    return found


def _may_be_boilerplate(doc: Doc, i: int) -> bool:
    """Whether any boilerplate rule could answer for block `i` (their limits,
    checked up front: most blocks are article text and skip them all)."""
    f = doc.feats[i]
    if not f.short_enough:
        return False
    if i == doc.n - 1 or (i >= doc.n - bp.TAIL_BLOCKS and f.text[:1] in "(["):
        return True  # an author's tag-line, a bracketed promo
    if _cue_candidate(doc, i):
        return True  # a phrase, a network, a link: the cue rules
    return bp.has_opener(f.text)  # "Also read: ..."


def _cue_zone(doc: Doc, i: int) -> bool:
    """Where promotions and calls to action stand: short blocks, and any
    block at either end of the article."""
    return doc.feats[i].words <= bp.SHORT_WORDS or i < 2 or i >= doc.n - bp.TAIL_BLOCKS


# --- running text ------------------------------------------------------------


def running_text(doc: Doc, i: int) -> Kind | None:
    """A long block in the body of the article is a paragraph: titles,
    headings and boilerplate are all shorter. (Most blocks stop here, which
    keeps the parser fast.)"""
    f = doc.feats[i]
    if i == 0:
        return None
    if f.chars > LONG_TEXT_CHARS:
        return "paragraph"
    if _cue_zone(doc, i):
        return None
    if f.text.startswith("#") or not f.one_line or bp.has_opener(f.text):
        return None
    return "paragraph"


# --- title -------------------------------------------------------------------


def markdown_title(doc: Doc, i: int) -> Kind | None:
    if i == 0 and markdown_heading(doc, i):
        return "title"
    return None


def first_line_title(doc: Doc, i: int) -> Kind | None:
    """The first block is the title when it is one line that reads as one:
    not too long, and not a sentence unless a short one."""
    if i != 0:
        return None
    f = doc.feats[0]
    if not f.one_line or f.chars > TITLE_MAX_CHARS or is_list_item(f.text):
        return None
    if f.sentence and (f.words > 25 or f.inner_sentence) and doc.n > 1:
        return None  # a lead paragraph: the article has no title
    return "title"


# --- boilerplate ---------------------------------------------------------------


def _cue_candidate(doc: Doc, i: int) -> bool:
    """Whether to look for boilerplate phrases in block `i`: promotions and
    calls to action are short lines or stand at either end of the article.
    (Looking in every paragraph would cost more than the rest of the parse.)"""
    f = doc.feats[i]
    return f.short_enough and _cue_zone(doc, i) and f.cue


def bracketed_tail(doc: Doc, i: int) -> Kind | None:
    """A block wholly in brackets after the last article paragraph."""
    f = doc.feats[i]
    if i == 0 or doc.n - i > bp.TAIL_BLOCKS or not f.short_enough:
        return None
    if f.text[0] not in "([" or not bp.BRACKETED.p.match(f.text):
        return None
    after = range(i + 1, doc.n)
    if all(bracketed_tail(doc, j) or _is_boilerplate(doc, j) for j in after):
        return "boilerplate"
    return None


def also_read(doc: Doc, i: int) -> Kind | None:
    f = doc.feats[i]
    if not (f.short_enough and bp.has_opener(f.text)):
        return None
    low = f.lower
    end = bp.opener_end(low)
    if end is not None and _WORD.p.search(low, end):
        return "boilerplate"  # "Also read: <headline>"; a bare "Further reading" is a heading
    return None


def promo_phrase(doc: Doc, i: int) -> Kind | None:
    if _cue_candidate(doc, i) and bp.has_promo_phrase(doc.feats[i].lower):
        return "boilerplate"
    return None


def social_call(doc: Doc, i: int) -> Kind | None:
    """Two networks named, or one with a call to action ("follow us on ...")."""
    if not _cue_candidate(doc, i):
        return None
    f = doc.feats[i]
    networks = bp.networks_named(f.lower)
    if len(networks) >= 2 or (networks and bp.has_call(f.lower)):
        return "boilerplate"
    return None


def link_or_handle(doc: Doc, i: int) -> Kind | None:
    f = doc.feats[i]
    if f.words > 25 or not f.cue:
        return None
    if bp.COPYRIGHT.p.search(f.lower):
        return "boilerplate"
    if bp.LINK.p.search(f.text) and count_words(bp.LINK_TEXT.p.sub(" ", f.text)) >= 1:
        return "boilerplate"  # a link with words around it; a bare list of links is a reference
    return None


def author_tagline(doc: Doc, i: int) -> Kind | None:
    """ "<Name> is a regular commentator on ...", closing the article."""
    f = doc.feats[i]
    if i == doc.n - 1 and i > 1 and f.words <= 40 and bp.TAGLINE.p.match(f.text):
        return "boilerplate"
    return None


BOILERPLATE_RULES: Sequence[tuple[str, Rule]] = (
    ("bracketed-tail", bracketed_tail),
    ("also-read", also_read),
    ("promo-phrase", promo_phrase),
    ("social-call", social_call),
    ("link-or-handle", link_or_handle),
    ("author-tagline", author_tagline),
)

# --- headings --------------------------------------------------------------------


def markdown_heading(doc: Doc, i: int) -> Kind | None:
    f = doc.feats[i]
    if f.one_line and f.text.startswith("#") and _MD_HEADING.p.match(f.text):
        return "heading"
    if len(f.block.lines) == 2 and _is_setext_rule(f.block.last) and len(f.block.first) < 200:
        return "heading"
    return None


def list_item(doc: Doc, i: int) -> Kind | None:
    """Bulleted and numbered lines are list items, never headings. A line
    marked with a letter ("a) x", "क. x") is one only beside another item:
    alone, "प. बंगाल: ..." (W. Bengal) or "J. Smith wins" starts with an initial."""
    text = doc.feats[i].text
    if not is_list_item(text):
        return None
    if _lettered(text) and not any(
        0 <= j < doc.n and is_list_item(doc.feats[j].text) for j in (i - 1, i + 1)
    ):
        return None
    return "paragraph"


def _lettered(text: str) -> bool:
    """Whether a list mark is a letter ("a)", "(b)", "क.") rather than a bullet or a number."""
    mark = text[1:2] if text[0] == "(" else text[:1]
    return mark.isalpha()


def quoted_line(doc: Doc, i: int) -> Kind | None:
    """A line wholly in quotes or brackets is a quotation or an aside, and a
    line that is one markup tag (`<ol start="17">`, left by a converter) is
    residue: never a heading."""
    t = doc.feats[i].text
    if t[0] == "<" and t[-1] == ">" and "<" not in t[1:] and ">" not in t[:-1]:
        return "paragraph"
    if len(t) > 2 and t[0] in OPENING_QUOTES:
        core = t.rstrip(_END_MARKS)
        inner = core[1:-1]
        if core[-1] in CLOSERS and not any(q in inner for q in OPENING_QUOTES + CLOSERS):
            return "paragraph"
    if t[0] in "([（【" and _BRACKETED.p.match(t):
        return "paragraph"
    return None


def byline(doc: Doc, i: int) -> Kind | None:
    f = doc.feats[i]
    if (
        f.one_line
        and f.words <= 8
        and f.lower.startswith(_BYLINE_WORDS)
        and _BYLINE.p.match(f.lower)
    ):
        return "paragraph"
    return None


def continuation(doc: Doc, i: int) -> Kind | None:
    """A line after a comma or semicolon, or before a line that starts in
    lower case, continues a sentence: it is not a heading."""
    if i > 0:
        prev = doc.feats[i - 1]
        if (
            prev.text.endswith(CONTINUING_MARKS)
            # the sentence a continued line left open goes on
            or (
                doc.rules_so_far.get(i - 1) == "continuation" and not (prev.sentence or prev.clause)
            )
        ) and not doc.in_series(i):  # "Article 6" stays a heading whatever precedes it
            return "paragraph"
    if i > 0 and doc.kinds_so_far.get(i - 1) == "paragraph" and doc.headingish(i - 1):
        prev_words, words = (
            _WORD.p.findall(doc.feats[i - 1].text),
            _WORD.p.findall(doc.feats[i].text),
        )
        if len(prev_words) > 1 and len(words) > 1 and prev_words[0] == words[0]:
            return "paragraph"  # the next item of a list whose items start alike
            # (a lone word is no such item: "DVD" under "DVD / Blu-ray" is a sub-heading)
        seps = {m.group() for m in _SEPARATOR.p.finditer(doc.feats[i - 1].text)}
        if seps & {m.group() for m in _SEPARATOR.p.finditer(doc.feats[i].text)}:
            return "paragraph"  # "Drama - X" after "Animation - Y": a list
    if i + 1 < doc.n:
        here, nxt = doc.feats[i].text, doc.feats[i + 1].text
        if (
            nxt[:1].islower()
            and script_of(nxt[0]) == script_of(here[-1])
            and script_of(nxt[0]) in doc.capitalised_scripts
        ):
            return "paragraph"
        if doc.headingish(i + 1) and _alike(doc.feats[i], doc.feats[i + 1]):
            return "paragraph"  # the first item of a list whose items start alike
    return None


def _alike(a: Features, b: Features) -> bool:
    """Two lines that start with the same word and share a separator (" - ", " : ")."""
    wa, wb = _WORD.p.findall(a.text[:40]), _WORD.p.findall(b.text[:40])
    if not (wa and wb and wa[0] == wb[0]):
        return False
    seps = {m.group() for m in _SEPARATOR.p.finditer(a.text)}
    return bool(seps & {m.group() for m in _SEPARATOR.p.finditer(b.text)})


def after_heading(doc: Doc, i: int) -> Kind | None:
    """Right after a heading, a heading-like line is a heading only when it is
    compact: "Main article: X" or a one-line lead is text."""
    f = doc.feats[i]
    if i > 0 and doc.kinds_so_far.get(i - 1) == "heading" and not compact(f):
        return "paragraph"
    return None


def after_title(doc: Doc, i: int) -> Kind | None:
    """Right after the title comes the lead or a standfirst; only a compact
    line ("Preamble", "Introduction") can be a heading there."""
    if i == 1 and doc.kinds_so_far.get(0) == "title" and doc.feats[i].words > AFTER_TITLE_MAX_WORDS:
        return "paragraph"
    return None


def numbered_heading(doc: Doc, i: int) -> Kind | None:
    """ "Article 3.", "३.", "Члан 1.", "第三条": a short numbered line."""
    f = doc.feats[i]
    if f.one_line and f.words <= 4 and _NUMBERED.p.match(f.text) and doc.text_follows(i):
        return "heading"
    return None


def repeated_pattern(doc: Doc, i: int) -> Kind | None:
    """Short lines that share their first or last word with two other short
    lines are a series of headings, even when they end with a full stop."""
    f = doc.feats[i]
    keys = f.series_keys
    if not keys or not (keys & doc.shared_words):
        return None
    if f.text.endswith((":", "：")) and (f.words > 3 or (i + 1 < doc.n and doc.headingish(i + 1))):
        return None  # a colon announces text: "Features of X:" above a heading is not one
    return "heading" if doc.text_follows(i) else None


def _series_candidate(f: Features) -> bool:
    """Short enough to be one of a series of headings: no comma inside, not
    a "label: text" line."""
    if not f.one_line or f.chars > (SERIES_MAX_CHARS_NO_SPACE if f.no_space else 60):
        return False
    if f.words > 5 or _has_label(f.text):
        return False
    return not any(map(f.text[:-1].__contains__, CONTINUING_MARKS))


def compact_line(doc: Doc, i: int) -> Kind | None:
    """One or two words closed by a danda or a shad, introducing text:
    scripts such as Tibetan close every phrase, headings included."""
    f = doc.feats[i]
    if (
        f.one_line
        and f.words <= 2
        and f.chars <= (STACKED_MAX_CHARS_NO_SPACE if f.no_space else 30)
        and f.text.rstrip().endswith(PHRASE_CLOSERS)
        and doc.body_follows(i)
    ):
        return "heading"
    return None


def outside_series(doc: Doc, i: int) -> Kind | None:
    """In an article divided by a numbered series ("Article 1." ... "Article
    30."), a heading-like line after the series began that is not one of it
    is a line of text (a clause without its full stop)."""
    start = doc.series_start
    if start is not None and i > start and not doc.in_series(i):
        return "paragraph"
    return None


def closing_list(doc: Doc, i: int) -> Kind | None:
    """The first of the short lines that close an article, after its last
    paragraph: a "See also" or "Further reading" above a few link labels."""
    n = doc.n
    if i < 2 or not (CLOSING_LIST_MIN <= n - i <= CLOSING_LIST_MAX):
        return None
    if doc.headingish(i - 1) or not doc.feats[i - 1].sentence:
        return None  # not the first line after the article's text
    if not compact(doc.feats[i]):
        return None  # a section name ("See also", "Further reading") is compact
    if all(doc.headingish(j) for j in range(i, n)):
        return "heading"
    return None


def short_line(doc: Doc, i: int) -> Kind | None:
    """A short line that does not end a sentence, introducing body text. In
    an article whose paragraphs do not end with a mark (Thai writes none),
    a missing mark says little: only a compact line is a heading there."""
    if (
        doc.headingish(i)
        and doc.body_follows(i)
        and (doc.marks_sentences or _unmarked_heading(doc.feats[i]))
    ):
        return "heading"
    return None


def _unmarked_heading(f: Features) -> bool:
    if f.no_space:
        return f.chars <= UNMARKED_MAX_CHARS_NO_SPACE
    return f.words <= UNMARKED_MAX_WORDS


def colon_or_question(doc: Doc, i: int) -> Kind | None:
    """A short label ending with a colon ("ভূখণ্ড:"), or a short question,
    introducing body text."""
    f = doc.feats[i]
    if not (f.one_line and f.chars <= 60) or not doc.body_follows(i):
        return None
    if f.text.endswith((":", "：")):
        if f.no_space:  # a phrase is one "word": its length tells
            return "heading" if f.chars <= SERIES_MAX_CHARS_NO_SPACE else None
        if f.words <= COLON_MAX_WORDS or (
            f.words <= COLON_SERIES_MAX_WORDS
            and doc.colon_labels >= 2
            and doc.kinds_so_far.get(i - 1) != "heading"  # else it opens the section's text
        ):
            return "heading"
    if f.text.endswith(("?", "؟", "？", "!", "！")) and (
        f.words <= QUESTION_MAX_WORDS or f.no_space
    ):
        return "heading"  # a question or an exclamation: "कोरोना दवा की खोज पूरी !"
    return None


HEADING_RULES: Sequence[tuple[str, Rule]] = (
    ("markdown-heading", markdown_heading),
    ("list-item", list_item),
    ("quoted-line", quoted_line),
    ("byline", byline),
    ("continuation", continuation),
    ("numbered-heading", numbered_heading),
    ("repeated-pattern", repeated_pattern),
    ("after-title", after_title),
    ("after-heading", after_heading),
    ("outside-series", outside_series),
    ("short-line", short_line),
    ("closing-list", closing_list),
    ("compact-line", compact_line),
    ("colon-or-question", colon_or_question),
)

LEAD_RULES: Sequence[tuple[str, Rule]] = (
    ("running-text", running_text),
    ("markdown-title", markdown_title),
    ("first-line-title", first_line_title),
)
BODY_LEAD_RULES = LEAD_RULES[:1]  # the title rules answer for the first block only
RULES: Sequence[tuple[str, Rule]] = (*LEAD_RULES, *BOILERPLATE_RULES, *HEADING_RULES)


# A block no heading rule can take (a sentence of more than this many words,
# more words than any heading, several lines) is a paragraph ("sentence"),
# unless a boilerplate rule said otherwise: far fewer rules are tried on it.
SENTENCE_MIN_WORDS = 8


def _no_heading_possible(f: Features, i: int) -> bool:
    """Whether every heading and title rule would pass block `i` by (their
    limits, checked up front)."""
    if i == 0 or f.text.startswith("#"):
        return False
    if not f.one_line:
        return not (len(f.block.lines) == 2 and _is_setext_rule(f.block.last))
    if f.sentence and f.words > SENTENCE_MIN_WORDS:
        return True
    return f.chars > HEADING_MAX_CHARS or (not f.no_space and f.words > HEADING_MAX_WORDS)


def stacked_heading(doc: Doc, i: int, kinds: list[tuple[Kind, str]]) -> bool:
    """A compact heading-like line directly above a heading opens a section
    whose text starts with a sub-section ("History" above "Early years")."""
    f = doc.feats[i]
    if kinds[i] != ("paragraph", "default") or not doc.headingish(i):
        return False
    j = i + 1
    while j < doc.n and kinds[j][0] == "boilerplate":
        j += 1
    if j >= doc.n or kinds[j][0] != "heading":
        return False
    prev = doc.feats[i - 1] if i > 0 else None
    if prev is not None and prev.clause and compact(prev):
        return False  # the item of a list a label ("Members:") announces
    return compact(f)


def compact(f: Features) -> bool:
    """Short enough to be a heading with no body text of its own."""
    if _has_label(f.text):
        return False
    if f.no_space:
        return f.chars <= STACKED_MAX_CHARS_NO_SPACE
    return f.words <= STACKED_MAX_WORDS and f.chars <= STACKED_MAX_CHARS


def classify(blocks: Sequence[Block]) -> list[tuple[Kind, str]]:
    """The kind of each block and the rule that decided it.

    A first pass applies `RULES` in order (skipping the groups whose limits
    rule them out up front); a second pass, from the end, finds headings
    stacked above other headings.
    """
    doc = Doc([Features(b) for b in blocks])
    out: list[tuple[Kind, str]] = []
    kinds, names = doc.kinds_so_far, doc.rules_so_far
    for i, f in enumerate(doc.feats):
        found = _first_answer(doc, i, LEAD_RULES if i == 0 else BODY_LEAD_RULES)
        if found is None and _may_be_boilerplate(doc, i):
            found = _first_answer(doc, i, BOILERPLATE_RULES)
        if found is None and _no_heading_possible(f, i):
            found = ("paragraph", "sentence")
        if found is None:
            found = _first_answer(doc, i, HEADING_RULES) or ("paragraph", "default")
        out.append(found)
        kinds[i], names[i] = found
    for i in range(doc.n - 2, -1, -1):
        if stacked_heading(doc, i, out):
            out[i] = ("heading", "stacked-heading")
    return out


def _first_answer(doc: Doc, i: int, rules: Sequence[tuple[str, Rule]]) -> tuple[Kind, str] | None:
    for name, rule in rules:
        kind = rule(doc, i)
        if kind is not None:
            return kind, name
    return None


def heading_text(block: Block) -> str:
    """A heading's text without its Markdown markup."""
    m = _MD_HEADING.p.match(block.first) if block.first.startswith("#") else None
    if m and len(block.lines) == 1:
        return m.group(2).strip()
    if len(block.lines) == 2 and _is_setext_rule(block.last):
        return block.first
    return block.text()
