"""The shortcuts of the FMT rules, ART001, ART006 and ART007 give what the plain computation gives: each fast
path is pinned to a straightforward reference on generated text (Hypothesis and a seeded mix of pieces) and on
real text (the rule cases, and the shared dev corpus where it is checked out)."""

from __future__ import annotations

import random
import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.rules import artefacts, consistency, formats

from .real_texts import real_texts

_PIECES = ["0", "1", "12", "2021", "1.000", "3,5", ".", ",", ":", "/", "-", " ", "\u00a0", "\u202f", "\n", "\r\n",
           "a", "B", "th", "st", "nd", "TH", "am", "p.m.", "$", "\u20ac", "Uhr", "No. ", "(", "'", "\"", "\u0663",
           "\uff11", "on the ", "of ", "February ", "Feb. ", "Sept. ", "9th", "11th", "21st", "Mio.", "Mrd. ",
           " bln.", "million", "Federal Chancellor", "Federal Council", "state and party chief",
           "STATE AND PARTY leader", "king's class", "CLASS of kings", "according to negotiating circles",
           "from government circles", "Kremlin's chief diplomat", "\u212aing-class", "\u017ftate and party chief",
           "\u0130", "\u0131", "United States", "United  States", "US", "U.S.", "EU", "European Union", "UN",
           "United Nations", "Department of Defense", "DoD", "DOD", "NATO", "Nato", "nato", "North Atlantic Treaty "
           "Organization", " of the ", "e-mail", "email", "E-Mail", "App", "APP", "app", "McDonald", "Ünited",
           "\u00bb", "\u00ab", "\u201e", "\u201c", "\u201d", "\u2018", "\u2019", "\u201a", "\u300c", "\u300d",
           "\uff02", "\u2039", "\u203a", "Herr ", "Frau ", "Putin", "\u00df", "SS", "x-ray", "X-ray", "X ray",
           "Alpha Alpha Alpha ", "Alpha Beta Alpha ", "Ab ", "?", "\u00b2", "\u00bd", "\U0001f600"]


def _mix(n: int = 300, seed: int = 11, size: int = 60) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, size))) for _ in range(n)]


def _real_texts() -> list[str]:
    return [text for text, _ in real_texts(120)]


_REAL = _real_texts()
_TEXTS = _mix() + _REAL
_PIECE_TEXTS = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=30).map("".join)
_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------------------------------- formats


def _view_reference(text: str) -> tuple[str, list[int], list[int]]:
    """``formats._view`` as first written: every window's word boundary worked out, then joined."""
    spans: list[list[int]] = []
    n = len(text)
    for m in formats._DIGITS.finditer(text):
        s, e = m.span()
        s, e = (s - formats._WINDOW if s > formats._WINDOW else 0), (e + formats._WINDOW if e + formats._WINDOW < n
                                                                     else n)
        if s:
            lim = s - 32 if s > 32 else 0
            piece = text[lim:s]
            if not piece[-1].isspace():
                tail = piece.rsplit(None, 1)
                s = s - len(tail[-1]) if len(tail) == 2 or piece[0].isspace() else lim
        if spans and s <= spans[-1][1]:
            spans[-1][1] = e
        else:
            spans.append([s, e])
    parts, vstarts, tstarts, pos = [], [], [], 0
    for s, e in spans:
        parts.append(text[s:e])
        vstarts.append(pos)
        tstarts.append(s)
        pos += e - s + 1
    return "\n".join(parts), vstarts, tstarts


def _hits(hits) -> list[tuple]:
    return [(h.start(), h.end(), h.group(0)) for h in hits]


def _check_view(text: str) -> None:
    assert formats._view(text) == _view_reference(text)


def _check_formats(text: str) -> None:
    for lang in formats.format_languages():
        bare, with_month = formats._ordinal_patterns(lang)
        for pattern in (bare, with_month):
            assert _hits(formats._scan_near(pattern, formats._ORDINAL, text)) == _hits(formats._scan(pattern, text))
        for pattern, what in formats._number_patterns(lang):
            if what == "abbreviation":
                assert _hits(formats._scan_abbreviations(lang, pattern, text)) == _hits(formats._scan(pattern, text))


def test_only_ascii_digits_is_no_other_decimal_digit():
    for text in _TEXTS + ["?\u0663", "\u00b2?1", "a?b", "\uff11"]:
        want = not any(c.isdecimal() and not c.isascii() for c in text)
        assert formats._only_ascii_digits(text) == want
        raw = formats.ascii_bytes(text)
        assert raw == text.encode("ascii", "replace") and len(raw) == len(text)


def test_view_is_the_plain_view():
    for text in _TEXTS + [("7 " + "x" * 40) * 30, "1" + " " * 70 + "2", "a" * 50 + "1"]:
        _check_view(text)


def test_format_shortcuts_on_mixed_and_real_text():
    for text in _TEXTS:
        _check_formats(text)


@_FAST
@given(_PIECE_TEXTS)
def test_format_shortcuts_on_generated_text(text):
    _check_view(text)
    _check_formats(text)


def _digit_patterns() -> list[re.Pattern]:
    out = [formats._DOT_RANGE, formats._NUMERIC_DATE, formats._TIME_12]
    for lang in formats.format_languages():
        data = formats.fmt_data(lang)
        out += [p for p, what in formats._number_patterns(lang) if what != "abbreviation"]
        out += [p for p in (formats._written_date_patterns(lang)[0], formats._clock_word_pattern(lang)) if p]
        order, words = formats._currency_patterns(lang)
        out += ([order] if data["currency"]["symbol_first"] else []) + ([words] if words else [])
        dates = consistency._date_patterns(lang)
        out += [dates[0][1]] if dates else []  # FMT008's day-first dates
    return list(dict.fromkeys(out))


@pytest.mark.parametrize("few", [0, formats._FEW_RUNS])
def test_runs_by_next_character_find_what_every_run_finds(few, monkeypatch):
    monkeypatch.setattr(formats, "_FEW_RUNS", few)
    formats._runs.cache_clear()
    patterns = _digit_patterns()
    assert sum(formats._after_digits(p) is not None for p in patterns) > len(patterns) // 2
    for text in _TEXTS + ["1. 2, 3.4 5:6 7\u00a08 9 a 10.11.-12.13. 1/2/2003 7 pm 12.000 9 Uhr 1,000,000 " * 5]:
        for pattern in patterns:
            want = [(m.start(), m.end(), m.m.groups()) for m in formats._scan(pattern, text)]
            assert [(m.start(), m.end(), m.m.groups()) for m in formats._scan_runs(pattern, text)] == want


def test_after_digits_refuses_what_it_cannot_read():
    assert formats._after_digits(re.compile(r"(?<!\w)\d+(?=,)")) is None  # a look-ahead only
    assert formats._after_digits(re.compile(r"(?<!\w)\d+[\d,]")) is None  # a digit may follow
    assert formats._after_digits(re.compile(r"(?<!\w)\d+x", re.I)) is None
    assert formats._after_digits(re.compile(r"(?<!\w)\d+\s")) is None  # a class of unknown size
    got = formats._after_digits(re.compile(r"(?<!\w)(\d\d?)(?:[:.](\d\d))?[ ]?(am|pm)"))
    assert got == frozenset(":. ap")


def test_every_language_has_the_digit_led_abbreviations():
    assert all(formats._digit_led(lang) is not None for lang in formats.format_languages())


def _quote_reference(text: str, accepted: tuple[str, ...]) -> tuple[list, list]:
    pair_re, stray_re, _ = formats._quote_pattern(accepted)
    return [m.span() for m in pair_re.finditer(text)], [m.span() for m in stray_re.finditer(text)]


def test_quote_search_starts_at_the_first_mark():
    configs = {tuple(p) for lang in formats.format_languages() for p in (
        [formats.fmt_data(lang)["quotes"]["primary"], formats.fmt_data(lang)["quotes"]["secondary"],
         *formats.fmt_data(lang)["quotes"]["accepted"]],
        [formats.fmt_data(lang)["quotes"]["primary"], formats.fmt_data(lang)["quotes"]["secondary"],
         *formats.fmt_data(lang)["quotes"]["accepted"], '""', "''"])}
    for accepted in sorted(configs):
        pair_re, stray_re, stray = formats._quote_pattern(accepted)
        openers = formats._quote_openers(accepted)
        for text in _TEXTS:
            want_pairs, want_stray = _quote_reference(text, accepted)
            start = formats._first_of(text, openers)
            assert ([m.span() for m in pair_re.finditer(text, start)] if start >= 0 else []) == want_pairs
            start = formats._first_of(text, stray)
            assert ([m.span() for m in stray_re.finditer(text, start)] if start >= 0 else []) == want_stray


# ------------------------------------------------------------------------------------------- ART001


def test_case_exotic_is_every_other_character_a_case_blind_ascii_letter_matches():
    chars = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    others = set()
    for x in "abcdefghijklmnopqrstuvwxyz":
        others |= {m.group(0) for m in re.finditer("(?i)" + x, chars)} - {x, x.upper()}
    assert others == set(artefacts._CASE_EXOTIC)


def _calques_reference(text: str, lang: str) -> list[tuple]:
    pattern, _ = artefacts._calques(lang)
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)] if pattern is not None else []


def _check_calques(text: str) -> None:
    for lang in ("en", "de"):
        got = [(m.span(), m.groupdict()) for m in artefacts._calque_matches(text, lang)]
        assert got == _calques_reference(text, lang)


def test_calque_anchors_are_found():
    exact, folded, width = artefacts._anchor_data("en")
    assert exact and folded and width >= len("Kremlin's chief diplomat")
    assert artefacts._candidate_regions("no calque here", "en") == []
    assert artefacts._candidate_regions("\u0131 Federal Council", "en") is None  # a dotless i: no shortcut


def test_calque_matches_on_mixed_and_real_text():
    for text in _TEXTS:
        _check_calques(text)


@_FAST
@given(_PIECE_TEXTS)
def test_calque_matches_on_generated_text(text):
    _check_calques(text)


# ------------------------------------------------------------------------------------------- ART006


def _check_standalone(text: str) -> None:
    keys = {consistency._key(w) for w in re.findall(r"[^\W_]+(?:-[^\W_]+)*", text)}
    keys |= {"app", "email", "nato", "ss", "\u00dfx", "aa", "aaa"}
    for a, b in consistency.windows(text, 40) + [(0, len(text))]:
        for key in keys:
            if len(key) >= 2:
                got = consistency._standalone(text, a, b, key)
                assert got == consistency._standalone_plain(text, a, b, key), (key, a, b)


def test_standalone_on_mixed_and_real_text():
    for text in _mix(150, seed=3) + _REAL[:60] + ["aaa aaaa aaa", " aaa", "Ssx \u00dfx SSX"]:
        _check_standalone(text)


@_FAST
@given(_PIECE_TEXTS)
def test_standalone_on_generated_text(text):
    _check_standalone(text)


# ------------------------------------------------------------------------------------------- ART007


def _expansion_reference(letters: str) -> re.Pattern:
    """The pattern ART007 compiled for each acronym before ``_chains``."""
    first = letters[0]
    return re.compile(f"{first}(?<![\\w.]{first})[a-z]+" + "".join(f"{consistency._GAP}{c}[a-z]+"
                                                                   for c in letters[1:]) + r"(?![\w])")


def _check_expansions(text: str) -> None:
    acronyms = {"US", "UN", "EU", "DD", "NATO", "DOD", "SS", "AB", "UNS", "USA", "CDU", "AA", "AAA", "ABA"}
    acronyms |= {w for w in re.findall(r"\b[A-Z]{2,6}\b", text)}
    acronyms |= {"".join(re.findall("[A-Z]", m.group(0)))[:6]
                 for m in re.finditer(r"[A-Z][a-z]+(?:" + consistency._GAP + r"[A-Z][a-z]+)+", text)}
    acronyms = {a for a in acronyms if len(a) >= 2}
    for a, b in consistency.windows(text, 50) + [(0, len(text))]:
        runs: dict = {}
        for letters in sorted(acronyms):
            want = [m.span() for m in _expansion_reference(letters).finditer(text, a, b)]
            assert consistency._expansions(text, letters, a, b, runs) == want, (letters, a, b)
    for letters in acronyms:
        assert consistency._has_expansion(text, letters) == (_expansion_reference(letters).search(text) is not None)


def test_expansions_on_mixed_and_real_text():
    for text in _mix(200, seed=5) + _REAL:
        _check_expansions(text)


@_FAST
@given(_PIECE_TEXTS)
def test_expansions_on_generated_text(text):
    _check_expansions(text)


def test_lead_runs_stop_at_a_line_break():
    text = "the United\nStates and the United States\u00a0of America. U.United Kingdom"
    assert consistency._lead_runs(text, "U", 0, len(text)) == [(text.index("United States"), text.index("."), "USA")]


@pytest.mark.parametrize("text", ["Department of Defense (DoD) and the DOD", "U.N. United Nations UN"])
def test_expansions_examples(text):
    _check_expansions(text)
