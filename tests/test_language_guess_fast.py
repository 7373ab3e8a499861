"""The language guess's fast paths give what the plain code gave: the function-word count by tokens, the
vocabulary lookup by groups, the line index by line lengths."""

from __future__ import annotations

import random
import re

import pytest

from checker import documents
from checker.documents import DETECTION_SAMPLE, LineIndex, _function_words, guess_language_by_function_words

_WORD = re.compile(r"[^\W\d_]+")


def _plain_function_word_guess(text: str) -> str | None:
    owners = _function_words()
    counts: dict[str, int] = {}
    for w in _WORD.findall(text[:DETECTION_SAMPLE].lower()):
        code = owners.get(w)
        if code:
            counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return None
    best, hits = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if second == 0 and hits >= documents.FUNCTION_WORD_SOLO_HITS:
        return best
    return best if hits >= documents.FUNCTION_WORD_MIN_HITS and hits >= documents.FUNCTION_WORD_MARGIN * second \
        else None


_NOISE = ["", " ", "\u00a0", "\u2009", "\t", "\n", "\r\n", ",", ".", "„", "“", "'", "’", "-", "_", "2", "²", "½", "Ⅻ",
          "٣", "(", ")", "«", "»", "\u200b", "\u0301", "ß", "İ", "Σ", "x"]


@pytest.mark.parametrize("seed", range(200))
def test_function_word_guess_is_the_plain_count(seed):
    rng = random.Random(seed)
    words = sorted(_function_words())
    pieces = []
    for _ in range(rng.randint(0, 400)):
        w = rng.choice(words)
        w = w.upper() if rng.random() < 0.1 else w.title() if rng.random() < 0.2 else w
        pieces.append(rng.choice(_NOISE) + w + rng.choice(_NOISE) + rng.choice(_NOISE[:6]))
    text = "".join(pieces)
    assert guess_language_by_function_words(text) == _plain_function_word_guess(text)


def test_vocabulary_lookup_is_the_dict(monkeypatch):
    rng = random.Random(5)
    for lang in sorted(documents.vocabulary_languages()):
        vocab = documents.vocabulary(lang)
        known = rng.sample(sorted(vocab), 300)
        words = known + [w[:-1] for w in known] + [w + "x" for w in known] + ["zz", "a", "ü", "qqqq"]
        monkeypatch.setattr(documents, "_lookups", {})
        assert documents.word_zipfs(lang, words) == [vocab.get(w, 0) for w in words]


@pytest.mark.parametrize("seed", range(50))
def test_line_index_is_the_pattern(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(["a", "bc", "\n", "\r", "\r\n", " ", "é", "\u2028"]) for _ in range(rng.randint(0, 60)))
    for variant in (text, text.replace("\r", ""), text.replace("\n", ""), text.replace("\r\n", "\n").replace("\r", "")
                    .replace("\n", "\r\n")):
        assert LineIndex(variant).starts == [0] + [m.end() for m in re.finditer(r"\r\n|\n|\r", variant)]


def test_a_long_text_is_guessed_from_its_beginning_only_when_that_leaves_no_doubt(seed_text):
    """The seed story's first 800 characters decide it (English, as the whole sample); a text that opens half
    English, half German leaves the guess to the whole sample."""
    assert len(seed_text) > documents.QUICK_SAMPLE
    assert documents._quick_guess(seed_text) == guess_language_by_function_words(seed_text) == "en"
    german = ("Die Regierung hat am Mittwoch in Berlin die neuen Regeln für die Ausfuhr von Waffen beschlossen, "
              "wie ein Sprecher sagte. Sie sollen vom nächsten Jahr an gelten und werden von der Opposition "
              "kritisiert, die mehr Kontrolle durch das Parlament fordert. ")
    paragraphs = [p for p in seed_text.split("\n") if len(p) > 150]
    mixed = "\n".join([paragraphs[0], german, paragraphs[1], german * 4])
    assert documents._quick_guess(mixed) is None  # de 11, en 9 in the first 800 characters
    assert documents._quick_guess(seed_text[:documents.QUICK_SAMPLE]) is None  # not longer than the sample
