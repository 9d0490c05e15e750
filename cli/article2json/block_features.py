"""What the kind model knows about a block: its length against the
article's, how it ends and starts in its script, marks of lists, numbers,
quotes, brackets, links and cue phrases, its position, and its neighbours'.

Each feature is a small named function or a named value; `features` gathers
them for every block of a document. Phrase and script knowledge is data, in
`phrases.py` and `scripts.py`; the boilerplate cues are read in `boilerplate.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from . import boilerplate as bp
from .blocks import is_list_item
from .boilerplate import cue_features, is_bracketed
from .doc_layout import percentile
from .levels import HAN_SECTION_STARTS, is_han_section
from .patterns import Lazy
from .scripts import CLOSERS, OPENING_QUOTES, PHRASE_CLOSERS, sentence_and_clause

# "1. Introduction", "2) Methods", "2.3 Results", "IV. Discussion".
_NUMBERED_HEADING = Lazy(r"^(?:\p{Nd}{1,3}(?:\.\p{Nd}{1,3})*[.)]?|[IVXLC]{1,6}\.)\s+\w")
# "Article 3", "Член 3.", "ماده 3:", "第三条": a word or two and a number.
_SERIES = Lazy(
    r"^(?:[\p{L}\p{M}]+\s+){0,2}(?:\p{Nd}+|[IVXLC]+)(?:\s+[\p{L}\p{M}]+)?[.:：]?$"
    r"|^第[\p{N}〇一二三四五六七八九十百千]+[条章節节部編]"
)
# A sentence end followed by more text (a full stop alone does not count:
# abbreviations have one).
# (a lookahead, not the V1 set difference [\p{Sentence_Terminal}--[.]]: the
# same characters, half the compile time)
_INNER_END = Lazy(r"(?!\.)\p{Sentence_Terminal}\s+\w|\.\s+\p{Lu}")
_DATELINE = Lazy(r"^[\p{Lu}][\p{L}.' -]{1,30}(?:,[\p{L} .]{0,20})?\s*[:—–-]\s+\S")
_LENGTH_BINS = (20, 40, 80, 150, 300)
# Capitalised words are counted in blocks of at most this many words (a
# heading's length; counting them in every paragraph cost 5% of a parse).
CAPITALISED_MAX_WORDS = 30
# Blocks of at most this many words (a heading's length) are tested for
# title case; the same bound, and no sentence or clause end, makes a block a
# heading candidate for its neighbours.
CASE_MAX_WORDS = 15
CANDIDATE_MAX_CHARS = 120
# A word this short may stay lower case in a title-cased line ("of", "the").
TITLE_CASE_SMALL = 3
# How many blocks at each end of an article count as its edges.
HEAD_BLOCKS = 2
TAIL_BLOCKS = bp.TAIL_BLOCKS


# Cheap tests before the patterns: a one-liner compiles only the patterns its
# text needs (each costs about half a millisecond to compile; start-up is
# held to 1.25 times the imports).
_ROMAN = frozenset("IVXLC")


def is_numbered(text: str) -> bool:
    """A numbered heading: "1. Introduction", "2.3 Results", "IV. Discussion",
    "二、方法" (a Chinese section number weighs as any other: the corpora
    hold none to learn it from)."""
    first = text[0]
    if first.isdigit() or first in _ROMAN:
        return _NUMBERED_HEADING.p.match(text) is not None
    return first in HAN_SECTION_STARTS and is_han_section(text)


def is_series(text: str) -> bool:
    """A heading of a numbered series: "Article 3", "Член 3.", "第三条"."""
    if not ("第" in text or any(ch.isdigit() or ch in _ROMAN for ch in text)):
        return False
    return _SERIES.p.match(text) is not None


def has_inner_end(text: str, numbered: bool = False) -> bool:
    """A sentence end followed by more text; a section number's stop ("3.
    Insulate the door") is none."""
    if numbered:
        text = text.split(None, 1)[-1]
    return _INNER_END.p.search(text) is not None


def is_dateline(text: str) -> bool:
    """A place (and date) and a dash or colon opening a report: "LONDON -"."""
    head = text[:60]
    if not (text[0].isupper() and any(m in head for m in ":—–-")):
        return False
    return _DATELINE.p.match(text) is not None


def length_bin(n: int) -> str:
    for b in _LENGTH_BINS:
        if n <= b:
            return f"<={b}"
    return f">{_LENGTH_BINS[-1]}"


def word_count(text: str) -> int:
    """Words as spaces show them (a script without spaces counts its
    characters in fives, about a word's worth)."""
    spaces = text.count(" ")
    return spaces + 1 if spaces * 12 >= len(text) else max(1, len(text) // 5)


def capitalised_share(text: str) -> float:
    """The share of words that start with a capital letter."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if not words:
        return 0.0
    return sum(w[0].isupper() for w in words) / len(words)


def is_title_case(text: str) -> bool:
    """Title case by letter case alone: two words or more, the first
    capitalised, and every other capitalised or short and lower case
    ("Rise of the Machines"), whatever the language's function words."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 2 or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or (len(w) <= TITLE_CASE_SMALL and w.islower()) for w in words)


def is_heading_candidate(text: str) -> bool:
    """Short and ended by no sentence or clause mark: what a heading looks
    like. Two in a row are stacked headings, or a list of short lines."""
    if len(text) > CANDIDATE_MAX_CHARS or word_count(text) > CASE_MAX_WORDS:
        return False
    sent, clause = sentence_and_clause(text)
    return not (sent or clause)


def is_quoted(text: str) -> bool:
    return text[0] in OPENING_QUOTES and text.rstrip(" .")[-1:] in CLOSERS


class DocTally:
    """What `Doc` is read from, one block's text at a time (the segmentation
    hands each block over as it cuts it: no pass of its own)."""

    __slots__ = ("ends", "heads", "lengths", "long", "n", "series", "short")

    def __init__(self) -> None:
        self.lengths: dict[int, int] = {}  # a text's length: how many
        self.n = self.long = self.ends = self.series = self.short = 0
        self.heads: list[str] = []  # the first 40 characters of the first 20 blocks

    def add(self, text: str) -> None:
        size = len(text)
        lengths = self.lengths
        lengths[size] = lengths.get(size, 0) + 1
        if size >= 80:
            self.long += 1
            self.ends += sentence_and_clause(text)[0]
        if size <= 80:
            self.short += 1
            if size <= 40 and is_series(text):
                self.series += 1
        if self.n < 20:
            self.heads.append(text[:40])
        self.n += 1


class Doc:
    """Facts about the whole article that its blocks are measured against,
    read in one pass over its texts (counts, not lists of them)."""

    __slots__ = ("cased", "median", "n", "series", "short", "unmarked")

    def __init__(self, texts: Iterable[str] | DocTally) -> None:
        if isinstance(texts, DocTally):
            tally = texts
        else:
            tally = DocTally()
            for t in texts:
                tally.add(t)
        n = tally.n
        letters = [ch for t in tally.heads for ch in t if ch.isalpha()]
        cased = sum(ch.isupper() or ch.islower() for ch in letters)
        self.n = n
        self.median = max(1, percentile(tally.lengths, n // 2)) if n else 1
        self.unmarked = bool(tally.long) and tally.ends < 0.4 * tally.long
        self.cased = cased > 0.5 * len(letters)
        self.series = tally.series >= 5
        share = tally.short / max(1, n)
        # How much of the article is short lines: in a list-like page they
        # are items, in an essay headings.
        self.short = (
            "doc.short<.25" if share < 0.25 else "doc.short<.5" if share < 0.5 else "doc.short>=.5"
        )

    def after(self, start: int) -> Doc:
        """The same facts for the article that starts `start` blocks in
        (after its front matter: its positions count from there)."""
        if not start:
            return self
        doc = Doc.__new__(Doc)  # (no `copy` module: a one-liner's start-up counts)
        for name in Doc.__slots__:
            setattr(doc, name, getattr(self, name))
        doc.n -= start
        return doc


def own(text: str, n_lines: int, i: int, doc: Doc) -> set[str]:
    """A block's features of its own (without its neighbours')."""
    f = {"b", "len" + length_bin(len(text)), doc.short}
    sent, clause = sentence_and_clause(text)
    stripped = text.rstrip(CLOSERS + " ")
    last = stripped[-1] if stripped else " "  # (a space ends in none of the marks below)
    words = word_count(text)
    ratio = len(text) / doc.median
    title_case = doc.cased and words <= CASE_MAX_WORDS and is_title_case(text)
    numbered = is_numbered(text)
    flags = {
        "sent": sent,
        "clause": clause,
        "noend": not (sent or clause),
        "colon": last in ":：",
        # a greeting ("Hi all,"), a list's line: no heading
        "comma": last in ",،、，",
        "question": last in "?？؟",
        "exclaim": last in "!！",
        "phrase-closer": text.endswith(PHRASE_CLOSERS),
        "lines1": n_lines == 1,
        "lines>3": n_lines > 3,
        "inner-end": has_inner_end(text, numbered),
        "numbered": numbered,
        "series": len(text) <= 60 and is_series(text),
        "doc.series": doc.series,
        "list": is_list_item(text),
        "quoted": is_quoted(text),
        "quote-start": text[0] in OPENING_QUOTES,
        "bracketed": is_bracketed(text),
        "digit-start": text[0].isdigit(),
        "lower-start": doc.cased and text[0].islower(),
        "caps": doc.cased and text.isupper() and len(text) > 3,
        "capitalised": doc.cased
        and 2 <= words <= CAPITALISED_MAX_WORDS
        and capitalised_share(text) >= 0.6,
        "commas3": text.count(",") + text.count("،") + text.count("、") >= 3,
        "dateline": is_dateline(text),
        "words<=3": words <= 3,
        "words<=8": words <= 8,
        "words>25": words > 25,
        "short-for-doc": ratio < 0.3,
        "long-for-doc": ratio > 2,
        "unmarked-doc": doc.unmarked,
        "first": i == 0,
        "second": i == 1,
        "last": i == doc.n - 1,
        "head-edge": i < HEAD_BLOCKS,
        "tail-edge": i >= doc.n - TAIL_BLOCKS,
        "tab": "\t" in text,
        "titlecase": title_case,
    }
    for name, on in flags.items():
        if on:
            f.add(name)
    short = words <= 8
    noend = "noend" in f
    for name, on in (
        ("noend&short", noend and short),
        ("noend&first", noend and i == 0),
        ("sent&first", sent and i == 0),
        ("inner-end&first", i == 0 and "inner-end" in f),
        ("long&first", i == 0 and len(text) > 150),
        ("noend&capitalised", noend and "capitalised" in f),
        ("noend&numbered", noend and numbered),
        ("noend&lines1", noend and n_lines == 1),
        ("colon&short", "colon" in f and short),
        ("sent&short", sent and short),
        ("question&short", "question" in f and short),
        ("caps&short", "caps" in f and short),
        ("list&noend", "list" in f and noend),
        ("titlecase&noend", title_case and noend),
    ):
        if on:
            f.add(name)
    if len(text) <= 400:
        for cue in cue_features(text):
            f.add(cue)
            if i < HEAD_BLOCKS or i >= doc.n - TAIL_BLOCKS:
                f.add(cue + "&edge")
    return f


# The features of a neighbour that a block's kind depends on.
_NEIGHBOUR = (
    "sent",
    "noend",
    "len<=20",
    "len<=40",
    "len<=80",
    "len<=150",
    "len<=300",
    "len>300",
    "words>25",
    "numbered",
    "noend&short",
    "list",
    "capitalised",
    "colon",
    "lines1",
    "lower-start",
    "series",
)


# The features of a block two away that count.
_FAR_NEIGHBOUR = ("sent", "noend&short", "len<=40", "len>300", "numbered")


def stacking(prev: bool, this: bool, after: bool) -> list[str]:
    """Heading candidates next to a block, and next to a candidate: a
    candidate under another is a sub-heading or a short list line, one
    before a candidate rarely a heading of prose."""
    out = []
    if prev:
        out.append("p:cand")
        if this:
            out.append("cand&p:cand")
    if after:
        out.append("n:cand")
        if this:
            out.append("cand&n:cand")
    return out


def iter_features(
    texts: Sequence[str], n_lines: Sequence[int], doc: Doc | None = None, start: int = 0
) -> Iterator[set[str]]:
    """The features of every block of an article from block `start` on (the
    blocks before it are front matter: block `start` is the article's
    first), its neighbours' included, one block at a time: a caller that
    keeps only the scores keeps memory flat (an article of 100,000 blocks
    would hold 100,000 dicts). `doc`, if given, holds the article's facts
    (else they are read from `texts`)."""
    doc = (doc or Doc(texts)).after(start)
    n = len(texts) - start
    ahead = iter(texts)  # each text is read once, in order
    for _ in range(start):
        next(ahead)

    def facts(j: int) -> tuple[set[str] | None, bool, int]:
        """Block j's own features, whether it is a heading candidate, its length."""
        if j >= n:
            return None, False, 0
        text = next(ahead)
        return own(text, n_lines[start + j], j, doc), is_heading_candidate(text), len(text)

    none: tuple[set[str] | None, bool, int] = (None, False, 0)
    window = [none, none, facts(0), facts(1), facts(2)]  # blocks i-2 .. i+2
    for i in range(n):
        far_prev, prev, cur, nxt, far_next = window
        g = set(cur[0] or ())
        for tag, other, names in (
            ("p:", prev[0], _NEIGHBOUR),
            ("n:", nxt[0], _NEIGHBOUR),
            ("p2:", far_prev[0], _FAR_NEIGHBOUR),
            ("n2:", far_next[0], _FAR_NEIGHBOUR),
        ):
            if other is None:
                g.add(tag + "none")
            else:
                for name in names:
                    if name in other:
                        g.add(tag + name)
        length = cur[2]
        if i + 1 < n and 3 * length <= nxt[2]:
            g.add("shorter-than-next")
        if i and 3 * length <= prev[2]:
            g.add("shorter-than-prev")
        g.update(stacking(prev[1], cur[1], nxt[1]))
        yield g
        window = [prev, cur, nxt, far_next, facts(i + 3)]


def features(texts: Sequence[str], n_lines: Sequence[int]) -> list[set[str]]:
    """The features of every block of an article (see `iter_features`)."""
    return list(iter_features(texts, n_lines))
