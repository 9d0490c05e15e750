"""Credits: a short line that says whose picture stands there ("Photo:
Reuters", "Photo by James Martin", "Фото: ТАСС", "写真：共同"). It is text,
never a heading: a caption's credit names no section. The words are data,
per language; adding a language is a change here only. Imported only for a
short block (a one-liner's start-up counts).
"""

from __future__ import annotations

from .patterns import Lazy

# A credit is at most this many characters.
CREDIT_CHARS = 100

# Words that open a picture's credit, with a colon, a slash, "=" or "by" after.
CREDIT_WORDS: dict[str, str] = {
    "en": "photo|photos|photograph|picture|image|images|illustration|credit|credits|graphic"
    "|photo credit|image credit|picture credit",
    "de": "foto|fotos|bild|bilder|grafik|bildquelle",
    "fr": "photo|crédit|crédit photo|illustration",
    "es": "foto|fotos|imagen|crédito",
    "it": "foto|immagine",
    "ru": "фото|фотография|иллюстрация",
    "uk": "фото",
    "ar": "صورة|الصورة|تصوير",
    "hi": "फोटो|फ़ोटो|तस्वीर",
    "zh": "图|图片|摄影|图片来源",
    "ja": "写真|撮影|画像",
    "ko": "사진|그래픽",
}

# What a credit names: an agency, a person, a few of them ("Reuters/John
# Smith", "AP Photo/Evan Vucci", "dpa"). A heading goes on in lower case
# ("Graphic: how the routes compare"); names do, between them, with these.
NAME_WORDS = 8
NAME_PARTICLES = frozenset(
    (
        "de", "da", "di", "del", "du", "la", "le", "van", "von", "der",
        "den", "y", "e", "and", "of", "the", "for", "via", "on", "from",
        "at", "courtesy", "file", "und", "et", "и", "&", "+",
    )
)  # fmt: skip
# Sources named in lower case: a credit may open with one ("dpa", "imago
# images/Sven Simon", "пресс-служба мэрии", "из открытых источников").
SOURCE_WORDS = frozenset(
    (
        "dpa", "afp", "epa", "imago", "istock", "getty", "unsplash", "pixabay",
        "shutterstock", "picture", "privat", "archiv", "courtesy", "file", "handout", "archives",
        "archivo", "cedida", "пресс-служба", "из", "архив", "личный", "соцсети", "скриншот",
        "кадр",
    )
)  # fmt: skip


def _alternatives(words: frozenset[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_WORDS = frozenset(w for line in CREDIT_WORDS.values() for w in line.split("|"))
# The first word of each opening: a cheap test before the pattern (which
# compiles on first use).
_FIRST = frozenset(w.split()[0] for w in _WORDS)
_ENDS = ":：/／=＝"
_CREDIT = Lazy(
    rf"(?i:{_alternatives(_WORDS)})\s*(?:[:：/／=＝]|\s(?i:by|von|par|por|(de|di))\s)\s*(\S.*)"
)


def _first_word(text: str) -> str:
    """The line's first word, lower case, up to a space or a colon."""
    for k, ch in enumerate(text):
        if ch.isspace() or ch in _ENDS:
            return text[:k].lower()
    return text.lower()


def names(text: str, strict: bool = False) -> bool:
    """Whether `text` reads as whose the picture is: one word ("dpa",
    "Reuters"), a source named in lower case first (SOURCE_WORDS), or up
    to NAME_WORDS none of which starts in lower case but the particles
    between names and sources ("Reuters/John Smith", "Jane Doe on
    Unsplash", "Michael Kappeler/dpa"). `strict`
    (after "de", "di": "Foto di Mario Rossi", not "Fotos de Sevilla"): two
    capitalised words at least."""
    words = text.replace("/", " ").replace(",", " ").split()
    if not words or len(words) > NAME_WORDS:
        return False
    if strict:
        return len(words) >= 2 and all(w[0].isupper() for w in words)
    if len(words) == 1 or words[0].lower() in SOURCE_WORDS:
        return True
    return all(
        not w[0].islower() or w.lower() in NAME_PARTICLES or w.lower() in SOURCE_WORDS
        for w in words
    )


def is_credit(text: str) -> bool:
    """A short line that credits a picture: "Photo: Reuters/John Smith",
    "Photo by James Martin", "Фото: ТАСС", "写真：共同", "사진=연합뉴스"."""
    if len(text) > CREDIT_CHARS or "\n" in text or _first_word(text) not in _FIRST:
        return False
    m = _CREDIT.p.match(text)
    return m is not None and names(m.group(2), strict=m.group(1) is not None)
