"""Segmentation of copy into lines, paragraphs, sentences, clauses and words, each with its code-point span.

Every segment is a ``Segment(start, end, kind)`` into the document text (end-exclusive, the same offsets as
``Document.text``); ``seg.text(doc_text)`` slices it. Nothing here knows a language's vocabulary: sentence
ends are told by punctuation and the next character, abbreviations by their shape (an initial, a word with
an inner dot, a word without a vowel: U.S., z.B., Mr., Dr., dt., bzw.), so a new language needs no change.

Also here: the spans of quotations („…“, “…”, "…", «…», »…«, ‘…’) and of URLs and e-mail addresses, which
rules about language and repetition leave alone.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, compress, repeat
from operator import add, sub

from .markup import address_spans

__all__ = [
    "Segment",
    "lines",
    "paragraphs",
    "sentences",
    "ascii_sentence_words",
    "clauses",
    "words",
    "quoted_spans",
    "url_spans",
    "inside",
    "Spans",
]

#: A line's text without its outer white space (the group), blank lines skipped: what ``str.strip`` leaves of
#: each run of characters between line breaks (``\s`` and ``str.isspace`` are the same set).
_STRIPPED_LINE = re.compile(r"[^\S\r\n]*([^\s](?:[^\r\n]*[^\s])?)")
_BLANK_LINES = re.compile(r"(?:\r\n|\n|\r)[ \t\u00a0]*(?:\r\n|\n|\r)\s*")
_END_MARKS = ".!?…"
#: A candidate sentence end inside a line: terminal punctuation (with closing quotes or brackets), white
#: space and, captured, the character after it on the same line; one pattern for each first mark. Run on a
#: line, ``[.!?…]+[\"'”’»«“)\]]*(?=\s+)`` matches where these do in the whole text (a line is stripped: its
#: end is followed by a line break or nothing, never by spaces and a character on the same line).
_SENT_CUTS = tuple((mark, re.compile(re.escape(mark) + r"[.!?…]*[\"'”’»«“)\]]*(?=[^\S\r\n]+(\S))"))
                   for mark in _END_MARKS)
_match_start = operator.methodcaller("start")
#: Clause separators inside a sentence.
_CLAUSE_SEP = re.compile(r"\s*(?:[,;:]|\s[–—-]\s|[()])\s*")
WORD = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*")
#: A run of letters (no digits, no apostrophes): the unit the word lists are looked up by.
LETTERS = re.compile(r"[^\W\d_]+")
_VOWELS = set("aeiouyäöüáéíóúýěåøæœàèìòùâêîôûąęіїєаеёиоуыэюяAEIOUYÄÖÜ")

#: Opening → closing quotation marks. ASCII " and the German/English curly pairs overlap: “ closes „ in
#: German and opens in English, so each opener lists what may close it.
_QUOTES = {"„": "“”\"", "“": "”“\"", "\"": "\"”“", "«": "»", "»": "«", "‚": "‘’", "‘": "’"}


@dataclass(slots=True, unsafe_hash=True)
class Segment:
    """A span of the text. Treated as immutable (cached lists are shared by every rule) but not frozen:
    a frozen dataclass sets each field through object.__setattr__, three times slower to build, and a
    megabyte of copy makes some 20,000 of them."""

    start: int
    end: int
    kind: str  # line | paragraph | sentence | clause | word

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]

    def __len__(self) -> int:
        return self.end - self.start


def _strip(text: str, start: int, end: int, kind: str) -> Segment | None:
    piece = text[start:end]
    core = piece.strip()  # str.strip() removes exactly the characters str.isspace() accepts
    if not core:
        return None
    lead = len(piece) - len(piece.lstrip())
    return Segment(start + lead, start + lead + len(core), kind)


def lines(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Non-blank lines (without their line break and outer white space)."""
    if start == 0 and end is None:
        return list(_all_lines(text))
    return _lines(text, start, end)


@lru_cache(maxsize=8)
def _all_lines(text: str) -> tuple[Segment, ...]:
    return tuple(_lines(text, 0, len(text)))


def _lines(text: str, start: int, end: int | None) -> list[Segment]:
    """``_STRIPPED_LINE``'s groups in ``text[start:end]``, found with str methods: the text between line
    breaks (``\\r`` and ``\\n`` each end one: ``\\r\\n`` leaves a blank line between them) less its outer
    white space; the offsets are the running sum of the pieces' lengths."""
    end = len(text) if end is None else end
    piece = text[start:end] if start or end != len(text) else text
    if "\r" in piece:
        piece = piece.replace("\r", "\n")
    raw = piece.split("\n")
    lens = list(map(len, raw))
    right = list(map(len, map(str.rstrip, raw)))  # a line's end: its length less its trailing white space
    if not any(right):
        return []
    offsets = list(accumulate(map((1).__add__, lens), initial=start))  # where each piece starts
    # start = offset + leading white space (length - length left-stripped); blank lines (right 0) dropped
    starts = map(sub, map(add, offsets, lens), map(len, map(str.lstrip, raw)))
    ends = map(add, offsets, right)
    keep = list(map(bool, right))
    return list(map(Segment, compress(starts, keep), compress(ends, keep), repeat("line")))


def paragraph_around(text: str, start: int, end: int) -> str:
    """The text of the line (paragraph) holding ``[start, end)``."""
    a = text.rfind("\n", 0, start)
    b = text.find("\n", end)
    return text[a + 1: b if b >= 0 else len(text)]


def paragraphs(text: str) -> list[Segment]:
    """Blocks separated by one or more blank lines."""
    out, pos = [], 0
    for m in _BLANK_LINES.finditer(text):
        seg = _strip(text, pos, m.start(), "paragraph")
        if seg:
            out.append(seg)
        pos = m.end()
    seg = _strip(text, pos, len(text), "paragraph")
    if seg:
        out.append(seg)
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` ends an abbreviation or an ordinal rather than a sentence."""
    i = dot
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
        i -= 1
    token = text[i:dot]
    if not token:
        return False
    if token.isdigit():
        return len(token) <= 2  # "11. Februar", "3. Liga": ordinals; "in 2023." ends a sentence
    if "." in token:
        return True  # U.S., z.B., e.g.
    if len(token) == 1:
        return token.isalpha()  # an initial: "Donald J. Trump"
    return len(token) <= 4 and not (_VOWELS & set(token))  # Mr, Dr, St, Jr, Nr, dt, bzw, vgl


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Sentences (the whole text's are computed once and cached)."""
    if start == 0 and end is None:
        return list(_all_sentences(text))
    return _sentences(text, start, end)


@lru_cache(maxsize=8)
def _all_sentences(text: str) -> tuple[Segment, ...]:
    return tuple(_sentences(text, 0, None))


def _sentences(text: str, start: int = 0, end: int | None = None) -> list[Segment]:
    """Sentences: each line is split after . ! ? … (with closing quotes) followed by white space and a
    capital letter, digit or opening quote, except after an abbreviation or a short ordinal.

    The cuts are found in the whole range at once (``_sentence_cuts``); a line's sentences are then the
    spans between its start, its cuts and its end, whose ends are already free of white space (a line is
    stripped, a cut ends on a mark and the next sentence starts at the character after the spaces), so no
    piece is stripped again."""
    lns = lines(text, start, end)
    starts = [seg.start for seg in lns]
    ends = [seg.end for seg in lns]
    for m in _sentence_cuts(text, start, len(text) if end is None else end):
        ch = m.group(1)
        if not (ch.isupper() or ch.isdigit() or ch in "\"„“«»‚‘(["):
            continue
        a, b = m.span()
        if b - a == 1 and text[a] == "." and _is_abbreviation(text, a):
            continue
        ends.append(b)
        starts.append(m.start(1))
    if len(starts) > len(lns):
        starts.sort()
        ends.sort()
    return list(map(Segment, starts, ends, repeat("sentence")))


#: A byte of a text written one byte per character → its lower case for an ASCII letter, else a space.
_ASCII_LETTER_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))


@lru_cache(maxsize=4)
def ascii_sentence_words(text: str) -> tuple[list[bytes] | None, ...]:
    """For each sentence of ``sentences(text)``: its words as ``LETTERS.findall`` reads them in
    ``sentence.lower()``, as ASCII bytes, where the sentence is ASCII; None where it is not. Cached: ART002
    and ART003 both read every sentence's words (splitting them is the cost, one object per word).

    Why it is equal: the text is written one byte per character (Latin-1, ``?`` for any other character),
    ASCII letters lower-cased and every other byte a space; an ASCII sentence's slice of that is its
    lower-cased text with its non-letters spaces, and ``LETTERS`` on ASCII is ``[A-Za-z]+``."""
    sents = _all_sentences(text)
    starts, ends = [s.start for s in sents], [s.end for s in sents]
    letters = text.encode("latin-1", "replace").translate(_ASCII_LETTER_BYTES)
    words = list(map(bytes.split, map(letters.__getitem__, map(slice, starts, ends))))
    if not text.isascii():
        for k in compress(range(len(sents)), map(operator.not_, map(str.isascii, map(
                text.__getitem__, map(slice, starts, ends))))):
            words[k] = None
    return tuple(words)


def _sentence_cuts(text: str, start: int, end: int) -> list[re.Match]:
    """What ``_SENT_END`` finds line by line, as ``_SENT_CUT`` matches (the character after the spaces in
    group 1), in text order. A match spans one run of end marks, from its first mark, and its closing
    quotes; so each mark that can begin a run is looked for on its own (a pattern with a literal first
    character is searched for in C far faster than one that begins with a class), and a match whose mark
    follows another mark, not the run's first, is dropped."""
    found: list[re.Match] = []
    passes = 0
    for mark, pattern in _SENT_CUTS:
        if text.find(mark, start, end) >= 0:
            found += pattern.finditer(text, start, end)
            passes += 1
    if passes > 1:
        found = [m for m in found if m.start() == start or text[m.start() - 1] not in _END_MARKS]
        found.sort(key=_match_start)
    return found


def clauses(text: str, seg: Segment) -> list[Segment]:
    """The parts of a sentence between commas, semicolons, colons, dashes and brackets."""
    out, pos = [], seg.start
    for m in _CLAUSE_SEP.finditer(text, seg.start, seg.end):
        if m.start() > pos and text[m.start() - 1].isdigit() and m.group().strip() == "," \
                and m.end() < seg.end and text[m.end()].isdigit():
            continue  # 8,5 million: a decimal comma
        part = _strip(text, pos, m.start(), "clause")
        if part:
            out.append(part)
        pos = m.end()
    part = _strip(text, pos, seg.end, "clause")
    if part:
        out.append(part)
    return out


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[Segment]:
    """Words (letters with inner apostrophes, dots or hyphens) between ``start`` and ``end``."""
    for m in WORD.finditer(text, start, len(text) if end is None else end):
        yield Segment(m.start(), m.end(), "word")


class Spans:
    """A sorted set of disjoint spans with a fast 'does this overlap' test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.spans[i - 1][1] > start

    def covers(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.starts, start)
        return i > 0 and self.spans[i - 1][0] <= start and self.spans[i - 1][1] >= end

    def __bool__(self) -> bool:
        return bool(self.spans)


_QUOTE_CHAR = re.compile("[" + "".join(_QUOTES) + "]")
#: Marks that open a quotation only where no word or sentence mark stands right before them: written after
#: one they close a quotation (or are an apostrophe).
_CLOSES_AFTER_WORD = "‘\"“"


@lru_cache(maxsize=64)
def quoted_spans(text: str) -> Spans:
    """Spans of quotations, marks included. A quotation does not run past its line; an opening mark
    without its closing mark on the same line quotes nothing."""
    out: list[tuple[int, int]] = []
    for line in lines(text):
        pos = line.start
        while True:
            m = _QUOTE_CHAR.search(text, pos, line.end)
            if m is None:
                break
            i, ch = m.start(), m.group(0)
            pos = i + 1
            if ch in _CLOSES_AFTER_WORD and i > line.start and (text[i - 1].isalnum() or text[i - 1] in ".,;:!?…"):
                continue  # an apostrophe, or a mark that closes a quotation (German „…“: "kontrollierbar“, und")
            closers = _QUOTES[ch]
            j = min((k for k in (text.find(c, i + 1, line.end) for c in closers) if k >= 0), default=-1)
            if j >= 0:
                out.append((i, j + 1))
                pos = j + 1
    return Spans(out)


@lru_cache(maxsize=64)
def url_spans(text: str) -> Spans:
    """Spans of URLs, web addresses (example.com/...) and e-mail addresses (``markup.address_spans``)."""
    return Spans(address_spans(text))


def inside(spans: Spans, start: int, end: int) -> bool:
    return spans.covers(start, end)
