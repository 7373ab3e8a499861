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


@lru_cache(maxsize=4)
def _sentence_words(text: str) -> list[list[str]]:
    """The lower-cased words of each sentence of ``segments.sentences(text)`` (cached: two passes of
    ART003 read them)."""
    low = text.lower()
    if len(low) != len(text):  # a few letters lower-case to two characters: keep offsets true
        low = text
    return [segments.LETTERS.findall(low, s.start, s.end) for s in segments.sentences(text)]


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
        fuzz = None  # rapidfuzz, imported at the first pair of lines to compare (start-up)
        boiler = _boilerplate(ctx.lang)
        seen: dict[str, int] = {}
        recent: list[tuple[str, segments.Segment]] = []
        for line in segments.lines(text):
            raw = text[line.start:line.end]
            norm = _norm_line(raw)
            if norm.count(" ") + 1 < DUP_MIN_LINE_WORDS or (boiler and boiler.fullmatch(raw.strip())):
                recent = []
                continue
            first = seen.get(norm)
            near = None
            if first is None:
                for prev_norm, prev in recent:
                    if abs(len(norm) - len(prev_norm)) * 5 > len(norm):
                        continue  # lengths too far apart to reach the similarity floor
                    if fuzz is None:
                        from rapidfuzz import fuzz
                    if fuzz.ratio(norm, prev_norm, score_cutoff=DUP_LINE_SIMILARITY):
                        near = prev
                        break
            if first is not None or near is not None:
                prev_start = first if first is not None else near.start
                line_no = ctx.doc.lines.position(prev_start)[0]
                related = [{"start": prev_start, "end": prev_start + 1, "line": line_no,
                            "message": "first written here"}]
                how = "repeats" if first is not None else "nearly repeats"
                edit_applies = first is not None and recent and recent[-1][1].start == prev_start
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
                seen.setdefault(norm, line.start)
            recent = (recent + [(norm, line)])[-DUP_LINE_WINDOW:]

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
            if done.covers(sent.start, sent.end):
                continue
            low = words_of[k]
            if len(set(zip(low, low[1:], strict=False))) == len(low) - 1 or len(low) < 2:
                continue  # no pair of words repeats at all (decided in C for most sentences)
            pairs = [p for p in zip(low, low[1:], strict=False) if len(p[0]) >= 4 or len(p[1]) >= 4]
            if len(set(pairs)) == len(pairs):
                continue  # no pair of words with a long one repeats: nothing to find
            toks = [(m.group(0).casefold(), m.start(), m.end(), m.group(0))
                    for m in _WORD.finditer(text, sent.start, sent.end)]
            n = len(toks)
            if n < 2 * 2:
                continue
            first_at: dict[tuple[str, str], int] = {}
            i = 0
            hit = False
            while i < n - 1:
                key = (toks[i][0], toks[i + 1][0])
                j = first_at.get(key)
                if j is None or hit:
                    first_at.setdefault(key, i)
                    i += 1
                    continue
                length = 0
                while i + length < n and j + length < i and toks[j + length][0] == toks[i + length][0]:
                    length += 1
                run = [t[3] for t in toks[i:i + length]]
                immediate = j + length == i
                if (immediate and length >= 2 and sum(len(w) for w in run) >= 6
                        and any(len(w) >= 4 for w in run)) or \
                        (length >= DUP_MIN_RUN and _content_words(run) >= DUP_MIN_CONTENT) or \
                        (length > DUP_MIN_RUN and sum(len(w) >= 4 for w in run) >= DUP_MIN_CONTENT
                         and any(w.islower() and len(w) >= 4 for w in run)):
                    start, end = toks[i][1], toks[i + length - 1][2]
                    quotes = quotes if quotes is not None else segments.quoted_spans(text)
                    if not (quotes.overlaps(start, end) and quotes.overlaps(toks[j][1], toks[j][2])
                            and not immediate) and not self._source_repeats(ctx, start):
                        gap_start = toks[i - 1][2] if immediate else start
                        yield self._phrase_finding(ctx, text, start, end, toks[j][1], gap_start, immediate)
                        flagged.append((start, end))
                        hit = True
                    i += length
                    continue
                i += 1

    def _clauses(self, ctx, text: str, flagged: list) -> Iterator[Finding]:
        """A clause that only repeats the content words of the clause right before it, in another order
        ("berichtete Bloomberg, wie Bloomberg berichtete")."""
        words_of = _sentence_words(text)
        for k, sent in enumerate(segments.sentences(text)):
            low = words_of[k]
            if len(set(low)) > len(low) - 2:
                continue  # fewer than two words repeat at all (decided in C for most sentences)
            low = [w for w in low if len(w) >= 4]
            if len(set(low)) > len(low) - 2:
                continue  # fewer than two long words repeat: no clause can repeat another
            parts = segments.clauses(text, sent)
            for a, b in zip(parts, parts[1:], strict=False):
                wa = [w.casefold() for w in _WORD.findall(text[a.start:a.end])]
                wb = [w.casefold() for w in _WORD.findall(text[b.start:b.end])]
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
