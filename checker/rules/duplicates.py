"""Duplicated text: a sentence, caption or paragraph repeated verbatim or nearly; agency boilerplate
(``data/lang/boilerplate.tsv``) may repeat."""

from __future__ import annotations

import bisect
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
#: Lower-cased ASCII → itself if a letter, digit or joiner (``'.-``), else a space (a byte outside ASCII too);
#: ``_STRAY`` finds a joiner that is not between two letters or digits, one pattern for each joiner (a
#: pattern led by one literal byte is searched for in a fast loop).
_TOKEN_BYTES = bytes(c if chr(c).isalnum() or chr(c) in "'.-" else 32 for c in range(128)) + b" " * 128
_STRAY = tuple(re.compile(j + rb"(?:(?![a-z0-9])|(?<![a-z0-9]" + j + rb"))") for j in (rb"\.", rb"-", rb"'"))
#: A byte of ``_tokens`` → ``a`` inside a word, else a space.
_TOKEN_SHAPE = bytes(32 if c == 32 else ord("a") for c in range(256))


@lru_cache(maxsize=4)
def _tokens(text: str) -> bytes:
    """The text as one byte per character, ASCII lower-cased, with every byte outside a ``_WORD`` word a
    space (a character outside ASCII too): the words of a stretch of ASCII are then its runs of other bytes,
    lower-cased (case-folded: the same for ASCII). The bytes are the one-byte view of ``_views`` where the
    text has one (ASCII as is)."""
    views = None if text.isascii() else _views(text)
    raw = views.data if views is not None else text.encode("ascii", "replace")
    tokens = raw.lower().translate(_TOKEN_BYTES)
    for stray in _STRAY:
        tokens = stray.sub(b" ", tokens)
    return tokens


def _line_shapes(text: str, lines: list[segments.Segment]) -> tuple[list[int], list[int], list[str]]:
    """``_line_shape`` of every line, as three lists (words, lengths, letters); the ASCII lines' from the
    words of the whole text (``_tokens``): a word is a run of ``a`` in its shape, its letters and digits are
    the word bytes less the joiners; the counts of every line are taken in C (``bytes.count`` with bounds:
    the shape has a space before the text, and the byte before a stripped line is a space)."""
    tokens = _tokens(text)
    shape = b" " + tokens.translate(_TOKEN_SHAPE)  # the shape of character x is shape[x + 1]
    starts, ends = [line.start for line in lines], [line.end for line in lines]
    afters = [e + 1 for e in ends]
    words = list(map(shape.count, repeat(b" a"), starts, afters))  # a word starts after a space
    alnum = map(shape.count, repeat(b"a"), map((1).__add__, starts), afters)
    lengths = [a + n - 1 if n else 0 for n, a in zip(words, alnum, strict=True)]
    letters = list(map(bytes.decode, map(bytes.translate, map(tokens.__getitem__, map(slice, starts, ends)),
                                         repeat(None), repeat(_NOT_ALNUM))))
    if not text.isascii():  # a line with a character outside ASCII is read again
        views = _views(text)
        if views is not None:  # its bytes there: 1 for a character outside ASCII
            outside = map(views.high.count, repeat(b"\x01"), starts, ends)
        else:
            outside = map(operator.not_, map(str.isascii, map(text.__getitem__, map(slice, starts, ends))))
        for i in compress(range(len(lines)), outside):
            words[i], lengths[i], letters[i] = _line_shape(text[starts[i]:ends[i]])
    return words, lengths, letters


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


def _line_shape(raw: str) -> tuple[int, int, str]:
    """(number of words, length, letters and digits) of ``_norm_line(raw)``, without building it: a word
    is a run of letters and digits, or runs joined by one ``'’.-`` between them; the normalised line is the
    words with one space between, so its length is letters + runs - 1; the letters are the normalised line
    less its spaces and joiners: the case-folded line's letters and digits. A case-folded line that is not
    ASCII is read the same way, its characters outside ASCII mapped to ASCII by ``_shape_run``."""
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
    """What the sentence passes read of a text, from its one-byte view (``_OUTSIDE``): ``data``, the view,
    and ``spaced``, the view with its ASCII white space spaces (``_SPACES``); ``high``, 1 for each character
    outside ASCII, else 0; ``ascii``, whether each sentence is ASCII; ``words(k)``, sentence ``k``'s
    ``LETTERS`` words as bytes, lower-cased as ``text.lower()`` has them (as written where that changes the
    text's length): exact for an ASCII sentence, for another the view of its words (equal words stay equal)."""

    def __init__(self, text: str, data: bytes, sents: list[segments.Segment]) -> None:
        self.data = data
        self.spaced = data.translate(_SPACES)
        self.lower_alone = "\u0130" not in text
        self.letters = data.translate(_LOWER_LETTERS if self.lower_alone else _KEEP_LETTERS)
        self.starts, self.ends = starts, ends = [s.start for s in sents], [s.end for s in sents]
        self.high = high = data.translate(_HIGH)
        self.ascii = [not n for n in map(high.count, repeat(b"\x01"), starts, ends)]

    def words(self, k: int) -> list[bytes]:
        return self.letters[self.starts[k]:self.ends[k]].split()

    def all_words(self, text: str) -> Iterator[list[bytes]]:
        """``words(k)`` of every sentence; an ASCII sentence's from ``segments.ascii_sentence_words`` (read
        once for ART002 and ART003), the same bytes where the text's lower case keeps its length (the
        letters are lower-cased then)."""
        if not self.lower_alone:
            return map(self.words, range(len(self.starts)))
        shared = segments.ascii_sentence_words(text)
        return (self.words(k) if words is None else words for k, words in enumerate(shared))


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
def _sentence_words(text: str) -> list[tuple[list, list] | None]:
    """The lower-cased words (``segments.LETTERS``) of each sentence of ``segments.sentences(text)`` and those
    of four letters or more, or None for a sentence in which no such long word repeats: the two passes of
    ART003 that read them need such a repeat (cached: both read them). The repeat is looked for in the byte
    view (``_views``); an ASCII sentence's words are then its runs of letters there, as bytes (the passes
    only compare and count them), another's are read from the text."""
    views = _views(text)
    sents = segments.sentences(text)
    if views is None:
        return [_words_of(text, s) for s in sents]
    out: list[tuple[list, list] | None] = [None] * len(sents)
    is_ascii = views.ascii
    for k, words in enumerate(views.all_words(text)):
        long = [w for w in words if len(w) >= 4]
        if len(set(long)) < len(long):
            out[k] = (words, long) if is_ascii[k] else \
                _long_too(segments.LETTERS.findall(_sentence_lower(text, sents[k])))
    return out


def _words_of(text: str, s: segments.Segment) -> tuple[list, list] | None:
    words, long = _long_too(segments.LETTERS.findall(_sentence_lower(text, s)))
    return None if len(set(long)) == len(long) else (words, long)


def _long_too(words: list[str]) -> tuple[list[str], list[str]]:
    return words, [w for w in words if len(w) >= 4]


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


def _long_pair_repeats(words: list) -> bool:
    """Whether a pair of neighbouring words, one of them of four letters or more, comes twice."""
    long = list(map((3).__lt__, map(len, words)))
    pairs = list(compress(zip(words, words[1:], strict=False), map(operator.or_, long, long[1:])))
    return len(set(pairs)) < len(pairs)


#: ``segments._CLAUSE_SEP`` for ASCII text whose white space is spaces (``_SPACES``): `` *(?:[,;:]| - |[()]) *``
#: written to begin with one character class, which the regular expression engine looks for in a fast loop
#: (a pattern that begins with `` *``, a repeat or alternatives is tried at every position); the matches
#: are the same: a separator, or spaces then a separator or ``- ``, then spaces.
_ASCII_CLAUSE_SEP = re.compile(rb"[ ,;:()](?:(?<=[,;:()]) *| *(?:[,;:()]|- ) *)")
def _ascii_clause_words(text: str, sent: segments.Segment) -> list[list[bytes]]:
    """The lower-cased words of each part of ``segments.clauses`` of an ASCII sentence, read from the byte
    views of the text (``_views``, ``_tokens``): the same cuts (a comma between digits is no cut) and the
    same parts (blank ones dropped)."""
    spaced, tokens = _views(text).spaced, _tokens(text)
    out, pos, end = [], sent.start, sent.end
    for m in _ASCII_CLAUSE_SEP.finditer(spaced, pos, end):
        a, b = m.span()
        if a > pos and 48 <= spaced[a - 1] <= 57 and m.group().strip() == b"," and b < end \
                and 48 <= spaced[b] <= 57:
            continue
        if spaced[pos:a].strip():
            out.append(tokens[pos:a].split())
        pos = b
    if spaced[pos:end].strip():
        out.append(tokens[pos:end].split())
    return out


def _clause_repeats(parts: list[list]) -> bool:
    """Whether a part's long words (four letters or more, two at least) are those of the part before it, as
    ``_clauses`` asks before it reads flags and the source."""
    for wa, wb in zip(parts, parts[1:], strict=False):
        cb = {w for w in wb if len(w) >= 4}
        if len(cb) >= 2 and len(wb) <= len(cb) + 2 and cb == {w for w in wa if len(w) >= 4} and wa != wb:
            return True
    return False


def _repeated_lines(text: str, lang: str) -> Iterator[tuple[int, int, bool, bool]]:
    """(line, the earlier line it repeats, whether exactly, whether removing it is safe) for each line of
    ``segments.lines(text)`` that repeats an earlier line (normalised words, ``_norm_line``) or nearly
    repeats one of the last few lines before it, unless it is boilerplate.

    A line is compared as ``_plain_repeated_lines`` in the tests does, walking every line and keeping the
    lines seen and the window of recent lines; but only the lines that can repeat another are visited:
    those whose letters (``_line_shapes``) an earlier line has, and those close enough to one of the lines
    right before them in length and letters. The lines skipped are the ones the walk leaves unflagged, so
    the state a visited line meets is rebuilt from the flagged lines (``_LineWalk``)."""
    words, lengths, letters = _line_shapes(text, segments.lines(text))
    walk = _LineWalk(text, lang, words, lengths, letters)
    for i in walk.candidates():
        found = walk.visit(i)
        if found is not None:
            yield found


class _LineWalk:
    """The state of the walk over the lines in ``_repeated_lines``: the lines flagged so far and the last
    line that emptied the window (a short line or a boilerplate repeat)."""

    def __init__(self, text: str, lang: str, words: list[int], lengths: list[int], letters: list[str]) -> None:
        self.text, self.lines, self.boiler = text, segments.lines(text), _boilerplate(lang)
        self.lengths, self.letters = lengths, letters
        self.long = long = list(map((DUP_MIN_LINE_WORDS - 1).__lt__, words))
        self.short = list(compress(range(len(long)), map(operator.not_, long)))
        self.flagged: set[int] = set()
        self.last_reset = -1
        self.norms: dict[int, str] = {}
        self.boilers: dict[int, bool] = {}
        self.near: dict[int, list[int]] = {}

    def candidates(self) -> list[int]:
        """The lines that can repeat another: their letters are an earlier long line's (``same``), or a
        line of the window before them is close enough (``near``)."""
        return sorted(set(self._same()) | set(self._near()))

    def _same(self) -> list[int]:
        """Long lines whose letters an earlier long line has; ``same`` maps their letters to the lines."""
        idx = list(compress(range(len(self.long)), self.long))
        keys = list(compress(self.letters, self.long))
        first = dict(zip(reversed(keys), reversed(idx), strict=True))
        later = list(compress(idx, map(operator.ne, map(first.__getitem__, keys), idx)))
        self.same: dict[str, list[int]] = {}
        for i in later:
            self.same.setdefault(self.letters[i], [first[self.letters[i]]]).append(i)
        return later

    def _near(self) -> list[int]:
        """Long lines with one of the ``DUP_LINE_WINDOW`` lines before them, all long, close enough in
        length and letters to reach the similarity floor; ``near`` maps them to those lines."""
        from rapidfuzz.distance import Indel

        long, lengths, letters = self.long, self.lengths, self.letters
        in_row = long
        for d in range(1, DUP_LINE_WINDOW + 1):
            in_row = list(map(operator.and_, in_row[1:], long))  # lines i - d .. i long: in_row[i - d]
            gaps = map(operator.mul, repeat(5), map(abs, map(operator.sub, lengths[d:], lengths)))
            for i in compress(range(d, len(long)), map(operator.and_, in_row, map(operator.le, gaps, lengths[d:]))):
                j = i - d
                # the letters' distance is at most the normalised lines' distance
                floor = int((100 - DUP_LINE_SIMILARITY) / 100 * (lengths[i] + lengths[j])) + 1
                if Indel.distance(letters[i], letters[j], score_cutoff=floor) <= floor:
                    self.near.setdefault(i, []).append(j)
        return list(self.near)

    def norm(self, i: int) -> str:
        if i not in self.norms:
            self.norms[i] = _norm_line(self.text[self.lines[i].start:self.lines[i].end])
        return self.norms[i]

    def is_boiler(self, i: int) -> bool:
        if i not in self.boilers:
            line = self.lines[i]
            self.boilers[i] = bool(self.boiler and self.boiler.fullmatch(self.text[line.start:line.end].strip()))
        return self.boilers[i]

    def window(self, i: int) -> list[int]:
        """The lines before ``i`` in the walk's window: at most ``DUP_LINE_WINDOW``, after the last short
        line and the last boilerplate repeat."""
        k = bisect.bisect_left(self.short, i)
        reset = max(self.short[k - 1] if k else -1, self.last_reset)
        return list(range(max(i - DUP_LINE_WINDOW, reset + 1), i))

    def visit(self, i: int) -> tuple[int, int, bool, bool] | None:
        """What the walk finds at line ``i``, flagging it if it repeats a line."""
        if not self.long[i]:
            return None
        window = self.window(i)
        first = next((j for j in self.same.get(self.letters[i], ()) if j < i and j not in self.flagged
                      and self.norm(j) == self.norm(i) and not self.is_boiler(j)), None)
        near = None
        if first is None and window:
            near = self._nearly(i, window)
        if first is None and near is None:
            return None
        if self.is_boiler(i):
            self.last_reset = i
            return None
        self.flagged.add(i)
        j = first if first is not None else near
        removable = first is not None and bool(window) and window[-1] == j and not self.is_boiler(j)
        return i, j, first is not None, removable

    def _nearly(self, i: int, window: list[int]) -> int | None:
        """The line of the window that line ``i`` nearly repeats (rapidfuzz ratio), after its last
        boilerplate line."""
        maybe = [j for j in window if j in self.near.get(i, ())]
        if not maybe:
            return None
        recent = []  # the window less the lines up to its last boilerplate line
        for j in reversed(window):
            if self.is_boiler(j):
                break
            recent.append(j)
        from rapidfuzz import fuzz

        return next((j for j in reversed(recent)
                     if j in maybe and fuzz.ratio(self.norm(i), self.norm(j), score_cutoff=DUP_LINE_SIMILARITY)), None)


@lru_cache(maxsize=8)
def _line_texts(text: str) -> list[str]:
    return re.split(r"\r\n|\n|\r", text)


def _source_gram(words: int) -> int:
    """The run of words (3 to 5) a source line must repeat to excuse ``words`` repeated words in the
    translation: about half of them, as a translation may say in two words what the source says in one."""
    return max(3, min(5, words // 2 + 1))


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
        """Whole lines repeated exactly or nearly (``_repeated_lines``)."""
        lines = segments.lines(text)
        for i, j, exact, removable in _repeated_lines(text, ctx.lang):
            line, prev_start = lines[i], lines[j].start
            line_no = ctx.doc.lines.position(prev_start)[0]
            related = [{"start": prev_start, "end": prev_start + 1, "line": line_no,
                        "message": "first written here"}]
            how = "repeats" if exact else "nearly repeats"
            finding = self.finding(ctx, line.start, line.end, f"this line {how} line {line_no}", [],
                                   Applicability.DISPLAY, related)
            if removable:  # remove the repeated line with the whole line break before it (CRLF too)
                from ..findings import Edit

                finding.edits = [Edit(lines[i - 1].end if i else line.start, line.end, "")]
                finding.applicability = Applicability.SAFE
            flagged.append((line.start, line.end))
            yield finding

    def _source_repeats(self, ctx, offset: int, words: int) -> bool:
        """True when the source line aligned with the line at ``offset`` repeats a run of words itself, long
        enough to stand for the ``words`` repeated here (a faithful repetition: "than anything we can build
        ... than anything we can build"). A short repeat in the source ("in some areas" twice in a paragraph)
        does not excuse a long one in the translation: the source must repeat about half as many words
        (``_source_gram``). Lines are aligned when both versions have the same number of lines."""
        if ctx.source is None:
            return False
        src_lines = _line_texts(ctx.source.text)
        doc_lines = ctx.doc.lines
        if len(src_lines) != len(doc_lines.starts):
            return False
        src = src_lines[doc_lines.position(offset)[0] - 1].casefold()
        toks = _WORD.findall(src)
        n = _source_gram(words)
        if any(ch.isalpha() and not ch.isascii() and letter_script(ch) not in ("Latin", "Cyrillic", "Greek")
               for ch in src[:200]):  # Han, kana, Hangul: words are not spaced, compare characters
            letters = [ch for ch in src if ch.isalpha()]
            n -= 1  # a run of n - 1 characters (two for a word or two)
            grams = [tuple(letters[i:i + n]) for i in range(len(letters) - n + 1)]
        else:
            grams = [tuple(toks[i:i + n]) for i in range(len(toks) - n + 1) if max(map(len, toks[i:i + n])) >= 4]
        return len(set(grams)) < len(grams)

    def _phrases(self, ctx, text: str, flagged: list) -> Iterator[Finding]:
        """A run of words repeated inside a sentence. Only the sentences with a repeated long word
        (``_sentence_words``) are read, and of those only the ones that can hold a run worth reporting
        (``_can_repeat_a_run``, ``_long_pair_repeats``); an ASCII sentence's are first read from its bytes
        (``_tokens``)."""
        quotes = None
        done = segments.Spans(list(flagged))
        words_of = _sentence_words(text)
        views, tokens = _views(text), _tokens(text)
        sents = segments.sentences(text)
        for k in compress(range(len(sents)), words_of):
            sent, low = sents[k], words_of[k][0]
            if done.covers(sent.start, sent.end):
                continue
            if len(set(zip(low, low[1:], strict=False))) == len(low) - 1 or len(low) < 2:
                continue  # no pair of words repeats at all (decided in C for most sentences)
            if views is not None and views.ascii[k] and not _can_repeat_a_run(tokens[sent.start:sent.end].split()):
                continue  # its words, read from the bytes (``_tokens``), hold no run worth reporting
            if not _long_pair_repeats(low):
                continue  # no pair of words with a long one repeats: nothing to find
            words = _WORD.findall(text, sent.start, sent.end)
            n = len(words)
            if n < 2 * 2:
                continue
            folded = " ".join(words).casefold().split(" ")  # no letter case-folds to a space
            if not _can_repeat_a_run(folded) or not _long_pair_repeats(folded):
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
                            and not immediate) and not self._source_repeats(ctx, start, length):
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
            sent, low = sents[k], words_of[k][1]
            if len(set(low)) > len(low) - 2:
                continue  # fewer than two long words repeat: no clause can repeat another
            if views is not None and views.ascii[k] and not _clause_repeats(_ascii_clause_words(text, sent)):
                continue  # the parts' words, read from the bytes, show no clause repeating the one before
            parts = segments.clauses(text, sent)
            words = [[w.casefold() for w in _WORD.findall(text[p.start:p.end])] for p in parts]
            for k2 in range(1, len(parts)):
                a, b, wa, wb = parts[k2 - 1], parts[k2], words[k2 - 1], words[k2]
                cb = {w for w in wb if len(w) >= 4}
                if len(cb) < 2 or len(wb) > len(cb) + 2 or cb != {w for w in wa if len(w) >= 4} or wa == wb:
                    continue
                if any(s <= b.start < e for s, e in flagged) or self._source_repeats(ctx, b.start, len(wb)):
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
