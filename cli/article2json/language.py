"""The language of an article, with py3langid (the optional extra `lang`).

py3langid needs numpy and takes about half a second to load its model, so it
is imported only when a language is asked for, and loaded once per process.
Its normalised probabilities (0.4 on) are scaled by the length of the text,
so a short text gets a low score rather than a confident guess.
"""

from __future__ import annotations

import functools
import importlib
import math
from collections.abc import Iterator, Mapping
from typing import Any

INSTALL_HINT = "pip install 'article2json[lang]'"
# ISO 639-2 "undetermined": what a text without a single letter gets, score 0.
UNDETERMINED = "und"
# Long articles are sampled: this many characters in all, in windows spread
# over the text (the classifier walks the text byte by byte in Python).
SAMPLE_CHARS = 20_000
SAMPLE_WINDOWS = 4
# Short texts: the score is capped by the number of letters (length_cap),
# counted in the first LETTERS_COUNTED characters.
LETTERS_SCALE = 30
LETTERS_COUNTED = 1000


class LanguageDetectionUnavailable(ImportError):
    """py3langid (0.4 or later) is not installed; the message says what to install."""

    def __init__(self, detail: str = "language detection needs py3langid") -> None:
        super().__init__(f"{detail}: {INSTALL_HINT}")


def detect(text: str) -> tuple[str, float]:
    """The language of `text` as an ISO 639 code (`en`, `hi`, `zh`, `yue`...)
    and a score from 0 to 1; `("und", 0.0)` for text without letters.

    The score is py3langid's probability of the language it picked, capped
    by the length of the text (`length_cap`): close to 1 for a paragraph or
    more, below 0.5 for fewer than 20 letters. The language is still given;
    a caller filtering a corpus decides on the score.
    """
    letters = count_letters(text[:LETTERS_COUNTED])
    if not letters:
        return UNDETERMINED, 0.0
    lang, score = _identifier().classify(sample(text))
    return str(lang), min(float(score), length_cap(letters))


def count_letters(text: str) -> int:
    """Letters, a Han or Kana character counting as three (about a word, as
    five Latin letters are: "東京" says as much as "Tokyo")."""
    return sum(
        (3 if "\u3040" <= c <= "\u9fff" or c >= "\U00020000" else 1) for c in text if c.isalpha()
    )


def length_cap(letters: int) -> float:
    """The highest score a text of this many letters (`count_letters`) may get: 0.28 for 10,
    0.49 for 20, 0.81 for 50, 0.96 for 100. The model alone gives a few
    words of a dialect or a close language 0.7 to 0.9."""
    return max(0.0, 1.0 - math.exp(-letters / LETTERS_SCALE))


def supported_languages() -> list[str]:
    """The codes the detector can answer, sorted."""
    return sorted(set(_identifier().labels))


def detect_article(article: Mapping[str, Any]) -> tuple[str, float]:
    """The language of an article's title, headings and paragraphs (its
    boilerplate is left out: promotions are often in another language)."""
    return detect(article_text(article))


def article_text(article: Mapping[str, Any]) -> str:
    """Title, headings and paragraphs, one a line; of a huge article only
    the first of them, eight samples' worth (joining it all would copy it)."""
    return "\n".join(_bounded(_body(article), SAMPLE_CHARS * 8))


def sample(text: str, limit: int = SAMPLE_CHARS, windows: int = SAMPLE_WINDOWS) -> str:
    """`text` itself when short; else `windows` pieces spread evenly over
    it, `limit` characters in all (a long article's start may be a quote)."""
    if len(text) <= limit:
        return text
    size = limit // windows
    step = (len(text) - size) // max(1, windows - 1)
    return "\n".join(text[i * step : i * step + size] for i in range(windows))


def _body(article: Mapping[str, Any]) -> Iterator[str]:
    if article.get("title"):
        yield article["title"]
    for section in article.get("sections", ()):
        if section.get("heading"):
            yield section["heading"]
        yield from section.get("paragraphs", ())


def _bounded(texts: Iterator[str], limit: int) -> Iterator[str]:
    """The first texts of `texts`, stopping once `limit` characters came."""
    total = 0
    for t in texts:
        yield t
        total += len(t)
        if total >= limit:
            return


@functools.cache
def _identifier() -> Any:
    """py3langid's identifier with normalised probabilities, loaded once."""
    try:
        langid = importlib.import_module("py3langid.langid")
    except ImportError:
        raise LanguageDetectionUnavailable() from None
    cls = langid.LanguageIdentifier
    if not hasattr(cls, "from_model_file"):  # 0.3 and older: uncalibrated scores
        raise LanguageDetectionUnavailable("language detection needs py3langid 0.4 or later")
    return cls.from_model_file(langid.MODEL_FILE, norm_probs=True)


__all__ = [
    "INSTALL_HINT",
    "UNDETERMINED",
    "LanguageDetectionUnavailable",
    "article_text",
    "count_letters",
    "detect",
    "detect_article",
    "length_cap",
    "sample",
    "supported_languages",
]
