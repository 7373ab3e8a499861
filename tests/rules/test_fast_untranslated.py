"""The bulk sentence screen of ART002 (``untranslated._screened_words``) gives what the plain computation gives:
the same sentences with the same words as the plain screen, and every sentence whose words the tests of
``_foreign_sentences`` can pass, on generated text (Hypothesis and a seeded mix of pieces) and real text (the
rule cases, and the shared dev corpus where it is checked out)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import segments
from checker.rules import untranslated as u

from .real_texts import real_texts

_PIECES = ["der ", "die ", "und ", "nicht ", "la ", "el ", "les ", "s ", "t ", "per ", "under ", "the ", "and ",
           "für ", "être ", "dass ", "Die ", "DER ", "UND", "the", "backlash ", "remote ", "work ", ". ", ", ", "! ",
           "? ", "\n", "\r\n", " ", "\u00a0", "\u2009", "\u201c", "\u201d", "\u2019", "\u2018", "\u2014", "\u2013",
           "\u2026", "\u00ab", "\u00bb", "\u201e", "'", "\"", "-", "(", ")", "1", "2021", "A", "B", "Er ", "Sie ",
           "Turów ", "ü", "ß", "é", "\u03a3", "\u039f\u0394\u039f\u03a3 ", "\u03c3", "\u212a", "\u212aing ",
           "\u0130", "\u0131", "\x01", "\x85", "\u2028", "\U0001f600", "\ud800", "Ünd ", "ΣΑ'Α ", "www.x.de ",
           "https://a.b/die/und ", "\u00aa", "\u00ba", "_", "3rd ", "Mr. ", "St. "]
_VOCABS = [(u._ascii_bytes(u._foreign_vocabulary("en")), u._foreign_vocabulary("en"), u.UNTRANSLATED_MIN_FOREIGN),
           (u._ascii_bytes(u._foreign_vocabulary("de")), u._foreign_vocabulary("de"), u.UNTRANSLATED_MIN_FOREIGN),
           (u._flagged_words("de", "en"), u._foreign_vocabulary("de") | u._suspect_words("de", "en"), 1)]


def _mix(n: int = 300, seed: int = 5, size: int = 80) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, size))) for _ in range(n)]


def _real_texts() -> list[str]:
    return [text for text, _ in real_texts(150)]


def _check(text: str) -> None:
    sents = segments.sentences(text)
    plain = u._sentence_words(text, sents)
    for flagged, words_set, least in _VOCABS:
        got = u._screened_words(text, flagged, least)
        assert got == u._plain_screened_words(text, sents, flagged, least)
        if plain is None:
            assert got is None
            continue
        kept = dict((sent.start, words) for sent, words in got)
        for sent, words in zip(sents, plain, strict=True):
            if len(words_set.intersection(words)) >= least:  # what the tests of _foreign_sentences need
                assert kept[sent.start] == words
            if sent.start in kept:
                assert kept[sent.start] == words


@pytest.mark.parametrize("text", _mix() + _real_texts())
def test_screen_keeps_every_sentence_the_plain_screen_keeps(text):
    _check(text)


@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map("".join))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_screen_on_generated_text(text):
    _check(text)


def test_screen_on_a_long_text():
    text = " ".join(_mix(n=200, seed=9, size=120)).replace("\x01", "")
    _check(text)


# ------------------------------------------------------------------------------------------- URLs

_URL_PIECES = ["https://", "http://", "www.", "x.com", ".de", ".ru", "@", "a@b.org", "mail@", "Москва", "Київ",
               "λόγος", "漢字", "/", "?", ".", ",", ";", ")", "\"", "’", " ", "\n", "\u00a0", "\u2028", "-", "_",
               "+", "com", "e", "1", "www.пример.рф", "пример.com/путь", "https://ua.ua/київ"]


def _check_urls(text: str) -> None:
    spans = segments.url_spans(text)
    n = len(text)
    for start in range(n):
        for end in range(start + 1, min(n, start + 12) + 1):
            assert u._in_url(text, start, end) == spans.overlaps(start, end), (start, end)


@pytest.mark.parametrize("seed", range(40))
def test_url_test_on_the_words_around_gives_the_whole_text_answer(seed):
    rnd = random.Random(seed)
    _check_urls("".join(rnd.choice(_URL_PIECES) for _ in range(rnd.randint(1, 40))))


@given(st.lists(st.one_of(st.sampled_from(_URL_PIECES), st.text(max_size=3)), max_size=25).map("".join))
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_url_test_on_generated_text(text):
    _check_urls(text)


def test_url_test_on_real_text():
    for text in _real_texts():
        spans = segments.url_spans(text)
        for m in u._foreign_run().finditer(text):
            assert u._in_url(text, m.start(), m.end()) == spans.overlaps(m.start(), m.end())
        for m in segments.WORD.finditer(text):
            assert u._in_url(text, m.start(), m.end()) == spans.overlaps(m.start(), m.end())


# ------------------------------------------------------------------------- Cyrillic and Greek letters

_SCRIPT_PIECES = ["Київ", "Kyiv", "Kyіv", "°С", "λ", "Σ", "ἀ", "\u0375", "\u037e", "\u0483", "\u0488", "Ա", "א",
                  "ب", "क", "ก", "Ⴀ", "ᄀ", "あ", "漢", "한", " ", "-", "’", ".", "\n", "a", "1", "_", "\u00a0",
                  "\u2014"]


def _check_scripts(text: str) -> None:
    got = [m.span() for m in u._cyrillic_greek(text, u._foreign_runs(text))]
    assert got == [m.span() for m in u._CYR_GREEK_LETTER.finditer(text)]
    assert u._foreign_runs(text) == [m.span() for m in u._foreign_run().finditer(text)]


@pytest.mark.parametrize("seed", range(40))
def test_letters_found_inside_the_runs_are_all_the_letters(seed):
    rnd = random.Random(seed)
    _check_scripts("".join(rnd.choice(_SCRIPT_PIECES) for _ in range(rnd.randint(1, 60))))


@given(st.lists(st.one_of(st.sampled_from(_SCRIPT_PIECES), st.text(max_size=3)), max_size=40).map("".join))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_letters_inside_the_runs_on_generated_text(text):
    _check_scripts(text)


def test_letters_inside_the_runs_on_real_text():
    for text in _real_texts() + _mix():
        _check_scripts(text)
