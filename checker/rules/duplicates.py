"""Duplicated text: a sentence, caption or paragraph repeated verbatim or nearly; agency boilerplate
(``data/lang/boilerplate.tsv``) may repeat."""

from __future__ import annotations

import codecs
import operator
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, repeat
from operator import eq

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


def _line_shapes(text: str, lines: list[segments.Segment], norms: dict[int, str]) -> list[tuple[int, int, str]]:
    """``_line_shape`` of every line, the ASCII ones from bytes made once for the whole text: its shape
    with the joiners inside words turned into letters (a word is then a run of ``a``), and its lower-cased
    bytes for the letters; the counts of every line are taken in C (``bytes.count`` with bounds: the
    shape has a space before the text, and the byte before a stripped line is a space)."""
    raw = text.encode("ascii", "replace").lower()  # one byte per character: offsets stay true
    shape = raw.translate(_SHAPE)
    while b"aja" in shape:  # a joiner between two letters or digits belongs to the word
        shape = shape.replace(b"aja", b"aaa")
    shape = b" " + shape.translate(_TO_SPACE)  # the shape of character x is shape[x + 1]
    starts, ends = [line.start for line in lines], [line.end for line in lines]
    afters = [e + 1 for e in ends]
    words = map(shape.count, repeat(b" a"), starts, afters)  # a word starts after a space
    alnum = map(shape.count, repeat(b"a"), map((1).__add__, starts), afters)
    letters = map(bytes.decode, map(bytes.translate, map(raw.__getitem__, map(slice, starts, ends)),
                                    repeat(None), repeat(_NOT_ALNUM)))
    out = [(n, a + n - 1 if n else 0, ls) for n, a, ls in zip(words, alnum, letters, strict=True)]
    if not text.isascii():  # a line with a character outside ASCII is read again
        views = _views(text)
        if views is not None:  # its bytes there: 1 for a character outside ASCII
            outside = map(views.high.count, repeat(b"\x01"), starts, ends)
        else:
            outside = map(operator.not_, map(str.isascii, map(text.__getitem__, map(slice, starts, ends))))
        for i in compress(range(len(lines)), outside):
            out[i] = _line_shape(text[starts[i]:ends[i]], norms, i)
    return out


_TO_SPACE = bytes.maketrans(b"j", b" ")


def _shape_run(exc: UnicodeError) -> tuple[str, int]:
    """A run of characters outside ASCII in a case-folded line → ``a`` for a letter or digit, ``'`` for
    ``’`` (a joiner), else a space: ``_SHAPE`` then reads the bytes as it reads an ASCII line."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "".join(map(_shape_char, exc.object[exc.start:exc.end])), exc.end


@lru_cache(maxsize=4096)
def _shape_char(c: str) -> str:
    return "a" if c.isalnum() else "'" if c == "’" else " "


_SHAPE_ERRORS = "checker-art003-shape"
codecs.register_error(_SHAPE_ERRORS, _shape_run)
_IS_A = bytes(1 if c == ord("a") else 0 for c in range(256))


def _line_shape(raw: str, norms: dict[int, str], i: int) -> tuple[int, int, str]:
    """(number of words, length, letters and digits) of ``_norm_line(raw)``, without building it: a word
    is a run of letters and digits, or runs joined by one ``'’.-`` between them; the normalised line is the
    words with one space between, so its length is letters + runs - 1; the letters are the normalised line
    less its spaces and joiners: the case-folded line's letters and digits. A case-folded line that is not
    ASCII is read the same way, its characters outside ASCII mapped to ASCII by ``_shape_run``. (``norms``
    stays for the callers: a line's normalised text is built where it is compared.)"""
    folded = raw.casefold()
    if not folded.isascii():  # the same counts on its shape; the letters are the characters at its a's
        shape = folded.encode("ascii", _SHAPE_ERRORS).translate(_SHAPE)
        runs = shape.count(b" a") + shape.count(b"ja") + shape.startswith(b"a")
        joined = shape.count(b"aj") - shape.count(b"ajj") - shape.count(b"aj ") - shape.endswith(b"aj")
        return runs - joined, (shape.count(b"a") + runs - 1 if runs else 0), \
            "".join(compress(folded, shape.translate(_IS_A)))
    b = folded.encode()
    shape = b.translate(_SHAPE)
    runs = shape.count(b" a") + shape.count(b"ja") + shape.startswith(b"a")
    joined = shape.count(b"aj") - shape.count(b"ajj") - shape.count(b"aj ") - shape.endswith(b"aj")
    alnum = shape.count(b"a")
    return runs - joined, (alnum + runs - 1 if runs else 0), b.translate(None, _NOT_ALNUM).decode()


# ------------------------------------------------------------------------ sentences: byte views

#: A character outside Latin-1 in the one-byte view of a text (``_views``): a letter becomes its lower case
#: where that is in Latin-1 (the Kelvin sign aside: see ``_views``), else ``þ``; any other character a
#: no-break space. Every character keeps one byte, and letters stay letters (``LETTERS`` is the same set
#: in either case), so equal lower-cased words stay equal: the view can only find more repeats.
_OUTSIDE = "checker-art003"
_PLACEHOLDER = "\u00fe"


class _Dense(Exception):
    """Too many characters outside Latin-1 to map them run by run."""


_runs_left = [0]


@lru_cache(maxsize=4096)
def _outside_char(c: str) -> str:
    if not segments.LETTERS.fullmatch(c):
        return "\u00a0"
    low = c.lower()
    return low if len(low) == 1 and "\u0080" <= low <= "\u00ff" else _PLACEHOLDER


def _outside_run(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    _runs_left[0] -= 1
    if _runs_left[0] < 0:
        raise _Dense
    return "".join(map(_outside_char, exc.object[exc.start:exc.end])), exc.end


codecs.register_error(_OUTSIDE, _outside_run)


def _table(fn) -> bytes:
    return bytes(fn(chr(b)) for b in range(256))


#: Byte → its lower case if a letter (``LETTERS``), else a space; the same keeping the case.
_LOWER_LETTERS = _table(lambda c: ord(c.lower()) if segments.LETTERS.fullmatch(c) else 32)
_KEEP_LETTERS = _table(lambda c: ord(c) if segments.LETTERS.fullmatch(c) else 32)
#: ASCII white space as ``\\s`` and ``str.strip`` see it (``\\x1c``-``\\x1f`` too) → a space.
_SPACES = _table(lambda c: 32 if c.isascii() and c.isspace() else ord(c))
_HIGH = _table(lambda c: 0 if c.isascii() else 1)


class _Views:
    """What the sentence passes read of a text, from its one-byte view (``_OUTSIDE``): ``data``, the view;
    ``high``, 1 for each character outside ASCII, else 0; ``ascii``, whether each sentence is ASCII;
    ``words``, each sentence's ``LETTERS`` words as bytes, lower-cased as ``text.lower()`` has them (as
    written where that changes the text's length): exact for an ASCII sentence, for another the view of
    its words (equal words stay equal)."""

    def __init__(self, text: str, data: bytes, sents: list[segments.Segment]) -> None:
        self.data = data
        letters = data.translate(_LOWER_LETTERS if "\u0130" not in text else _KEEP_LETTERS)
        starts, ends = [s.start for s in sents], [s.end for s in sents]
        self.high = high = data.translate(_HIGH)
        self.ascii = [not n for n in map(high.count, repeat(b"\x01"), starts, ends)]
        self.words = list(map(bytes.split, map(letters.__getitem__, map(slice, starts, ends))))


@lru_cache(maxsize=4)
def _views(text: str) -> _Views | None:
    """The byte views of ``text``, or None where too many of its characters lie outside Latin-1 (they are
    mapped run by run) or it holds the Kelvin sign (the one character outside ASCII whose lower case is
    ASCII: its sentences would pass for ASCII)."""
    if text.isascii():
        data = text.encode("ascii")
    elif "\u212a" in text:
        return None
    else:
        _runs_left[0] = len(text) // 200 + 16
        try:
            data = text.encode("latin-1", _OUTSIDE)
        except _Dense:
            return None
    return _Views(text, data, segments.sentences(text))


def _lower(text: str) -> str:
    """``text.lower()``, or the text itself where lower-casing changes its length (offsets stay true)."""
    low = text.lower()
    return low if len(low) == len(text) else text


def _sentence_lower(text: str, s: segments.Segment) -> str:
    """The sentence's piece of ``_lower(text)``: lower-cased alone unless the text holds a capital sigma
    (the one letter whose lower case depends on its neighbours; a sentence is bounded by white space) or a
    letter whose lower case is longer (``_lower`` leaves the text as it is)."""
    if _lower_alone(text):
        return text[s.start:s.end].lower()
    return _lower_whole(text)[s.start:s.end]


@lru_cache(maxsize=4)
def _lower_alone(text: str) -> bool:
    return "\u03a3" not in text and "\u0130" not in text


@lru_cache(maxsize=4)
def _lower_whole(text: str) -> str:
    return _lower(text)


@lru_cache(maxsize=4)
def _sentence_words(text: str) -> list[list[str] | list[bytes] | None]:
    """The lower-cased words (``segments.LETTERS``) of each sentence of ``segments.sentences(text)``, or
    None for a sentence in which no word of four letters or more repeats: the two passes of ART003 that
    read them need such a repeat (cached: both read them). The repeat is looked for in the byte view
    (``_views``) for every sentence at once, in C; an ASCII sentence's words are then its runs of letters
    there, as bytes (the passes only compare and count them), another's are read from the text."""
    views = _views(text)
    sents = segments.sentences(text)
    if views is None:
        return [_words_of(text, s) for s in sents]
    out: list[list[str] | list[bytes] | None] = [None] * len(sents)
    is_ascii = views.ascii
    for k, words in enumerate(views.words):
        long = [w for w in words if len(w) >= 4]
        if len(set(long)) < len(long):
            out[k] = words if is_ascii[k] else segments.LETTERS.findall(_sentence_lower(text, sents[k]))
    return out


def _words_of(text: str, s: segments.Segment) -> list[str] | None:
    words = segments.LETTERS.findall(_sentence_lower(text, s))
    long = [w for w in words if len(w) >= 4]
    return None if len(set(long)) == len(long) else words


def _can_repeat_a_run(folded: list) -> bool:
    """False when no run of words that ``_phrases`` reports can be in ``folded``: such a run has four
    words or more (the same four words twice) or is a run of two or three words right after itself."""
    n = len(folded)
    if n < 4:
        return False
    later = folded[1:], folded[2:], folded[3:]
    if len(set(zip(folded, *later, strict=False))) < n - 3:
        return True  # four words repeat
    if any(map(eq, zip(folded, later[0], strict=False), zip(later[1], later[2], strict=False))):
        return True  # two words right after themselves
    return n >= 6 and any(map(eq, zip(folded, *later[:2], strict=False),
                              zip(later[2], folded[4:], folded[5:], strict=False)))  # three words


#: ``segments._CLAUSE_SEP`` for ASCII text whose white space is spaces (``_SPACES``): `` *(?:[,;:]| - |[()]) *``
#: written to begin with one character class, which the regular expression engine looks for in a fast loop
#: (a pattern that begins with `` *``, a repeat or alternatives is tried at every position); the matches
#: are the same: a separator, or spaces then a separator or ``- ``, then spaces.
_ASCII_CLAUSE_SEP = re.compile(rb"[ ,;:()](?:(?<=[,;:()]) *| *(?:[,;:()]|- ) *)")
#: ``_WORD`` for ASCII text (its letters and digits are ``[A-Za-z0-9]``; ’ is not ASCII).
_ASCII_WORD = re.compile(rb"[A-Za-z0-9]+(?:['.\-][A-Za-z0-9]+)*")


def _ascii_clause_words(piece: bytes) -> list[list[bytes]]:
    """The lower-cased words of each part of ``segments.clauses`` of an ASCII sentence, read from its bytes:
    the same cuts (a comma between digits is no cut) and the same parts (blank ones dropped)."""
    spaced, low = piece.translate(_SPACES), piece.lower()
    out, pos, end = [], 0, len(piece)
    for m in _ASCII_CLAUSE_SEP.finditer(spaced):
        a, b = m.span()
        if a > pos and 48 <= spaced[a - 1] <= 57 and m.group().strip() == b"," and b < end \
                and 48 <= spaced[b] <= 57:
            continue
        if spaced[pos:a].strip():
            out.append(_ASCII_WORD.findall(low, pos, a))
        pos = b
    if spaced[pos:end].strip():
        out.append(_ASCII_WORD.findall(low, pos, end))
    return out


def _clause_repeats(parts: list[list]) -> bool:
    """Whether a part's long words (four letters or more, two at least) are those of the part before it, as
    ``_clauses`` asks before it reads flags and the source."""
    for wa, wb in zip(parts, parts[1:], strict=False):
        cb = {w for w in wb if len(w) >= 4}
        if len(cb) >= 2 and len(wb) <= len(cb) + 2 and cb == {w for w in wa if len(w) >= 4} and wa != wb:
            return True
    return False


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
        """A run of words repeated inside a sentence. Only the sentences with a repeated long word
        (``_sentence_words``) are read, and of those only the ones that can hold a run worth reporting
        (``_can_repeat_a_run``); an ASCII sentence's words come from the byte views (``_views``)."""
        quotes = None
        done = segments.Spans(list(flagged))
        words_of = _sentence_words(text)
        views = _views(text)
        sents = segments.sentences(text)
        for k in compress(range(len(sents)), words_of):
            sent, low = sents[k], words_of[k]
            if done.covers(sent.start, sent.end):
                continue
            if len(set(zip(low, low[1:], strict=False))) == len(low) - 1 or len(low) < 2:
                continue  # no pair of words repeats at all (decided in C for most sentences)
            pairs = [p for p in zip(low, low[1:], strict=False) if len(p[0]) >= 4 or len(p[1]) >= 4]
            if len(set(pairs)) == len(pairs):
                continue  # no pair of words with a long one repeats: nothing to find
            if views is not None and views.ascii[k]:
                words = _ASCII_WORD.findall(views.data, sent.start, sent.end)
                if not _can_repeat_a_run(list(map(bytes.lower, words))):
                    continue
                words = list(map(bytes.decode, words))
            else:
                words = _WORD.findall(text, sent.start, sent.end)
            n = len(words)
            if n < 2 * 2:
                continue
            folded = " ".join(words).casefold().split(" ")  # no letter case-folds to a space
            if not _can_repeat_a_run(folded):
                continue
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
        views = _views(text)
        sents = segments.sentences(text)
        for k in compress(range(len(sents)), words_of):
            sent, low = sents[k], words_of[k]
            if len(set(low)) > len(low) - 2:
                continue  # fewer than two words repeat at all (decided in C for most sentences)
            low = [w for w in low if len(w) >= 4]
            if len(set(low)) > len(low) - 2:
                continue  # fewer than two long words repeat: no clause can repeat another
            if views is not None and views.ascii[k] and \
                    not _clause_repeats(_ascii_clause_words(views.data[sent.start:sent.end])):
                continue  # the parts' words, read from the bytes, show no clause repeating the one before
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
