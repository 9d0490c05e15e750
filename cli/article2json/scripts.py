"""Everything the parser knows about writing systems, kept as data.

Sentence ends come from Unicode properties (`\\p{Sentence_Terminal}`), so the
danda, the Arabic full stop, the ideographic full stop, the Armenian and
Ethiopic full stops need no special case. What Unicode does not say (which
scripts are written without spaces between words) is listed here.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import regex

from .patterns import Lazy

# Scripts written without spaces between words: lines wrapped inside a
# paragraph are joined with nothing, and each letter counts as one word.
NO_SPACE_SCRIPTS: tuple[str, ...] = (
    "Han",
    "Hiragana",
    "Katakana",
    "Yi",
    "Thai",
    "Lao",
    "Khmer",
    "Myanmar",
    "Tibetan",
)

# Scripts for which the word measure is one letter = one word. Tibetan is
# written without spaces too, but its syllables are separated by the tsheg,
# which Unicode word rules already split on.
CHARACTER_COUNTED_SCRIPTS: tuple[str, ...] = tuple(s for s in NO_SPACE_SCRIPTS if s != "Tibetan")

# Scripts `stats.script` can name, most common first (the order only matters
# for speed). Script names are Unicode's Script property values.
KNOWN_SCRIPTS: tuple[str, ...] = (
    "Latin",
    "Cyrillic",
    "Arabic",
    "Devanagari",
    "Han",
    "Hiragana",
    "Katakana",
    "Hangul",
    "Bengali",
    "Tamil",
    "Telugu",
    "Kannada",
    "Malayalam",
    "Gujarati",
    "Gurmukhi",
    "Oriya",
    "Sinhala",
    "Greek",
    "Hebrew",
    "Armenian",
    "Georgian",
    "Thai",
    "Lao",
    "Khmer",
    "Myanmar",
    "Tibetan",
    "Ethiopic",
    "Thaana",
    "Syriac",
    "Mongolian",
    "Cherokee",
    "Canadian_Aboriginal",
    "Yi",
    "Chakma",
    "Tifinagh",
    "Nko",
    "Ol_Chiki",
    "Javanese",
    "Balinese",
    "Sundanese",
    "Bopomofo",
    "Vai",
    "Adlam",
    "Bamum",
    "Tai_Le",
    "New_Tai_Lue",
    "Tai_Tham",
    "Tai_Viet",
    "Lepcha",
    "Limbu",
    "Meetei_Mayek",
    "Samaritan",
    "Runic",
    "Ogham",
    "Coptic",
    "Glagolitic",
    "Gothic",
    "Buginese",
    "Batak",
    "Cham",
    "Osage",
    "Hanifi_Rohingya",
    "Kayah_Li",
    "Saurashtra",
    "Syloti_Nagri",
    "Newa",
    "Tirhuta",
    "Sharada",
    "Grantha",
)

# Sentence ends that are not Sentence_Terminal in Unicode: the ellipsis, and
# the Ethiopic full stop as often typed, with two word-space marks, and the
# Tibetan shad.
EXTRA_SENTENCE_ENDS: tuple[str, ...] = ("…", "፡፡", "།", "༎")
# Marks that some scripts put after every phrase, headings included (the
# Tibetan shad, the Devanagari danda): a one- or two-word line ending with one
# can still be a heading.
PHRASE_CLOSERS: tuple[str, ...] = ("།", "༎", "।", "॥")
# Marks that end a clause: a short line ending with one of these announces
# what follows ("Article 1:", "ভূখণ্ড:").
CLAUSE_ENDS = ":：;；,，、،؛፣፤-–—ঃ՝`"  # ঃ: Bengali writes the visarga for a colon;
# ՝ is the Armenian comma, often typed as a grave accent.
# Marks after which the next line goes on with the same sentence (commas and
# semicolons of every script; not the Armenian comma, which also stands for a colon).
CONTINUING_MARKS: tuple[str, ...] = (",", ";", "，", "；", "、", "،", "؛", "፣", "፤")
# Closing quotes and brackets that may follow a sentence end: `said "no."`.
CLOSERS = "\"'”’»›」』）)]】〕〉》"
OPENING_QUOTES = "\"'“‘«‹„‚「『《〈"

_no_space = "".join(rf"\p{{Script={s}}}" for s in NO_SPACE_SCRIPTS)
_counted = "".join(rf"\p{{Script={s}}}" for s in CHARACTER_COUNTED_SCRIPTS)

# CJK punctuation and full-width forms sit between such letters without spaces too.
NO_SPACE_CHAR = Lazy(rf"[{_no_space}\u3000-\u303f\uff00-\uffef]")
# A word: one letter of a character-counted script, or a run of word characters
# of any other script (Unicode's \w keeps vowel signs, viramas, ZWJ and ZWNJ
# inside the word: हिन्दी is one word).
# A soft hyphen inside a word does not split it ("co\u00adoperate" is one word).
WORD = Lazy(rf"[[{_counted}]&&\p{{L}}]|[\w--[{_counted}]][[\w\u00ad]--[{_counted}]]*", regex.V1)
_script_cache: dict[str, str] = {}


_SENTENCE_END_CHAR = Lazy(r"\p{Sentence_Terminal}")
_script_patterns: dict[str, regex.Pattern[str]] = {}
# What may follow the last mark of a line: closing quotes, spaces, and the
# invisible marks of bidirectional text (LRM, RLM, embeddings, isolates).
_BIDI_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_TRAILING = CLOSERS + " \t\n\u00a0\u3000\u200b\ufeff" + _BIDI_MARKS


class _CharClass(dict[str, bool]):
    """Whether a character matches a pattern, asked of Unicode once per character."""

    def __init__(self, pattern: Lazy) -> None:
        super().__init__()
        self.pattern = pattern

    def __missing__(self, char: str) -> bool:
        found = self[char] = self.pattern.p.match(char) is not None
        return found


_is_end = _CharClass(_SENTENCE_END_CHAR)  # a sentence end
_is_no_space = _CharClass(NO_SPACE_CHAR)  # a letter of a script written without spaces


def sentence_and_clause(text: str) -> tuple[bool, bool]:
    """Whether `text` ends a sentence, and whether it ends a clause (a colon,
    comma, semicolon or dash), closing quotes, spaces and bidi marks aside."""
    core = text.rstrip(_TRAILING)
    if not core:
        return False, False
    last = core[-1]
    return _is_end[last] or core.endswith(EXTRA_SENTENCE_ENDS), last in CLAUSE_ENDS


def ends_sentence(text: str) -> bool:
    return sentence_and_clause(text)[0]


def is_no_space(char: str) -> bool:
    # Every script written without spaces (Thai first) lies above U+0E00.
    return char >= NO_SPACE_FROM and _is_no_space[char]


NO_SPACE_FROM = "\u0e00"


def _token_words(token: bytes) -> int:
    if token.isascii():
        return 1  # ASCII letters, digits and "_" only, once separators are spaces
    text = token.decode("utf-8", "surrogatepass")
    core = text.strip(EDGE_PUNCTUATION)
    if not core:
        return 0
    # One run of letters, marks and digits, none of a script counted letter
    # by letter, quotes and dandas aside, is one word: found without the
    # Unicode pattern ("_" first: a token may start with a digit).
    if ("_" + core).isidentifier():
        if max(core) < NO_SPACE_FROM:
            if not ("\u00b7" in core or "\u0387" in core):
                return 1
        elif _IDENTIFIER_NOT_WORD.isdisjoint(core) and not any(map(_is_counted.__getitem__, core)):
            return 1
    return sum(1 for _ in WORD.p.finditer(text))


# The identifier characters that \w does not take (middle dots, Ethiopic and
# Tai Lue digits, a few symbols): str.isidentifier and WORD differ only there.
_IDENTIFIER_NOT_WORD = frozenset(
    "\u00b7\u0387\u1369\u136a\u136b\u136c\u136d\u136e\u136f\u1370\u1371\u19da\u2118\u212e\u309b\u309c"
)
_is_counted = _CharClass(Lazy(rf"[{_counted}]"))  # a character of a counted script


# Punctuation that clings to words (no word characters): quotes, dashes, dandas.
EDGE_PUNCTUATION = "।॥…“”‘’„«»‹›—–‐‑،؛؟۔"


class _WordCache(dict[bytes, int]):
    """Words per distinct token, computed once: a vocabulary repeats, so the
    Unicode-aware pattern runs on each new token only."""

    def __missing__(self, token: bytes) -> int:
        if len(self) > _WORD_CACHE_SIZE:
            self.clear()  # keep memory flat over millions of documents
        n = self[token] = _token_words(token)
        return n


_WORD_CACHE_SIZE = 200_000
# Characters counted at a time: a window's tokens are a list of bytes (a
# megabyte of words took 10 MB).
_WINDOW = 1 << 16
_word_cache = _WordCache()
# ASCII bytes that are not word characters become spaces; every other byte
# (ASCII letters, digits, "_" and all bytes of non-ASCII characters) is kept.
_ASCII_SEPARATORS = bytes(
    b if b >= 0x80 or chr(b).isalnum() or b == 0x5F else 0x20 for b in range(256)
)


def count_words(text: str) -> int:
    """The number of words: runs of Unicode word characters (`\\w+`), each
    letter of a script written without spaces counting as one word.

    Exact, and fast: ASCII punctuation and spaces are turned into separators on
    the UTF-8 bytes, and each resulting token is counted once per distinct
    token with the Unicode pattern (a word never spans an ASCII separator).
    """
    total = 0
    start = 0
    while start < len(text):
        # Windows that end at white space (no word spans one) keep memory flat.
        end = start + _WINDOW
        if end < len(text):
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            end = cut + 1 if cut > start else end
        data = text[start:end].encode("utf-8", "surrogatepass").translate(_ASCII_SEPARATORS)
        if data.isascii():
            total += len(data.split())
        else:
            total += sum(map(_word_cache.__getitem__, data.split()))
        start = end
    return total


def _script_pattern(script: str) -> regex.Pattern[str]:
    """Compiled on first use: a one-liner pays only for the scripts it meets."""
    pattern = _script_patterns.get(script)
    if pattern is None:
        pattern = regex.compile(rf"\p{{Script={script}}}")
        _script_patterns[script] = pattern
    return pattern


def script_of(char: str) -> str:
    """The Unicode script of one letter, from `KNOWN_SCRIPTS`, else "Unknown".

    The script the character's Unicode name starts with ("DEVANAGARI LETTER
    KA") is tried first: a letter has one script, so the order cannot change
    the answer, but a Hindi one-liner then compiles one pattern, not four
    (each costs about 0.4 ms)."""
    found = _script_cache.get(char)
    if found is None:
        guess = _NAME_SCRIPT.get(unicodedata.name(char, " ").split(" ", 1)[0])
        order = KNOWN_SCRIPTS if guess is None else (guess, *KNOWN_SCRIPTS)
        found = _script_cache[char] = next(
            (s for s in order if _script_pattern(s).match(char)), "Unknown"
        )
    return found


# The first word of a character's Unicode name -> the script to try first.
_NAME_SCRIPT = {s.upper(): s for s in KNOWN_SCRIPTS} | {"CJK": "Han"}


# Enough letters to name the dominant script of any article; beyond this the
# answer does not change, and counting costs time.
SCRIPT_SAMPLE = 2_000


def dominant_script(text: str) -> str:
    """The script most letters belong to ("Unknown" when there are none),
    judged on samples from the start and the middle of the text."""
    half = SCRIPT_SAMPLE // 2
    middle = len(text) // 2
    sample = (
        text[:SCRIPT_SAMPLE]
        if len(text) <= 2 * SCRIPT_SAMPLE
        else text[:half] + text[middle : middle + half]
    )
    tally: Counter[str] = Counter()
    cache = _letter_script
    for char, n in Counter(sample).items():
        script = cache.get(char)
        if script is None:
            script = cache[char] = script_of(char) if char.isalpha() else ""
        tally[script] += n
    tally.pop("Unknown", None)
    tally.pop("", None)
    if not tally:
        return "Unknown"
    # max() keeps the first of equal counts, as most_common(1) does (which
    # would import heapq for a one-liner)
    return max(tally, key=tally.__getitem__)


# The script of each character met, "" for characters that are not letters.
_letter_script: dict[str, str] = {}
