"""Cues that a block is not part of the article: promotions, app and
social-media calls, "also read" links, copyright and subscription lines,
author tag-lines.

The cues that work in any language (links, @handles, ©, brackets, names of
networks and stores) come first; phrase lists are data (`phrases.py`), one tuple per
language, matched case-insensitively. A cue only counts on a short block: a
long paragraph that mentions Facebook is still article text.
"""

from __future__ import annotations

import re  # noqa: TID251  (only for literal alternatives, which it searches faster than `regex`)

from .patterns import Lazy
from .phrases import (
    AD_LABELS,
    AD_TOPICS,
    BRACKET_PROMOS,
    CALLS,
    COPYRIGHT_CHARS,
    COPYRIGHT_MARKS,
    COPYRIGHT_WORDS,
    HOMES,
    KICKERS,
    MENU_ITEM_WORDS,
    MENU_ITEMS,
    MENU_SEPARATORS,
    NETWORKS,
    OPENERS,
    PAGE_OF,
    PAGE_WORDS,
    PHRASES,
    RIGHTS_RESERVED,
    TAGLINES,
)
from .tables import is_table

# Blocks longer than this (in words) are never boilerplate.
MAX_WORDS = 60
# Phrases are looked for in blocks this short, and in any block among the
# first two and the last TAIL_BLOCKS (where a bracketed promo may stand too).
SHORT_WORDS = 25
TAIL_BLOCKS = 4


def _lowered(phrases: object) -> tuple[str, ...]:
    """Lower-cased, longest first. Phrases are matched as plain substrings of
    lower-cased text: faster than a pattern, and nothing to compile."""
    assert isinstance(phrases, (tuple, list))
    return tuple(sorted({str(p).lower() for p in phrases}, key=len, reverse=True))


KICKER_PHRASES = frozenset(_lowered([p for ps in KICKERS.values() for p in ps]))
OPENER_PHRASES = _lowered([p for ps in OPENERS.values() for p in ps])
PROMO_PHRASES = _lowered([p for ps in PHRASES.values() for p in ps])
NETWORK_NAMES = _lowered(NETWORKS)
CALL_WORDS = _lowered(CALLS)
BRACKET_PROMO_WORDS = _lowered([p for ps in BRACKET_PROMOS.values() for p in ps])
# Substrings without which a block holds no link, handle or copyright sign.
LINK_MARKS = ("/", "@", "©", "www", "(c)", "copyright")
CUES = PROMO_PHRASES + NETWORK_NAMES + LINK_MARKS
# What may stand before an opener ("» Also read: ...").
_LEAD = " \t\"'“”‘’«»()[]{}*-–—•·:;.,!?|>#"


def has_cue(low: str) -> bool:
    """Whether any phrase, network name or link mark occurs in lower-cased `low`.

    One search of a pattern of all the cues is the fastest, once compiled;
    compiling takes as long as a few hundred plain substring checks, so a
    one-liner makes those, and a batch compiles the pattern."""
    if _cue_search.pattern is not None:
        return _cue_search.pattern.search(low) is not None
    _cue_search.calls += 1
    if _cue_search.calls >= _CUE_COMPILE_AFTER:
        # literal alternatives: the standard module searches them faster than `regex`
        _cue_search.pattern = re.compile("|".join(map(re.escape, CUES)))
    return any(map(low.__contains__, CUES))  # the loop runs in C


class _CueSearch:
    calls = 0
    pattern: re.Pattern[str] | None = None


_cue_search = _CueSearch()
_CUE_COMPILE_AFTER = 300


def opener_end(low: str) -> int | None:
    """Where an "also read"-style opener of lower-cased `low` ends, if it has one."""
    rest = low.lstrip(_LEAD)
    if not rest.startswith(OPENER_PHRASES):  # one call in C for the common case
        return None
    for phrase in OPENER_PHRASES:
        if rest.startswith(phrase):
            return len(low) - len(rest) + len(phrase)
    return None


def has_opener(text: str) -> bool:
    """Whether `text` starts with an "also read"-style opener (only its start
    is lower-cased: most blocks asked are long paragraphs)."""
    return opener_end(text[:OPENER_PREFIX].lower()) is not None


def names_something(text: str) -> bool:
    """Whether an "also read"-style block says what to read after its
    opener ("Also read: Floods in Assam"). An opener alone ("Read more:",
    "আরও পড়ুন") is a label for what follows, a heading of further reading
    more often than a link: it is not boilerplate by itself."""
    end = opener_end(text[:OPENER_PREFIX].lower())
    return end is not None and bool(text[end:].strip(_LEAD))


OPENER_PREFIX = 120  # longer than any opener with what may stand before it


def has_promo_phrase(low: str) -> bool:
    return any(map(low.__contains__, PROMO_PHRASES))


def networks_named(low: str) -> set[str]:
    """The networks named in lower-cased `low`, as whole words."""
    found = set()
    for name in NETWORK_NAMES:
        at = low.find(name)
        while at >= 0:
            end = at + len(name)
            if not (at and _wordy(low[at - 1])) and not (end < len(low) and _wordy(low[end])):
                found.add(name)
                break
            at = low.find(name, at + 1)
    return found


def _wordy(char: str) -> bool:
    return char.isalnum() or char == "_"


def has_call(low: str) -> bool:
    return any(map(low.__contains__, CALL_WORDS))


def has_bracket_promo(low: str) -> bool:
    return any(map(low.__contains__, BRACKET_PROMO_WORDS))


TAGLINE = Lazy("|".join(f"(?:{p})" for p in TAGLINES.values()))
LINK = Lazy(r"\bhttps?://|\bwww\.\w|(?<![\w@])@\w{2,}|\b\w[\w.-]*\.(?:com|in|org|net)/")
LINK_TEXT = Lazy(r"(?:https?://|www\.)\S+|@\w+")
COPYRIGHT = Lazy(r"©|\(c\)\s*\d{4}|\bcopyright\b")  # on lower-cased text
BRACKETED = Lazy(r"^\s*(?:\([^()]*(?:\([^()]*\)[^()]*)*\)|\[[^\[\]]*\])\W*$")
# Full-width brackets apart: a longer pattern costs a one-liner its compile.
BRACKETED_WIDE = Lazy(r"^\s*(?:（[^（）]*）|【[^【】]*】)\W*$")
OPEN_BRACKETS = "([（【"


_PAGE_WORD = "|".join(map(re.escape, PAGE_WORDS))
_PAGE_OF = "|".join(map(re.escape, PAGE_OF))
_PAGE_NUMBER = Lazy(
    rf"(?i)^(?:(?:{_PAGE_WORD})\s*)?[-–—]?\s*\p{{Nd}}{{1,4}}\s*[-–—页]?"
    rf"(?:\s*(?:{_PAGE_OF})\s*\p{{Nd}}{{1,4}})?$"
)
PAGE_NUMBER_CHARS = 24


def is_page_number(text: str) -> bool:
    """A page number alone on its line: "12", "- 12 -", "Page 3 of 12"."""
    if len(text) > PAGE_NUMBER_CHARS or not any(map(str.isdigit, text)):
        return False  # (no pattern to compile for a one-liner without one)
    if text.isdigit() and len(text) > 3:
        return False  # a year alone ("1984", a timeline's "1921") may be a heading
    return _PAGE_NUMBER.p.match(text) is not None


def is_kicker(text: str) -> bool:
    """A page's label above its headline, the whole block one phrase kept
    as data ("BREAKING NEWS", "Opinion:", "— Exclusive —")."""
    if len(text) > KICKER_CHARS:
        return False
    words = " ".join(text.split())  # (a no-break space between its words)
    start, end = 0, len(words)
    while start < end and not words[start].isalnum():  # marks and emoji: "🔴 LIVE"
        start += 1
    while end > start and not words[end - 1].isalnum():
        end -= 1
    return words[start:end].lower() in KICKER_PHRASES


KICKER_CHARS = 40


HOME_NAMES = frozenset(_lowered([p for ps in HOMES.values() for p in ps]))
RIGHTS_PHRASES = _lowered([p for ps in RIGHTS_RESERVED.values() for p in ps])


def is_copyright_notice(text: str) -> bool:
    """A short line that opens with a copyright mark ("© 2024 Daily News",
    "Copyright 2023 Ann Lee") or has one and says all rights are reserved,
    in one of the languages kept as data ("版权所有 © 2024"; "All rights
    reserved." alone may end a longer notice that wrapped); "Copyright in
    the drawings stays..." is a sentence."""
    if len(text) > COPYRIGHT_CHARS or len(text.split()) > COPYRIGHT_WORDS:
        return False
    low = text.lstrip(_LEAD.replace("(", "")).lower()
    if low.startswith("copyright"):
        after = low[len("copyright") :].lstrip()
        return after.startswith(COPYRIGHT_MARKS) or after[:4].isdigit()
    return low.startswith(COPYRIGHT_MARKS) or (
        any(p in low for p in RIGHTS_PHRASES) and any(m in low for m in COPYRIGHT_MARKS)
    )


def is_ad_label(text: str) -> bool:
    """A block that is an advertisement's label alone ("ADVERTISEMENT",
    "- Anzeige -", "[広告]"); a word that names a topic too ("Advertising")
    only in capitals or between marks (see AD_TOPICS)."""
    if len(text) > AD_LABEL_CHARS:
        return False
    word = text.strip(_AD_MARKS)
    low = word.lower()
    between = text[0] in _AD_MARKS and text[-1] in _AD_MARKS  # ("Werbung:" is a heading)
    return low in AD_LABELS or (low in AD_TOPICS and (between or (word.isupper() and word != low)))


AD_LABEL_CHARS = 30
_AD_MARKS = " \t-–—:[]()【】［］「」*·•|"


def is_menu(text: str) -> bool:
    """A navigation line: three or more short items between one separator
    ("Home | News | World", "Home > Sport > Cricket"), or two after a home
    page's name ("Home | News"); none a sentence or a date ("posted by Ann |
    Wednesday, June 15, 2005" is a byline), nor a table's rows."""
    if "\n" in text and is_table(text.split("\n")):
        return False
    for sep in MENU_SEPARATORS:
        if sep in text:
            items = [item.strip() for item in text.strip().strip("|").split(sep)]
            enough = len(items) >= MENU_ITEMS or (
                len(items) == 2 and items[0].strip(_LEAD).lower() in HOME_NAMES
            )
            return enough and all(
                item.strip(_LEAD)
                and len(item.split()) <= MENU_ITEM_WORDS
                and "," not in item
                and item[-1] not in ".!?。।"
                for item in items
            )
    return False


def is_bracketed(text: str) -> bool:
    if text[0] in "([":
        return BRACKETED.p.match(text) is not None
    return text[0] in "（【" and BRACKETED_WIDE.p.match(text) is not None


# The cues that make a block in brackets a promotion.
PROMO_CUES = ("cue.network", "cue.call", "cue.promo", "cue.link")


def is_bracketed_promo(text: str) -> bool:
    """Wholly in brackets and naming a network, a store, a link, a
    promotional phrase or a newsletter: "(Follow us on Facebook and
    Twitter.)", "(Sign up for our free weekly newsletter.)"."""
    if not is_bracketed(text):
        return False
    return has_bracket_promo(text.lower()) or any(c in PROMO_CUES for c in cue_features(text))


def cue_features(text: str) -> list[str]:
    """The boilerplate cues a block holds (phrases are data in `phrases.py`);
    the kind model reads them as features."""
    low = text.lower()
    out = []
    if has_opener(text):  # "Also read: <a headline>", or a bare "Read more:" label
        out.append("cue.opener" if names_something(text) else "cue.bare-opener")
    if has_cue(low):
        if has_promo_phrase(low):
            out.append("cue.promo")
        networks = networks_named(low)
        if networks:
            out.append("cue.network")
            if len(networks) > 1:
                out.append("cue.networks")
            if has_call(low):
                out.append("cue.call")
        # (cheap tests first: each pattern costs a one-liner half a millisecond to compile)
        if ("/" in low or "@" in low or "www" in low) and LINK.p.search(text):
            out.append("cue.link")
        if ("©" in low or "(c)" in low or "copyright" in low) and COPYRIGHT.p.search(low):
            out.append("cue.copyright")
    if (" is " in text or " was " in text) and TAGLINE.p.match(text):
        out.append("cue.tagline")
    return out
