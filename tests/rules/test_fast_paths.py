"""The shortcuts of ART001, ART003, ART004 and the FMT rules give what the plain computation gives."""

import random
import re

import pytest

from checker import segments
from checker.rules import artefacts, duplicates, formats

_TEXT = (
    "SDA 6.1.2026 - 19:48 Ukrainian President Volodymyr Zelensky met Macron on the 9th. It's the U.S.A.'s call.\n"
    "Federal Chancellor Friedrich Merz (CDU) travelled from Germany, according to negotiating circles.\n"
    "Federal Chancellor Friedrich Merz (CDU) travelled from Germany, according to negotiating circles.\n"
    "Die Straße ist 3.000 Meter lang; 8,5 Millionen Euro, 1,000,000 people, 12.12.19 and 2021/3/31 at 7 p.m.\n"
    "  a.b.c d-e 'f' g''h --x-- y.z. ...  -- \u212aelvin \u017ftate and party leader, king's class Herr Putin\r\n"
    "Das Treffen beginnt um 7 p.m. im Kanzleramt, 5 Mio. Menschen, 100 \u20ac, US$ 5, 19 Uhr, February 11th.\n"
)
_PIECES = ["0", "1", "12", "2021", ".", ",", ":", "/", "-", " ", "\u00a0", "\n", "a", "B", "th", "st", "am", "p.m.",
           "$", "\u20ac", "Uhr", "No. ", "(", "'", "\u0663", "\uff11", "Federal Chancellor", "state and party chief",
           "Herr ", "Frau ", "der ", "Putin", "\u00df", "it's", "the same words", "the same words"]


def _texts(n=400, seed=7):
    rnd = random.Random(seed)
    return [_TEXT] + ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 60))) for _ in range(n)]


def test_line_shapes_match_the_normalised_lines():
    for text in _texts():
        lines = segments.lines(text)
        for line, got in zip(lines, zip(*duplicates._line_shapes(text, lines), strict=True), strict=True):
            norm = duplicates._norm_line(text[line.start:line.end])
            assert got == ((norm.count(" ") + 1 if norm else 0), len(norm), norm.translate(duplicates._JOINERS))


def test_sentence_words_keep_the_sentences_with_a_long_repeat():
    for text in _texts():
        low = text.lower() if len(text.lower()) == len(text) else text
        for sent, got in zip(segments.sentences(text), duplicates._sentence_words(text), strict=True):
            words = segments.LETTERS.findall(low, sent.start, sent.end)
            long = [w for w in words if len(w) >= 4]
            if got is None:
                assert len(set(long)) == len(long)
            else:
                assert [w.decode() if isinstance(w, bytes) else w for w in got[0]] == words


def _digit_patterns():
    out = [formats._DOT_RANGE, formats._NUMERIC_DATE, formats._TIME_12]
    for lang in formats.format_languages():
        data = formats.fmt_data(lang)
        out += [p for p, what in formats._number_patterns(lang) if what != "abbreviation"]
        out += [p for p in (formats._written_date_patterns(lang)[0], formats._clock_word_pattern(lang)) if p]
        order, words = formats._currency_patterns(lang)
        out += ([order] if data["currency"]["symbol_first"] else []) + ([words] if words else [])
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("pattern", _digit_patterns(), ids=lambda p: p.pattern[:40])
def test_scan_runs_finds_what_scan_finds(pattern):
    for text in _texts(150):
        want = [(m.start(), m.end(), m.m.groups()) for m in formats._scan(pattern, text)]
        assert [(m.start(), m.end(), m.m.groups()) for m in formats._scan_runs(pattern, text)] == want


@pytest.mark.parametrize("lang", ["en", "de"])
def test_calque_matches_are_the_grouped_patterns(lang):
    pattern, _ = artefacts._calques(lang)
    for text in _texts():
        want = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in artefacts._calque_matches(text, lang)] == want


def test_is_word_of_is_membership_in_the_words():
    for text in _texts(100):
        words = set(segments.LETTERS.findall(text))
        for cand in set(re.findall(r"\S+", text)) | words | {w[1:] for w in words} | {"x\u00b2y", "a1", "a_b"}:
            assert artefacts._is_word_of(text, cand) == (cand in words)


def test_endings_by_room_is_the_suffix_test():
    words = set(re.findall(r"\w+", _TEXT)) | {"Putins", "Zelenskiego", "Ab", "Abc", "\u0130stanbulun"}
    for langs in [artefacts._inflecting_languages()] + [(c,) for c in artefacts._inflecting_languages()]:
        endings = artefacts._endings(langs)
        longest = max(map(len, endings))
        by_room = artefacts._endings_by_room(langs)
        for t in words:
            low = t.lower()
            want = any(low[-k:] in endings for k in range(1, min(longest, len(t) - 2) + 1))
            assert (len(t) >= 3 and low.endswith(by_room[min(len(by_room) - 1, len(t) - 2)])) == want
