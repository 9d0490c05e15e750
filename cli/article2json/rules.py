"""Decide what each block is: title, heading, paragraph or boilerplate.

Each rule is a small pure function `(doc, i) -> Kind | None` that looks at
block `i` and its neighbours; `RULES` lists them in order and the first rule
that answers wins. `classify` returns the kind and the name of the rule that
decided it, which `--explain` shows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import regex

from . import boilerplate as bp
from .blocks import Block
from .model import Kind
from .scripts import OPENING_QUOTES, ends_clause, ends_sentence, is_no_space

# A heading is one line of at most this many characters (or words).
HEADING_MAX_CHARS = 120
HEADING_MAX_WORDS = 16
# A title is one line of at most this many characters.
TITLE_MAX_CHARS = 300

_MD_HEADING = regex.compile(r"^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT_RULE = regex.compile(r"^(?:=+|-+)$")
_BULLET = regex.compile(r"^(?:[-*+•●○◦▪▫■□‣⁃–—·∙]\s|\(?\w{1,3}[.)]\s+\S.*[\p{P}]$)")
_NUMBERED = regex.compile(
    r"^(?:[\p{L}\p{M}]+\s+){0,2}(?:\p{Nd}+|[IVXLC]+)(?:\s+[\p{L}\p{M}]+)?[.:：]?$"
    r"|^第[\p{N}〇一二三四五六七八九十百千]+[条章節节部編]"
)
_BYLINE = regex.compile(
    r"^(?:by|par|von|por|di|door|av|af|от|автор|द्वारा|लेखक|रिपोर्ट)[\s:]+\p{Lu}?",
    regex.IGNORECASE,
)
_WORD = regex.compile(r"\w+")
_DIGITS = regex.compile(r"\p{Nd}+")


@dataclass(slots=True)
class Features:
    """What the rules need to know about one block, computed once."""

    block: Block
    text: str
    words: int
    one_line: bool
    sentence: bool  # ends a sentence
    clause: bool  # ends with a colon, comma or semicolon

    @property
    def chars(self) -> int:
        return len(self.text)


def features(block: Block) -> Features:
    text = block.text()
    words = len(_WORD.findall(text[:2000])) if len(text) < 2000 else 1000
    if text and is_no_space(text[0]):
        words = max(words, len(text) // 2)
    return Features(
        block=block,
        text=text,
        words=words,
        one_line=len(block.lines) == 1,
        sentence=ends_sentence(text),
        clause=ends_clause(text),
    )


@dataclass
class Doc:
    """The blocks of one article and what the rules learn about them as a whole."""

    feats: list[Features]
    kinds: list[Kind | None] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.feats)

    @cached_property
    def shared_words(self) -> frozenset[str]:
        """First or last words shared by several short blocks: the "Article"
        of "Article 1.", "Article 2.", ... whatever the language."""
        seen: Counter[str] = Counter()
        for f in self.feats:
            if f.one_line and f.words <= 5 and f.chars <= 60:
                ws = _WORD.findall(_DIGITS.sub(" ", f.text))
                if ws:
                    seen.update({"^" + ws[0], "$" + ws[-1]})
        return frozenset(w for w, n in seen.items() if n >= 3)

    def short(self, i: int) -> bool:
        f = self.feats[i]
        return f.one_line and f.chars <= HEADING_MAX_CHARS and f.words <= HEADING_MAX_WORDS

    def body_follows(self, i: int) -> bool:
        """Whether block `i` is followed by article text a heading could introduce."""
        j = i + 1
        while j < len(self.feats) and _is_boilerplate(self, j):
            j += 1
        if j >= len(self.feats):
            return False
        nxt, cur = self.feats[j], self.feats[i]
        if not nxt.one_line or nxt.sentence or nxt.clause:
            return True
        return nxt.chars > max(2 * cur.chars, 60) and not self.headingish(j)

    def headingish(self, i: int) -> bool:
        f = self.feats[i]
        return self.short(i) and not f.sentence and not f.clause


Rule = Callable[[Doc, int], Kind | None]


def _is_boilerplate(doc: Doc, i: int) -> bool:
    return any(rule(doc, i) == "boilerplate" for _, rule in BOILERPLATE_RULES)


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
    if not f.one_line or f.chars > TITLE_MAX_CHARS or _BULLET.match(f.text):
        return None
    if f.sentence and f.words > 25 and len(doc) > 1:
        return None
    return "title"


# --- boilerplate ---------------------------------------------------------------


def _short_enough(f: Features) -> bool:
    return f.words <= bp.MAX_WORDS


def bracketed_tail(doc: Doc, i: int) -> Kind | None:
    """A block wholly in brackets after the last article paragraph."""
    f = doc.feats[i]
    if i >= len(doc) - 2 and i > 0 and _short_enough(f) and bp.BRACKETED.match(f.text):
        return "boilerplate"
    return None


def also_read(doc: Doc, i: int) -> Kind | None:
    f = doc.feats[i]
    if _short_enough(f) and bp.OPENER.match(f.text):
        return "boilerplate"
    return None


def promo_phrase(doc: Doc, i: int) -> Kind | None:
    f = doc.feats[i]
    if _short_enough(f) and bp.PHRASE.search(f.text):
        return "boilerplate"
    return None


def social_call(doc: Doc, i: int) -> Kind | None:
    """Two networks named, or one with a call to action ("follow us on ...")."""
    f = doc.feats[i]
    if not _short_enough(f):
        return None
    networks = {m.casefold() for m in bp.NETWORK.findall(f.text)}
    if len(networks) >= 2 or (networks and bp.CALL.search(f.text)):
        return "boilerplate"
    return None


def link_or_handle(doc: Doc, i: int) -> Kind | None:
    f = doc.feats[i]
    if f.words <= 25 and (bp.LINK.search(f.text) or bp.COPYRIGHT.search(f.text)):
        return "boilerplate"
    return None


def author_tagline(doc: Doc, i: int) -> Kind | None:
    """"<Name> is a regular commentator on ...", closing the article."""
    f = doc.feats[i]
    if i == len(doc) - 1 and i > 1 and f.words <= 40 and bp.TAGLINE.match(f.text):
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
    if f.one_line and _MD_HEADING.match(f.text):
        return "heading"
    if len(f.block.lines) == 2 and _SETEXT_RULE.match(f.block.last) and len(f.block.first) < 200:
        return "heading"
    return None


def list_item(doc: Doc, i: int) -> Kind | None:
    """Bulleted lines are list items, never headings."""
    if _BULLET.match(doc.feats[i].text):
        return "paragraph"
    return None


def quoted_line(doc: Doc, i: int) -> Kind | None:
    """A line wholly in quotes is a quotation, never a heading."""
    t = doc.feats[i].text
    if len(t) > 2 and t[0] in OPENING_QUOTES and sum(t.count(q) for q in OPENING_QUOTES) <= 2:
        return "paragraph"
    return None


def byline(doc: Doc, i: int) -> Kind | None:
    f = doc.feats[i]
    if f.one_line and f.words <= 8 and _BYLINE.match(f.text):
        return "paragraph"
    return None


def numbered_heading(doc: Doc, i: int) -> Kind | None:
    """"Article 3.", "३.", "Члан 1.", "第三条": a short numbered line."""
    f = doc.feats[i]
    if f.one_line and f.words <= 4 and _NUMBERED.match(f.text) and doc.body_follows(i):
        return "heading"
    return None


def repeated_pattern(doc: Doc, i: int) -> Kind | None:
    """Short lines that share their first or last word with two other short
    lines are a series of headings, even when they end with a full stop."""
    f = doc.feats[i]
    if not (f.one_line and f.words <= 5 and f.chars <= 60) or not doc.shared_words:
        return None
    ws = _WORD.findall(_DIGITS.sub(" ", f.text))
    if ws and ({"^" + ws[0], "$" + ws[-1]} & doc.shared_words) and doc.body_follows(i):
        return "heading"
    return None


def short_line(doc: Doc, i: int) -> Kind | None:
    """A short line that does not end a sentence, introducing body text."""
    if doc.headingish(i) and doc.body_follows(i):
        return "heading"
    return None


def colon_or_question(doc: Doc, i: int) -> Kind | None:
    """A short label ending with a colon ("ভূখণ্ড:"), or a short question,
    introducing body text."""
    f = doc.feats[i]
    if not (f.one_line and f.words <= 6 and f.chars <= 60):
        return None
    if (f.text.endswith((":", "：", "?", "؟", "？"))) and doc.body_follows(i):
        return "heading"
    return None


HEADING_RULES: Sequence[tuple[str, Rule]] = (
    ("markdown-heading", markdown_heading),
    ("list-item", list_item),
    ("quoted-line", quoted_line),
    ("byline", byline),
    ("numbered-heading", numbered_heading),
    ("repeated-pattern", repeated_pattern),
    ("short-line", short_line),
    ("colon-or-question", colon_or_question),
)

RULES: Sequence[tuple[str, Rule]] = (
    ("markdown-title", markdown_title),
    ("first-line-title", first_line_title),
    *BOILERPLATE_RULES,
    *HEADING_RULES,
)


def classify(blocks: Sequence[Block]) -> list[tuple[Kind, str]]:
    """The kind of each block and the rule that decided it."""
    doc = Doc([features(b) for b in blocks])
    out: list[tuple[Kind, str]] = []
    for i in range(len(doc)):
        for name, rule in RULES:
            kind = rule(doc, i)
            if kind is not None:
                out.append((kind, name))
                break
        else:
            out.append(("paragraph", "default"))
    return out


def heading_text(block: Block) -> str:
    """A heading's text without its Markdown markup."""
    m = _MD_HEADING.match(block.first)
    if m and len(block.lines) == 1:
        return m.group(2).strip()
    if len(block.lines) == 2 and _SETEXT_RULE.match(block.last):
        return block.first
    return block.text()
