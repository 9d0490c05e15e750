"""Language detection (language.py) with py3langid, the optional extra `lang`."""

from __future__ import annotations

import subprocess
import sys
import types
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from article2json import language
from article2json.language import (
    INSTALL_HINT,
    LanguageDetectionUnavailable,
    article_text,
    count_letters,
    detect,
    detect_article,
    length_cap,
    sample,
)

from helpers import examples

needs_langid = pytest.mark.skipif(
    not __import__("importlib.util").util.find_spec("py3langid"),
    reason="needs the extra article2json[lang]",
)

# Sentences written for these tests (no corpus text), long enough to be sure.
SENTENCES = {
    "en": "The council met on Tuesday evening and agreed to rebuild the old bridge over the river before the winter.",
    "hi": "नगर परिषद ने मंगलवार की शाम बैठक की और सर्दियों से पहले नदी पर बने पुराने पुल को फिर से बनाने का फैसला किया।",
    "bn": "নগর পরিষদ মঙ্গলবার সন্ধ্যায় বৈঠক করে এবং শীতের আগে নদীর উপরের পুরনো সেতুটি নতুন করে তৈরি করার সিদ্ধান্ত নেয়।",
    "ar": "اجتمع المجلس البلدي مساء الثلاثاء ووافق على إعادة بناء الجسر القديم فوق النهر قبل حلول فصل الشتاء.",
    "zh": "市议会星期二晚上召开会议，决定在冬天到来之前重建河上的那座旧桥，并且增加公共汽车的班次。",
    "ja": "市議会は火曜日の夜に会合を開き、冬が来る前に川に架かる古い橋を建て直すことを決めました。",
}


@pytest.fixture
def fresh_identifier() -> Iterator[None]:
    """Forget the loaded model before and after a test that fakes the import."""
    language._identifier.cache_clear()
    yield
    language._identifier.cache_clear()


@needs_langid
@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_required_languages(lang: str) -> None:
    got, score = detect(SENTENCES[lang])
    assert got == lang
    assert score > 0.7
    longer, longer_score = detect(" ".join([SENTENCES[lang]] * 3))
    assert longer == lang
    assert longer_score >= score


@pytest.mark.parametrize("text", ["", "   \n", "123 456", "—!?", "2024-05-01"])
def test_text_without_letters_is_undetermined(text: str) -> None:
    assert detect(text) == ("und", 0.0)  # without loading the model


@needs_langid
def test_a_few_words_get_a_low_score_but_a_language() -> None:
    for text in ("hello", "Hello world", "مستشفى فرح", "Communiqué"):
        got, score = detect(text)
        assert got.isalpha()
        assert score < 0.5
    assert detect(SENTENCES["en"][:20])[1] < 0.5


def test_count_letters() -> None:
    assert count_letters("Tokyo 2024!") == 5
    assert count_letters("東京") == count_letters("とうきょう") // 5 * 2 == 6
    assert count_letters("서울") == 2  # Hangul is written with spaces
    assert count_letters("हिन्दी") == 3  # vowel signs and the virama are marks


def test_length_cap() -> None:
    assert length_cap(0) == 0.0
    assert length_cap(10) < length_cap(20) < 0.5 < length_cap(50) < length_cap(100) < 1.0
    assert length_cap(1000) > 0.999


@needs_langid
@settings(max_examples=examples(50), deadline=None)
@given(st.text(max_size=200))
def test_score_is_bounded_by_length(text: str) -> None:
    got, score = detect(text)
    letters = count_letters(text)
    assert 0.0 <= score <= length_cap(letters)
    assert got == "und" if letters == 0 else got.isalpha()


ARTICLE = {
    "title": "Bridge to be rebuilt",
    "sections": [
        {"heading": None, "paragraphs": [SENTENCES["en"]]},
        {"heading": "Costs", "paragraphs": ["It will cost more than the council planned."]},
    ],
    "boilerplate": [SENTENCES["hi"] * 3],
}


def test_article_text_leaves_the_boilerplate_out() -> None:
    text = article_text(ARTICLE)
    assert text.split("\n") == [
        "Bridge to be rebuilt",
        SENTENCES["en"],
        "Costs",
        "It will cost more than the council planned.",
    ]


@needs_langid
def test_detect_article_reads_the_body() -> None:
    assert detect_article(ARTICLE)[0] == "en"
    assert detect_article({"title": None, "sections": [], "boilerplate": []}) == ("und", 0.0)


def test_article_text_of_a_huge_article_is_bounded() -> None:
    para = "word " * 2000
    huge = {"title": "T", "sections": [{"heading": None, "paragraphs": [para] * 10_000}]}
    assert len(article_text(huge)) < language.SAMPLE_CHARS * 8 + len(para) + 100


def test_sample() -> None:
    assert sample("short") == "short"
    text = "".join(chr(ord("a") + i % 26) for i in range(100_000))
    got = sample(text, limit=1000, windows=4)
    pieces = got.split("\n")
    assert len(pieces) == 4
    assert all(len(p) == 250 for p in pieces)
    assert text.startswith(pieces[0])
    assert text.endswith(pieces[-1])


def test_missing_py3langid_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, fresh_identifier: None
) -> None:
    monkeypatch.setitem(sys.modules, "py3langid.langid", None)  # import raises ImportError
    with pytest.raises(LanguageDetectionUnavailable) as e:
        detect("Some words in a language.")
    assert isinstance(e.value, ImportError)
    assert str(e.value) == f"language detection needs py3langid: {INSTALL_HINT}"
    assert INSTALL_HINT == "pip install 'article2json[lang]'"


def test_old_py3langid_is_refused(monkeypatch: pytest.MonkeyPatch, fresh_identifier: None) -> None:
    old = types.ModuleType("py3langid.langid")
    old.LanguageIdentifier = type("LanguageIdentifier", (), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "py3langid.langid", old)
    with pytest.raises(LanguageDetectionUnavailable, match=r"0\.4 or later: pip install"):
        detect("Some words in a language.")


def test_importing_the_module_loads_neither_py3langid_nor_numpy() -> None:
    code = (
        "import sys, article2json.language as l; l.detect('');"
        "print(sorted(m for m in ('py3langid', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
