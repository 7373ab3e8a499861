"""Duplicated text: a sentence, caption or paragraph repeated verbatim or nearly; agency boilerplate
(``data/lang/boilerplate.tsv``) may repeat."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import segments
from ..datafiles import tsv_rows
from ..documents import (
    letter_script,
)
from ..findings import Applicability, Finding
from . import Rule, register

# ----------------------------------------------------------------------------------- duplicated text

_WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
#: A repeated run of words is reported when it is at least this long (words) and holds this many
#: words of four letters or more that are not all capitalised (a repeated name is not a slip).
DUP_MIN_RUN = 4
DUP_MIN_CONTENT = 2
#: A whole line repeated: at least this many words (shorter lines are headings, datelines, credits).
DUP_MIN_LINE_WORDS = 5
#: Near-duplicate lines: similarity (rapidfuzz ratio) with one of the previous few lines.
DUP_LINE_SIMILARITY = 92
DUP_LINE_WINDOW = 3


@lru_cache(maxsize=16)
def _boilerplate(lang: str) -> re.Pattern | None:
    pats = [row[1] for row in tsv_rows("lang", "boilerplate.tsv") if len(row) > 1 and row[0] in ("*", lang)]
    return re.compile("|".join(f"(?:{p})" for p in pats), re.I) if pats else None


def _norm_line(s: str) -> str:
    return " ".join(_WORD.findall(s.casefold()))


#: ASCII bytes → ``a`` (letter or digit: ``[^\W_]``), ``j`` (a joiner inside a ``_WORD``) or a space.
_SHAPE = bytes(ord("a") if chr(c).isalnum() else ord("j") if chr(c) in "'.-" else ord(" ") for c in range(128)) \
    + b" " * 128
_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())
_JOINERS = str.maketrans("", "", " '’.-")


_TO_SPACE = bytes.maketrans(b"j", b" ")


def _line_shapes(text: str, lines: list[segments.Segment], norms: dict[int, str]) -> list[tuple[int, int, str]]:
    """``_line_shape`` of every line, the ASCII ones from bytes made once for the whole text: its shape
    with the joiners inside words turned into letters (a word is then a run of ``a``), and its lower-cased
    bytes for the letters."""
    raw = text.encode("ascii", "replace").lower()  # one byte per character: offsets stay true
    shape = raw.translate(_SHAPE)
    while b"aja" in shape:  # a joiner between two letters or digits belongs to the word
        shape = shape.replace(b"aja", b"aaa")
    shape = shape.translate(_TO_SPACE)
    out = []
    for i, line in enumerate(lines):
        s, e = line.start, line.end
        if not text[s:e].isascii():
            out.append(_line_shape(text[s:e], norms, i))
            continue
        piece = shape[s:e]
        words = piece.count(b" a") + (piece[:1] == b"a")
        out.append((words, piece.count(b"a") + words - 1 if words else 0,
                    raw[s:e].translate(None, _NOT_ALNUM).decode()))
    return out


def _line_shape(raw: str, norms: dict[int, str], i: int) -> tuple[int, int, str]:
    """(number of words, length, letters and digits) of ``_norm_line(raw)``, without building it when
    the case-folded line is ASCII: a word is a run of letters and digits, or runs joined by one ``'.-``
    between them; the normalised line is the words with one space between, so its length is
    letters + runs - 1. The letters are the normalised line less its spaces and joiners. Where the line
    is not ASCII, its normalised text is built (and kept in ``norms[i]``)."""
    folded = raw.casefold()
    if not folded.isascii():
        norm = norms[i] = _norm_line(raw)
        return (norm.count(" ") + 1 if norm else 0), len(norm), norm.translate(_JOINERS)
    b = folded.encode()
    shape = b.translate(_SHAPE)
    runs = shape.count(b" a") + shape.count(b"ja") + shape.startswith(b"a")
    joined = shape.count(b"aj") - shape.count(b"ajj") - shape.count(b"aj ") - shape.endswith(b"aj")
    alnum = shape.count(b"a")
    return runs - joined, (alnum + runs - 1 if runs else 0), b.translate(None, _NOT_ALNUM).decode()


@lru_cache(maxsize=4)
def _sentence_words(text: str) -> list[list[str] | list[bytes] | None]:
    """The lower-cased words (``segments.LETTERS``) of each sentence of ``segments.sentences(text)``, or
    None for a sentence in which no word of four letters or more repeats: the two passes of ART003 that
    read them need such a repeat (cached: both read them). An ASCII sentence is split with bytes methods
    (its words are its runs of letters, as bytes: the passes only compare them and count them)."""
    low = text.lower()
    if len(low) != len(text):  # a few letters lower-case to two characters: keep offsets true
        low = text
    out: list[list[str] | list[bytes] | None] = []
    letters = segments.LETTERS
    for s in segments.sentences(text):
        piece = low[s.start:s.end]
        if piece.isascii():
            words = piece.encode().translate(_LETTER_BYTES).split()
            if len(set(words)) == len(words):
                out.append(None)
                continue
            long = [w for w in words if len(w) >= 4]
            out.append(None if len(set(long)) == len(long) else words)
            continue
        out.append(letters.findall(piece))
    return out


#: ASCII letters stay, every other byte becomes a space: the words of an ASCII text are its ``LETTERS``.
_LETTER_BYTES = bytes(c if chr(c).isalpha() else ord(" ") for c in range(128)) + b" " * 128


@lru_cache(maxsize=8)
def _line_texts(text: str) -> list[str]:
    return re.split(r"\r\n|\n|\r", text)


def _content_words(words: list[str]) -> int:
    return sum(1 for w in words if len(w) >= 4 and not w[:1].isupper())


@register
class DuplicatedSegment(Rule):
    """A sentence, caption or phrase repeated verbatim or nearly.

    What it flags:
        The second copy of a line (a photo caption, a paragraph) that repeats an earlier line of the
        story, and the second copy of a run of words repeated inside one sentence ("the situation in
        the former Yugoslavia, and to make a statement on the situation in the former Yugoslavia") or
        right after itself ("Teller Report Teller Report"). Short lines that legitimately repeat (agency
        credits, "Photo:" lines, datelines) and repeated names are left alone.
    Why it matters:
        Machine translation and copy-paste editing duplicate text; a repeated caption or clause is the
        first thing a reader notices.
    Example:
        "The army said on Monday that it had repelled the attack, that it had repelled the attack."
        Use instead: "The army said on Monday that it had repelled the attack."
    Fix safety:
        Safe for a line that repeats the line right before it exactly (the repeated line is removed);
        unsafe for a phrase inside a sentence (removing it may need other edits); display only for a near
        duplicate.
    Data:
        ``data/lang/boilerplate.tsv``: lines that legitimately repeat.
    """

    code = "ART003"
    name = "duplicated-segment"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        text = ctx.doc.text
        flagged: list[tuple[int, int]] = []
        yield from self._lines(ctx, text, flagged)
        yield from self._phrases(ctx, text, flagged)
        yield from self._clauses(ctx, text, flagged)

    def _lines(self, ctx, text: str, flagged: list) -> Iterator[Finding]:
        """Whole lines repeated exactly or nearly (normalised words, ``_norm_line``). Every line's word count,
        normalised length and letters (``_line_shape``) are found with str/bytes methods; the normalised text,
        the boilerplate test and the similarity are computed only for the few lines that can repeat another
        (same letters, or letters close enough to a recent line's), and give what comparing every line would."""
        fuzz = None  # rapidfuzz, imported at the first pair of lines to compare (start-up)
        boiler = _boilerplate(ctx.lang)
        lines = segments.lines(text)
        norms: dict[int, str] = {}
        boilers: dict[int, bool] = {}
        shapes: list[tuple[int, int, str] | None] = [None] * len(lines)

        def norm_of(i: int) -> str:
            if i not in norms:
                norms[i] = _norm_line(text[lines[i].start:lines[i].end])
            return norms[i]

        def is_boiler(i: int) -> bool:
            if i not in boilers:
                boilers[i] = bool(boiler and boiler.fullmatch(text[lines[i].start:lines[i].end].strip()))
            return boilers[i]

        line_shapes = _line_shapes(text, lines, norms)
        by_letters: dict[str, list[int]] = {}  # letters -> lines not flagged (seen, unless boilerplate)
        window: list[int] = []  # the last lines (at most DUP_LINE_WINDOW) in a row with enough words
        for i, line in enumerate(lines):
            n_words, length, letters = shape = line_shapes[i]
            if n_words < DUP_MIN_LINE_WORDS:
                window = []
                continue
            shapes[i] = shape
            first = None
            for j in by_letters.get(letters, ()):
                if norm_of(j) == norm_of(i) and not is_boiler(j):
                    first = lines[j].start
                    break
            near = None
            if first is None and window:
                maybe = []
                for j in window:
                    length_j, letters_j = shapes[j][1], shapes[j][2]
                    if abs(length - length_j) * 5 > length:
                        continue  # lengths too far apart to reach the similarity floor
                    if fuzz is None:
                        from rapidfuzz import fuzz
                        from rapidfuzz.distance import Indel
                    # the letters' distance is at most the normalised lines' distance
                    floor = int((100 - DUP_LINE_SIMILARITY) / 100 * (length + length_j)) + 1
                    if Indel.distance(letters, letters_j, score_cutoff=floor) <= floor:
                        maybe.append(j)
                if maybe:
                    recent = []  # the window less the lines up to its last boilerplate line
                    for j in reversed(window):
                        if is_boiler(j):
                            break
                        recent.append(j)
                    for j in reversed(recent):
                        if j in maybe and fuzz.ratio(norm_of(i), norm_of(j), score_cutoff=DUP_LINE_SIMILARITY):
                            near = lines[j]
                            break
            if first is not None or near is not None:
                if is_boiler(i):
                    window = []
                    continue
                prev_start = first if first is not None else near.start
                line_no = ctx.doc.lines.position(prev_start)[0]
                related = [{"start": prev_start, "end": prev_start + 1, "line": line_no,
                            "message": "first written here"}]
                how = "repeats" if first is not None else "nearly repeats"
                edit_applies = first is not None and window and not is_boiler(window[-1]) \
                    and lines[window[-1]].start == prev_start
                finding = self.finding(ctx, line.start, line.end, f"this line {how} line {line_no}", [],
                                       Applicability.DISPLAY, related)
                if edit_applies:  # remove the repeated line with the line break before it
                    from ..findings import Edit

                    cut = text.rfind("\n", 0, line.start)
                    finding.edits = [Edit(cut if cut >= 0 else line.start, line.end, "")]
                    finding.applicability = Applicability.SAFE
                flagged.append((line.start, line.end))
                yield finding
            else:
                by_letters.setdefault(letters, []).append(i)
            window = (window + [i])[-DUP_LINE_WINDOW:]

    def _source_repeats(self, ctx, offset: int) -> bool:
        """True when the source line aligned with the line at ``offset`` repeats words itself (a
        faithful repetition: "than anything we can build ... than anything we can build"). Lines are
        aligned when both versions have the same number of lines."""
        if ctx.source is None:
            return False
        src_lines = _line_texts(ctx.source.text)
        doc_lines = ctx.doc.lines
        if len(src_lines) != len(doc_lines.starts):
            return False
        src = src_lines[doc_lines.position(offset)[0] - 1].casefold()
        toks = _WORD.findall(src)
        if any(ch.isalpha() and not ch.isascii() and letter_script(ch) not in ("Latin", "Cyrillic", "Greek")
               for ch in src[:200]):  # Han, kana, Hangul: words are not spaced, compare character pairs
            letters = [ch for ch in src if ch.isalpha()]
            grams = [tuple(letters[i:i + 2]) for i in range(len(letters) - 1)]
        else:
            grams = [tuple(toks[i:i + 3]) for i in range(len(toks) - 2) if max(map(len, toks[i:i + 3])) >= 4]
        return len(set(grams)) < len(grams)

    def _phrases(self, ctx, text: str, flagged: list) -> Iterator[Finding]:
        quotes = None
        done = segments.Spans(list(flagged))
        words_of = _sentence_words(text)
        for k, sent in enumerate(segments.sentences(text)):
            low = words_of[k]
            if low is None or done.covers(sent.start, sent.end):
                continue
            if len(set(zip(low, low[1:], strict=False))) == len(low) - 1 or len(low) < 2:
                continue  # no pair of words repeats at all (decided in C for most sentences)
            pairs = [p for p in zip(low, low[1:], strict=False) if len(p[0]) >= 4 or len(p[1]) >= 4]
            if len(set(pairs)) == len(pairs):
                continue  # no pair of words with a long one repeats: nothing to find
            words = _WORD.findall(text, sent.start, sent.end)
            n = len(words)
            if n < 2 * 2:
                continue
            folded = " ".join(words).casefold().split(" ")  # no letter case-folds to a space
            pairs = [p for p in zip(folded, folded[1:], strict=False) if len(p[0]) >= 4 or len(p[1]) >= 4]
            if len(set(pairs)) == len(pairs):
                continue  # a run worth reporting holds a word of four letters or more: a long pair repeats
            spans = None  # (start, end) of each word, found when a run is worth reporting
            first_at: dict[tuple[str, str], int] = {}
            i = 0
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
                if (immediate and length >= 2 and sum(len(w) for w in run) >= 6
                        and any(len(w) >= 4 for w in run)) or \
                        (length >= DUP_MIN_RUN and _content_words(run) >= DUP_MIN_CONTENT) or \
                        (length > DUP_MIN_RUN and sum(len(w) >= 4 for w in run) >= DUP_MIN_CONTENT
                         and any(w.islower() and len(w) >= 4 for w in run)):
                    if spans is None:
                        spans = [m.span() for m in _WORD.finditer(text, sent.start, sent.end)]
                    start, end = spans[i][0], spans[i + length - 1][1]
                    quotes = quotes if quotes is not None else segments.quoted_spans(text)
                    if not (quotes.overlaps(start, end) and quotes.overlaps(*spans[j])
                            and not immediate) and not self._source_repeats(ctx, start):
                        gap_start = spans[i - 1][1] if immediate else start
                        yield self._phrase_finding(ctx, text, start, end, spans[j][0], gap_start, immediate)
                        flagged.append((start, end))
                        break  # one run per sentence
                    i += length
                    continue
                i += 1

    def _clauses(self, ctx, text: str, flagged: list) -> Iterator[Finding]:
        """A clause that only repeats the content words of the clause right before it, in another order
        ("berichtete Bloomberg, wie Bloomberg berichtete")."""
        words_of = _sentence_words(text)
        for k, sent in enumerate(segments.sentences(text)):
            low = words_of[k]
            if low is None or len(set(low)) > len(low) - 2:
                continue  # fewer than two words repeat at all (decided in C for most sentences)
            low = [w for w in low if len(w) >= 4]
            if len(set(low)) > len(low) - 2:
                continue  # fewer than two long words repeat: no clause can repeat another
            parts = segments.clauses(text, sent)
            words = [[w.casefold() for w in _WORD.findall(text[p.start:p.end])] for p in parts]
            for k2 in range(1, len(parts)):
                a, b, wa, wb = parts[k2 - 1], parts[k2], words[k2 - 1], words[k2]
                cb = {w for w in wb if len(w) >= 4}
                if len(cb) < 2 or len(wb) > len(cb) + 2 or cb != {w for w in wa if len(w) >= 4} or wa == wb:
                    continue
                if any(s <= b.start < e for s, e in flagged) or self._source_repeats(ctx, b.start):
                    continue
                flagged.append((b.start, b.end))
                yield self._phrase_finding(ctx, text, b.start, b.end, a.start, b.start, False)

    def _phrase_finding(self, ctx, text, start, end, first_start, gap_start, immediate) -> Finding:
        col = ctx.doc.lines.position(first_start)[1]
        related = [{"start": first_start, "end": first_start + 1, "line": ctx.doc.lines.position(first_start)[0],
                    "message": "first written here"}]
        finding = self.finding(ctx, start, end,
                               f"{text[start:end]!r} repeats the words at column {col}"
                               + (" right before it" if immediate else " earlier in this sentence"),
                               [], Applicability.DISPLAY, related)
        if immediate:
            from ..findings import Edit

            finding.edits = [Edit(gap_start, end, "")]
            finding.applicability = Applicability.UNSAFE
        return finding
