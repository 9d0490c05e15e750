"""A heading's level (1-6) from the markup of its source lines.

Kept apart from the rules: the rules decide *whether* a block is a heading,
this only reads *how deep* the source says it is, so the assembler can call
it on any block it has already judged a heading.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Sequence

from .lines import atx
from .patterns import Lazy

MAX_LEVEL = 6

# A setext underline: "=" or "-" only (trailing white space allowed).
_SETEXT = Lazy(r"^[ ]{0,3}(=+|-+)[ \t]*$")
# A section number in any script's digits: "2.", "2)", "2.3", "2.3.1.", "２．".
# Groups of 1-3 digits, so that a date ("12.05.2024") is not read as depth 3;
# one group alone needs its closing mark ("2024 budget" is no numbering). A
# full-width mark needs no space after it (CJK text has none).
_NUMBERED = Lazy(
    r"^(\p{Nd}{1,3}(?:\.\p{Nd}{1,3})+)(?:[.)]?(?:\s|$)|[．）、](?!\p{Nd}))"
    r"|^(\p{Nd}{1,3})(?:[.)](?:\s|$)|[．）、](?!\p{Nd}))"
)
# A Chinese section number: "一、" is a part (level 1), "（一）" a section in it (2).
_HAN_NUMERALS = "一二三四五六七八九十"
_HAN_NUMBERED = Lazy(rf"^(?:[{_HAN_NUMERALS}]{{1,3}}(、)|[（(][{_HAN_NUMERALS}]{{1,3}}[）)])")
# A chapter or section by its ordinal, in Chinese or Japanese: "第1章" and
# "第一章" (level 1), "第2節", "第二节" (2). "第三条" is an article of a law,
# which names no level here.
_HAN_CHAPTER = Lazy(
    rf"^第[\p{{Nd}}{_HAN_NUMERALS}百]{{1,4}}([章编編部篇])|^第[\p{{Nd}}{_HAN_NUMERALS}百]{{1,4}}[节節]"
)

# A section number in upper-case Roman numerals: "II. Results", "IV) Notes".
# One letter ("I.", "V.", "C.") is read as a section's letter (see below:
# "V. Putin" is an initial). In lower case ("ii)", "iv.") a section under a
# numbered one.
_ROMAN = Lazy(
    r"^(?=[MDCLXVI]{2})"
    r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})[.)](?:\s|$)"
)
_ROMAN_DIGITS = frozenset("MDCLXVI")
# A section letter: "A. Scope", "B) Methods" (level 1, as a Roman "II." is);
# "a) Data", "(b) Units" (level 2, as under "1."). Not an initial before
# another ("J. K. Rowling"). Alone, a letter is an initial or a question
# ("W. David Baird", "Q. Who do I call?"): it is one only in a sequence
# (see `letters_in_sequence`). `section_letter` reads Roman numbers of two
# letters or more too: they make a lone "I." or "V." part of a sequence.
_LETTERED = Lazy(
    r"^\(?([\p{Lu}\p{Ll}]|(?=[ivx]{2})x{0,3}(?:ix|iv|v?i{0,3})"
    r"|(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3}))[.)]\s+(?!\p{Lu}\.\s)\S"
)


def heading_level(lines: str | Sequence[str], letters: Container[str] | None = None) -> int | None:
    """The level a heading's source lines mark, or None when they mark none.

    `lines` are the raw lines of the heading block (a string is split at line
    breaks), e.g. `[ln.text for ln in block.lines]`:

    - Markdown `#` heading: the number of `#` (`"### Methods"` -> 3);
    - setext (text lines, then a line of `=` or `-`): `=` -> 1, `-` -> 2;
    - an empty `#` line ("##") marks nothing: it is no heading;
    - numbered heading: the depth of its number, in any script's digits
      (`"2. Scope"` -> 1, `"2) Scope"` -> 1, `"2.3 Data"` -> 2,
      `"2.3.1 Units"` -> 3, `"٣. ..."` -> 1), capped at 6, but a date is
      none (`"8. September 2023"`); a Roman one
      (`"II. Results"`) -> 1; a Chinese one: `"二、方法"` -> 1, `"（二）样本"` -> 2;
      a chapter `"第1章"`, `"第一章"` -> 1 and a section `"第2節"`, `"第二节"` -> 2;
    - a lettered heading: `"A. Scope"`, `"B) Methods"` -> 1, `"a) Data"`,
      `"(b) Units"` -> 2, when the letter is among `letters` (those of the
      document's headings in a sequence: see `letters_in_sequence`; None:
      any); a lower-case Roman `"ii) Units"` -> 2;
    - anything else: None.

    Markdown markup wins over a number (`"## 2.3.1 Units"` -> 2).
    """
    if isinstance(lines, str):
        lines = lines.split("\n")
    lines = [ln for ln in lines if ln.strip()]
    if not lines:
        return None
    first = lines[0]
    found = atx(first.strip())  # the one reader of `#` headings
    if found:
        return found[0]
    last = lines[-1]
    if len(lines) >= 2 and last.strip()[:1] in (
        "=",
        "-",
    ):  # CommonMark: text lines, then the underline
        m = _SETEXT.p.match(last)
        if m:
            return 1 if m.group(1)[0] == "=" else 2
    return _numbered_depth(first.strip(), letters)


def is_han_section(text: str) -> bool:
    """A line that opens with a Chinese section number ("二、", "（二）")."""
    first = text[:1]
    if not (first in _HAN_NUMERALS or (first in "（(" and text[1:2] in _HAN_NUMERALS)):
        return False  # (cheap guard: no pattern for most lines, nor for "(Read...")
    return _HAN_NUMBERED.p.match(text) is not None


# A section number of two levels or more before a capitalised word (or one
# of a script without case): "2.1 Data", "3.2.1. Units" ("2.5 million" is
# a figure).
_SUBSECTION = Lazy(r"\p{Nd}{1,3}(?:\.\p{Nd}{1,3})+\.?[ \t]+(?=\p{Lu}|\p{Lo})")


def is_subsection(text: str) -> bool:
    """A line that opens with a section number of two levels or more, not
    a figure before its unit ("2.66 GHz CPU", "7.7 MB", "1.5 Million")."""
    if not text[:1].isdecimal():
        return False
    m = _SUBSECTION.p.match(text)
    if m is None or int(text[: text.index(".")]) == 0:  # ("0.2 of its mass...": a figure)
        return False
    rest = text[m.end() :]
    if _STOP_INSIDE.p.search(rest):
        return False  # a sentence ends inside: a wrapped paragraph's line
    word = rest.split(maxsplit=1)[0].strip(".,;:()").lower()
    return word not in UNITS and not (len(word) <= 3 and rest[:3].isupper())


_STOP_INSIDE = Lazy(r"[.!?।。][\s\p{Pe}\p{Pf}]")


# Words after a figure, not a section's title (lower case).
UNITS = frozenset(
    (
        "hz", "khz", "mhz", "ghz", "kb", "mb", "gb", "tb", "kbps", "mbps", "gbps",
        "mg", "kg", "km", "cm", "mm", "ml", "kw", "mw", "gw", "kwh",
        "million", "billion", "trillion", "millionen", "milliarden", "millones", "millions",
        "percent", "per", "prozent", "por",
    )
)  # fmt: skip


# The first characters of a Chinese section number: callers on a hot path
# test a line's first character against these before calling.
HAN_SECTION_STARTS = frozenset(_HAN_NUMERALS + "（(")


def section_letter(text: str) -> str | None:
    """The letter a heading opens with as a section's ("B. Methods" -> "B",
    "(b) Units" -> "b"), or its Roman number of two letters or more ("ii)
    Data" -> "ii", "IV. Notes" -> "IV"), if any."""
    if not (text[1:2] in ".)" or text[:1] in "(ivxIVX"):
        return None  # (cheap guard: a letter's mark)
    m = _LETTERED.p.match(text)
    return None if m is None else m.group(1)


def letters_in_sequence(letters: Iterable[str]) -> frozenset[str]:
    """The headings' section letters that are in a row with another ("A"
    beside "B"; "I" or "V" beside a Roman number, "II" or "IV"): those are
    sections' letters, the others initials or questions ("E. coli")."""
    found = set(letters)
    romans = {c for c in found if len(c) > 1}
    return frozenset(
        c
        for c in found
        if len(c) == 1
        and (
            chr(ord(c) + 1) in found
            or chr(ord(c) - 1) in found
            or (c in "IVXivx" and any(c in r for r in romans))
        )
    )


def _numbered_depth(text: str, letters: Container[str] | None = None) -> int | None:
    if text[:1] == "第":
        m = _HAN_CHAPTER.p.match(text)
        if m is not None:
            return 1 if m.group(1) else 2
    if text[:1] in _HAN_NUMERALS or text[1:2] in _HAN_NUMERALS:  # (cheap guard)
        m = _HAN_NUMBERED.p.match(text)
        if m is not None:
            return 1 if m.group(1) else 2
    if text[:1] in _ROMAN_DIGITS and _ROMAN.p.match(text):  # (cheap guard, as below)
        return 1
    letter = section_letter(text)
    if letter is not None and (len(letter) > 1 or letters is None or letter in letters):
        return 2 if letter.islower() else 1  # ("ii." is a Roman number: no sequence needed)
    if not text[:1].isdecimal():  # cheap guard: no pattern for most headings
        return None
    m = _NUMBERED.p.match(text)
    if m is None:
        return None
    if m.group(1) is not None:
        return min(m.group(1).count(".") + 1, MAX_LEVEL)
    return None if _is_date(text) else 1


def _is_date(text: str) -> bool:
    """A date ("8. September 2023", "12. Mai"), not a section "8." (the date
    words are imported only for a heading that opens with a number)."""
    from .dates import DATE_CHARS, is_date_line

    return len(text) <= DATE_CHARS and is_date_line(text)
