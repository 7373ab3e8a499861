"""The fast paths of ART003 and of the sentence splitter give what the plain computation gives.

Each shortcut is pinned to a straightforward reference on generated text (Hypothesis) and on real text:
the sentence and line splitters, the byte views of the sentences (``duplicates._views``) and the ASCII
sentences' words shared with ART002 (``segments.ascii_sentence_words``), the clause parts
read from bytes, and the filters that let ``_phrases`` and ``_clauses`` skip a sentence (they may only skip
one where the plain computation finds nothing)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import segments
from checker.rules import duplicates

from .real_texts import real_texts

# ------------------------------------------------------------------------------------------ references

_STRIPPED_LINE = re.compile(r"[^\S\r\n]*([^\s](?:[^\r\n]*[^\s])?)")
_SENT_END = re.compile(r"[.!?…]+[\"'”’»«“)\]]*(?=\s+)")


def _plain_lines(text, start=0, end=None):
    end = len(text) if end is None else end
    return [(m.start(1), m.end(1)) for m in _STRIPPED_LINE.finditer(text, start, end)]


def _plain_sentences(text, start=0, end=None):
    """The splitter as it was: line by line, each candidate end checked in turn, each piece stripped."""
    out = []
    for line_start, line_end in _plain_lines(text, start, end):
        pos = line_start
        for m in _SENT_END.finditer(text, line_start, line_end):
            nxt = m.end()
            while nxt < line_end and text[nxt].isspace():
                nxt += 1
            if nxt >= line_end:
                break
            ch = text[nxt]
            if not (ch.isupper() or ch.isdigit() or ch in "\"„“«»‚‘(["):
                continue
            if text[m.start()] == "." and m.end() - m.start() == 1 and segments._is_abbreviation(text, m.start()):
                continue
            seg = segments._strip(text, pos, m.end(), "sentence")
            if seg:
                out.append((seg.start, seg.end))
            pos = m.end()
        seg = segments._strip(text, pos, line_end, "sentence")
        if seg:
            out.append((seg.start, seg.end))
    return out


def _plain_repeated_lines(text, lang):
    """The line pass of ART003 as it was: every line walked, with the lines seen and the recent window."""
    from rapidfuzz import fuzz

    boiler = duplicates._boilerplate(lang)
    lines = segments.lines(text)
    norm = [duplicates._norm_line(text[x.start:x.end]) for x in lines]
    is_boiler = [bool(boiler and boiler.fullmatch(text[x.start:x.end].strip())) for x in lines]
    seen, window, out = {}, [], []
    for i in range(len(lines)):
        if (len(norm[i].split()) if norm[i] else 0) < duplicates.DUP_MIN_LINE_WORDS:
            window = []
            continue
        first = next((j for j in seen.get(norm[i], ()) if not is_boiler[j]), None)
        near = None
        if first is None:
            recent = []
            for j in reversed(window):
                if is_boiler[j]:
                    break
                recent.append(j)
            near = next((j for j in reversed(recent)
                         if fuzz.ratio(norm[i], norm[j], score_cutoff=duplicates.DUP_LINE_SIMILARITY)), None)
        if first is not None or near is not None:
            if is_boiler[i]:
                window = []
                continue
            j = first if first is not None else near
            out.append((i, j, first is not None, first is not None and bool(window) and window[-1] == j
                        and not is_boiler[j]))
        else:
            seen.setdefault(norm[i], []).append(i)
        window = (window + [i])[-duplicates.DUP_LINE_WINDOW:]
    return out


def _spans(segs):
    return [(s.start, s.end) for s in segs]


def _plain_clause_words(text, sent):
    return [[w.casefold() for w in duplicates._WORD.findall(text[p.start:p.end])]
            for p in segments.clauses(text, sent)]


def _plain_run_reportable(folded, words):
    """Whether the loop of ``_phrases`` meets a run worth reporting (quotations and source aside)."""
    n, first_at, i = len(folded), {}, 0
    while i < n - 1:
        key = (folded[i], folded[i + 1])
        j = first_at.get(key)
        if j is None:
            first_at[key] = i
            i += 1
            continue
        length = 0
        while i + length < n and j + length < i and folded[j + length] == folded[i + length]:
            length += 1
        run = words[i:i + length]
        immediate = j + length == i
        if (immediate and length >= 2 and sum(len(w) for w in run) >= 6 and any(len(w) >= 4 for w in run)) or \
                (length >= 4 and duplicates._content_words(run) >= 2) or \
                (length > 4 and sum(len(w) >= 4 for w in run) >= 2
                 and any(w.islower() and len(w) >= 4 for w in run)):
            return True
        i += 1
    return False


# --------------------------------------------------------------------------------------------- texts

_PIECES = ["a", "B", "É", "ü", "ß", "Σ", "σ", "ς", "İ", "\u212a", "Ω", "я", "漢", "1", "٣", "²", " ", "  ", "\t",
           "\n", "\r", "\r\n", "\xa0", "\u2028", "\x1c", ".", "..", "!", "?", "…", "?!", ",", ";", ":", " - ",
           " – ", "-", "(", ")", "[", "\"", "'", "’", "”", "“", "„", "»", "«", "‚", "‘", "Mr", "U.S", "11",
           "2023", "8,5", "z.B", "bzw", "J", "it's", "the same words", "the same words", "said that",
           "Bloomberg", "berichtete", "wie", "Teller Report", "the situation in the former Yugoslavia"]
_texts = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)
_LINES = ["The army said on Monday that it had repelled the attack.",
          "The army said on Monday it had repelled the attack.",
          "The army said on Monday that it had repelled the attacks!",
          "the ARMY said - on Monday - that it had repelled the attack",
          "Photo: John Smith of the AP agency in Kyiv", "By John Smith and Jane Doe in Kyiv",
          "AP / some words here and more", "Keystone", "Short line here", "", "   ",
          "Ein Satz über die Straße, der sich wiederholt und wiederholt.",
          "Ein Satz uber die Strasse, der sich wiederholt und wiederholt.",
          "It's the U.S.A.'s call, 8,5 million - a.b c.", "Its the U.S.A.s call, 8,5 million, a b c",
          "Президент Зеленский сказал в понедельник что армия отбила атаку."]
_line_texts = st.lists(st.sampled_from(_LINES), max_size=25).map("\n".join)


def _real_texts():
    return [text for text, _ in real_texts(0)]


def _check_sentence_splitter(text):
    assert _spans(segments._lines(text, 0, None)) == _plain_lines(text)
    assert _spans(segments._sentences(text)) == _plain_sentences(text)


def _check_line_shapes(text):
    lines = segments.lines(text)
    for line, got in zip(lines, zip(*duplicates._line_shapes(text, lines), strict=True), strict=True):
        norm = duplicates._norm_line(text[line.start:line.end])
        assert got == ((norm.count(" ") + 1 if norm else 0), len(norm), norm.translate(duplicates._JOINERS))


def _check_views(text):
    sents = segments.sentences(text)
    views = duplicates._views(text)
    if views is None:
        return
    low = duplicates._lower(text)
    all_words = list(views.all_words(text))
    shared = segments.ascii_sentence_words(text)
    for k, s in enumerate(sents):
        piece = text[s.start:s.end]
        assert views.ascii[k] == piece.isascii() == (shared[k] is not None)
        if shared[k] is not None:  # the words ART002 and ART003 share: LETTERS of the sentence lower-cased
            assert [w.decode() for w in shared[k]] == segments.LETTERS.findall(piece.lower())
        assert views.high[s.start:s.end].count(1) == sum(not c.isascii() for c in piece)
        words = segments.LETTERS.findall(low, s.start, s.end)
        if views.ascii[k]:
            assert [w.decode() for w in views.words(k)] == words == [w.decode() for w in all_words[k]]
        else:  # a view of the words: as many, as long, and equal where the words are
            got = views.words(k)
            assert all_words[k] == got
            assert [len(w) for w in got] == [len(w) for w in words]
            assert all(got[i] == got[j] for i in range(len(words)) for j in range(len(words)) if words[i] == words[j])
        if views.ascii[k]:
            assert [w.decode() for w in duplicates._tokens(text)[s.start:s.end].split()] == \
                [w.casefold() for w in duplicates._WORD.findall(piece)]
            assert duplicates._ascii_clause_words(text, s) == \
                [[w.encode() for w in part] for part in _plain_clause_words(text, s)]


def _check_filters(text):
    """A sentence the fast filters skip is one where the plain computation finds nothing."""
    sents = segments.sentences(text)
    words_of = duplicates._sentence_words(text)
    low = duplicates._lower(text)
    for k, s in enumerate(sents):
        letters = segments.LETTERS.findall(low, s.start, s.end)
        long = [w for w in letters if len(w) >= 4]
        if words_of[k] is None:
            assert len(set(long)) == len(long)
        else:
            got, got_long = ([w.decode() if isinstance(w, bytes) else w for w in ws] for ws in words_of[k])
            assert got == letters and got_long == long
        words = duplicates._WORD.findall(text, s.start, s.end)
        folded = " ".join(words).casefold().split(" ") if words else []
        if not duplicates._can_repeat_a_run(folded):
            assert not _plain_run_reportable(folded, words)
        for seq in (letters, folded):
            pairs = [p for p in zip(seq, seq[1:], strict=False) if len(p[0]) >= 4 or len(p[1]) >= 4]
            assert duplicates._long_pair_repeats(seq) == (len(set(pairs)) < len(pairs))
        parts = _plain_clause_words(text, s)
        assert duplicates._clause_repeats(parts) == any(
            len(cb := {w for w in wb if len(w) >= 4}) >= 2 and len(wb) <= len(cb) + 2
            and cb == {w for w in wa if len(w) >= 4} and wa != wb
            for wa, wb in zip(parts, parts[1:], strict=False))


_SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_texts)
def test_sentences_and_lines_are_the_plain_splitters(text):
    _check_sentence_splitter(text)


@_SETTINGS
@given(_texts, st.integers(0, 60), st.integers(0, 60))
def test_sentences_of_a_range_are_the_plain_splitter(text, a, b):
    a, b = sorted((min(a, len(text)), min(b, len(text))))
    assert _spans(segments._sentences(text, a, b)) == _plain_sentences(text, a, b)
    assert _spans(segments._lines(text, a, b)) == _plain_lines(text, a, b)


@_SETTINGS
@given(_texts)
def test_byte_views_read_what_the_text_holds(text):
    _check_views(text)


@_SETTINGS
@given(_texts)
def test_line_shapes_are_the_normalised_lines(text):
    _check_line_shapes(text)


@_SETTINGS
@given(_texts)
def test_filters_skip_only_sentences_without_findings(text):
    _check_filters(text)


@_SETTINGS
@given(_line_texts, st.sampled_from(["en", "de"]))
def test_repeated_lines_are_the_plain_walk(text, lang):
    assert list(duplicates._repeated_lines(text, lang)) == _plain_repeated_lines(text, lang)


def test_clause_separator_is_the_plain_one():
    import itertools

    plain = re.compile(rb" *(?:[,;:]| - |[()]) *")
    for n in range(7):
        for t in itertools.product([b" ", b",", b"-", b"(", b"a", b"1", b":"], repeat=n):
            s = b"".join(t)
            assert [m.span() for m in duplicates._ASCII_CLAUSE_SEP.finditer(s)] == \
                [m.span() for m in plain.finditer(s)]


@pytest.mark.parametrize("text", _real_texts()[:200])
def test_real_texts(text):
    assert list(duplicates._repeated_lines(text, "en")) == _plain_repeated_lines(text, "en")
    _check_sentence_splitter(text)
    _check_line_shapes(text)
    _check_views(text)
    _check_filters(text)


def test_outside_latin1_is_mapped_letter_for_letter():
    text = "Größe Σοφία ΣΟΦΊΑΣ Ωμέγα я漢字 “quoted” — x"
    views = duplicates._views(text)
    assert views is not None and len(views.data) == len(text)
    for ch, byte in zip(text, views.data, strict=True):
        if ord(ch) < 256:
            assert byte == ord(ch)
        else:
            assert byte >= 128 and (chr(byte).isalpha() == bool(segments.LETTERS.fullmatch(ch)))


def test_kelvin_sign_and_dense_text_take_the_plain_path():
    assert duplicates._views("\u212aelvin and kelvin") is None
    assert duplicates._views("Это длинный русский текст " * 50) is None
