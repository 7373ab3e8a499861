"""Translation artefacts: calques, untranslated text, duplicated text, source-inflected names, mixed-script
words. Every word list lives in data (``data/calques/<src>-<tgt>.tsv``, ``data/lang/function_words.tsv``,
``data/lang/boilerplate.tsv``, the name table and its inflection rules)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from .. import segments
from ..datafiles import tsv_rows
from ..documents import LATIN_LETTER, known_languages, langdetect_best, letter_script, vocabulary, vocabulary_languages
from ..findings import Applicability, Finding
from ..names import keys
from ..names.mentions import starts_sentence
from ..names.resolve import capitalised_noun_languages
from . import Rule, register


def _language_name(code: str | None) -> str:
    return known_languages().get(code or "", code or "another language")


def _paragraph_around(text: str, start: int, end: int) -> str:
    a = text.rfind("\n", 0, start)
    b = text.find("\n", end)
    return text[a + 1: b if b >= 0 else len(text)]


# --------------------------------------------------------------------------------------------- calques


@lru_cache(maxsize=32)
def _calques(target: str) -> tuple[re.Pattern | None, list[tuple[str, list[str], re.Pattern | None, bool, str]]]:
    """One regex with a group per calque of every ``data/calques/*-<target>.tsv``, and per group (source
    lang, alternatives, right-when regex, right inside quotes, source term)."""
    entries, alts_re = [], []
    folder = resources.files("checker").joinpath("data", "calques")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        name = entry.name
        if not name.endswith(f"-{target}.tsv"):
            continue
        src = name.split("-")[0]
        for row in tsv_rows("calques", name):
            pattern, alts, right, _source, note = (row + [""] * 5)[:5]
            words = [w for w in right.split("|") if w != "quote"] if right else []
            right_re = re.compile("|".join(words)) if words else None
            alts_re.append(f"(?P<c{len(entries)}>{pattern})")
            entries.append((src, [a for a in alts.split("|") if a], right_re, "quote" in right.split("|"), note))
    if not entries:
        return None, []
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts_re) + r")(?![\w-])"), entries


@register
class Calque(Rule):
    """A calque: a literal translation of a source-language term where the language has an idiomatic one.

    What it flags:
        A term from the calque list of the story's language pair ("Federal Chancellor" for Bundeskanzler,
        "Kremlin chief", "according to negotiating circles" in English from German; "Herr"/"Frau" before a
        surname in German news copy translated from English), unless the context that makes it right is
        there (Austria for "Federal Chancellor", Switzerland for "Federal Council", a direct quotation for
        "Herr Putin").
    Why it matters:
        Word-for-word titles and phrases read as translated; readers of English news know the German head of
        government as "Chancellor", German readers expect a bare surname.
    Example:
        "Federal Chancellor Friedrich Merz (CDU) travelled from Germany."
        Use instead: "Chancellor Friedrich Merz (CDU) travelled from Germany."
    Fix safety:
        Unsafe: the alternative is usually right, but a title may be part of a quoted official name, and
        the right wording can depend on the sentence ("German Chancellor" on first mention).
    Data:
        ``data/calques/<src>-<tgt>.tsv`` (built by ``scripts/build_calque_data.py`` from
        ``shared/data/calques_web_evidence.tsv`` and hand rows, each naming its source). Without a source
        version, every pair into the document's language applies.
    """

    code = "ART001"
    name = "calque"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        text = ctx.doc.text
        src_lang = ctx.source.lang if ctx.source is not None else None
        quotes = None
        pattern, entries = _calques(ctx.lang)
        if pattern is None:
            return
        for m in pattern.finditer(text):
            group = next(k for k, v in m.groupdict().items() if v is not None)
            src, alts, right_re, right_in_quote, term = entries[int(group[1:])]
            if src_lang and src != src_lang:
                continue
            if right_re is not None and right_re.search(_paragraph_around(text, m.start(), m.end())):
                continue
            if right_in_quote:
                quotes = quotes if quotes is not None else segments.quoted_spans(text)
                if quotes.overlaps(m.start(), m.end()):
                    continue
            advice = [a for a in alts if not a.startswith("(")]
            what = f" ({_language_name(src)} {term})" if term else ""
            if advice:
                msg = (f"{m.group(0)!r} is a word-for-word translation{what}; "
                       f"{_language_name(ctx.lang)} copy writes {' or '.join(repr(a) for a in advice)}")
            else:
                msg = f"{m.group(0)!r} is a word-for-word translation{what}; {alts[0].strip('()')}"
            yield self.finding(ctx, m.start(), m.end(), msg, advice[:1] if len(advice) == 1 else advice,
                               Applicability.UNSAFE)


# ---------------------------------------------------------------------------------- untranslated text

#: Letters of scripts other than Latin (Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Thai,
#: Georgian, Hangul, kana, Han), and runs of them across spaces and light punctuation.
_NON_LATIN = ("\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0900-\u097f"
              "\u0e00-\u0e7f\u10a0-\u10ff\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af")
_FOREIGN_RUN = re.compile(f"[{_NON_LATIN}][{_NON_LATIN}\\w]*(?:[ \u00a0\\-–—,.:;'’]+[{_NON_LATIN}][{_NON_LATIN}\\w]*)*")
_LOWER_WORDS = re.compile(r"[^\W\d_]+")
#: A sentence needs this many words outside quotations to be judged, this many function words of
#: another language, and langdetect's confidence above the floor.
UNTRANSLATED_MIN_WORDS = 5
UNTRANSLATED_MIN_FOREIGN = 3
UNTRANSLATED_CONFIDENCE = 0.90
#: ... and those function words must make up this share of its words (a German sentence: a quarter or more).
UNTRANSLATED_MIN_SHARE = 0.15
#: This many function words of one other language and none of the document's decide without langdetect.
UNTRANSLATED_DECISIVE = 6


@lru_cache(maxsize=8)
def _unquoted_lower(text: str) -> str:
    """The text lower-cased, quotations blanked out (same length, same offsets)."""
    low = text.lower()
    if len(low) != len(text):  # a few characters change length when lower-cased: keep offsets
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    spans = segments.quoted_spans(text).spans
    if not spans:
        return low
    parts, pos = [], 0
    for a, b in spans:
        parts.append(low[pos:a])
        parts.append(" " * (b - a))
        pos = b
    parts.append(low[pos:])
    return "".join(parts)


_ANY_LETTER = re.compile(r"[^\W\d_]")


@lru_cache(maxsize=4)
def _main_script(text: str) -> str:
    """The script most letters of the text's beginning are in (Latin, Cyrillic, Greek, Cjk, ...)."""
    sample = text[:4000]
    letters = len(_ANY_LETTER.findall(sample))
    if 2 * len(LATIN_LETTER.findall(sample)) > letters:  # counted in C: the common case
        return "Latin"
    counts: dict[str, int] = {}
    for ch in sample:
        if ch.isalpha():
            s = letter_script(ch)
            counts[s] = counts.get(s, 0) + 1
    return max(counts, key=counts.get) if counts else "Latin"


@register
class UntranslatedSegment(Rule):
    """A sentence, clause or word left in another language.

    What it flags:
        Text in another script than the document's ("Эрнан Crespo", Chinese characters in English copy);
        sentences whose function words are another language's (a German sentence in an English story),
        confirmed by language identification, which runs only on sentences the cheap signal (function words
        of one language only) marks as foreign; and words or runs of words of the source's language inside a
        sentence of the document's (without a source: English words in copy in another language), common there
        and at least ten times rarer here ("nach dem Backlash", "auf remote work" in German copy). A word on
        its own must be rare in the document's language, so loanwords ("Manager", "Team", "online", "Drink")
        and words spelt alike ("Last", "These") are not flagged. Names do not count: a capitalised word counts
        only where the source writes it in lower case, and never next to a name ("New Jersey School", "von der
        Leyen"); nor do abbreviations, quotations, URLs and hashtags.
    Why it matters:
        A machine translation system sometimes copies a segment through; a reader of the English story
        cannot read it, and an editor scanning for names misses it.
    Example:
        "Russland wird nachlegen, sagte der Minister am Montag in Berlin nach einem Treffen mit dem Kanzler."
        Use instead: "Russia will step up, the minister said in Berlin on Monday after meeting the Chancellor."
    Fix safety:
        Display only: the segment must be translated.
    Data:
        ``data/lang/function_words.tsv`` (words frequent in one language only) for the cheap signal;
        langdetect's profiles (seeded) to confirm; ``data/lang/vocab/<lang>.txt.gz`` (each language's 40,000
        most frequent words with their frequency, from wordfreq) for words, read only for the two languages
        compared.
    """

    code = "ART002"
    name = "untranslated-segment"

    def check(self, ctx) -> Iterator[Finding]:
        text = ctx.doc.text
        main = _main_script(text)
        urls = segments.url_spans(text)
        for m in _FOREIGN_RUN.finditer(text):
            s = letter_script(m.group(0)[0])
            if s == main or urls.overlaps(m.start(), m.end()) or _homoglyph_token(m.group(0), main):
                continue
            if sum(ch.isalpha() for ch in m.group(0)) < 2:
                continue
            yield self.finding(ctx, m.start(), m.end(),
                               f"{m.group(0)!r} is in {s} script in {_language_name(ctx.lang)} copy: "
                               "text left untranslated", [], Applicability.DISPLAY)
        yield from self._foreign_sentences(ctx, text)

    def _foreign_sentences(self, ctx, text: str) -> Iterator[Finding]:
        own = ctx.lang
        src_lang = ctx.source.lang if ctx.source is not None else None
        unquoted = _unquoted_lower(text)
        foreign_vocab = _foreign_vocabulary(own)
        word_check = _ForeignWords.prepare(ctx, text, unquoted)
        for sent in segments.sentences(text):
            words = _LOWER_WORDS.findall(unquoted, sent.start, sent.end)
            lang = None
            if len(words) >= UNTRANSLATED_MIN_WORDS and \
                    len(foreign_vocab.intersection(words)) >= UNTRANSLATED_MIN_FOREIGN:  # decided in C, mostly
                lang = self._sentence_language(own, src_lang, words, unquoted[sent.start:sent.end])
            if lang is not None:
                where = " (as in the source)" if ctx.source is not None and lang == src_lang else ""
                yield self.finding(ctx, sent.start, sent.end,
                                   f"this sentence is in {_language_name(lang)}, not {_language_name(own)}{where}: "
                                   "left untranslated", [], Applicability.DISPLAY)
            elif word_check is not None and word_check.suspect(words):
                yield from word_check.findings(self, ctx, sent)

    @staticmethod
    def _sentence_language(own: str, src_lang: str | None, words: list[str], sentence: str) -> str | None:
        """The other language a sentence with several of its function words is in, or None."""
        langs_of = _word_languages()
        counts: dict[str, int] = {}
        distinct: dict[str, set[str]] = {}
        own_hits = 0
        for w in words:
            langs = langs_of.get(w)
            if not langs:
                continue
            if own in langs:
                own_hits += 1
                continue
            for c in langs:
                counts[c] = counts.get(c, 0) + 1
                distinct.setdefault(c, set()).add(w)
        foreign = max(counts, key=lambda c: (counts[c], c == src_lang), default=None)
        if foreign is None or len(distinct[foreign]) < UNTRANSLATED_MIN_FOREIGN or counts[foreign] <= own_hits \
                or counts[foreign] < UNTRANSLATED_MIN_SHARE * len(words):
            return None
        if counts[foreign] >= UNTRANSLATED_DECISIVE and own_hits == 0:
            lang, prob = foreign, 1.0  # a clear case: no need to load langdetect's profiles
        else:
            # the candidates: the languages checker has word lists for, and the three in question
            lang, prob = langdetect_best(sentence, vocabulary_languages() | {own, foreign, src_lang or own})
        if lang == own or prob < UNTRANSLATED_CONFIDENCE or (lang != foreign and lang != src_lang):
            return None
        return lang


@lru_cache(maxsize=16)
def _foreign_vocabulary(own: str) -> frozenset[str]:
    """The function words of languages other than ``own`` that are not also ``own``'s."""
    return frozenset(w for w, langs in _word_languages().items() if own not in langs)


@lru_cache(maxsize=1)
def _word_languages() -> dict[str, frozenset[str]]:
    """word → the languages whose most frequent words include it (``data/lang/function_words.tsv``)."""
    out: dict[str, set[str]] = {}
    for row in tsv_rows("lang", "function_words.tsv"):
        if len(row) == 2:
            for w in row[1].split():
                out.setdefault(w, set()).add(row[0])
    return {w: frozenset(c) for w, c in out.items()}


# ------------------------------------------------------------------------ untranslated words (vocabulary)

#: Zipf frequencies × 10, as in ``data/lang/vocab`` (wordfreq; 30 = once per million words, 40 = ten times).
#: A word is another language's when it is common there (from Zipf 3.5: "backlash" 3.7, "bricks" 3.8 in
#: English) ...
FOREIGN_WORD_MIN_ZIPF = 35
#: ... and at least ten times as frequent there as in the document's language. wordfreq's German counts
#: hold English text, so an English word that is no German word still has a German Zipf frequency 1 to 2
#: below its English one ("department" 5.2 / 3.6, "the" 7.7 / 5.6); a loanword has nearly the same in both
#: ("Manager" 5.0 / 4.6, "Team" 5.7 / 5.2, "online" 5.2 / 5.4).
FOREIGN_WORD_GAP = 10
#: A word is rare in a language below Zipf 3.0 (or outside its vocabulary of 40,000 words). A word on its
#: own is reported only when it is rare in the document's language: one English word in German copy that is
#: also a common German word ("Last", "These", "Rate", "all") is the German word.
RARE_ZIPF = 30
#: A word on its own counts from this many letters: shorter ones are mostly abbreviations and agency names
#: written in lower case (dpa, epd, sid).
LONE_WORD_MIN_LETTERS = 4
_RUN_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


@lru_cache(maxsize=64)
def _suspect_words(own: str, foreign: str) -> frozenset[str]:
    """Words common in ``foreign`` and at least ``FOREIGN_WORD_GAP`` more frequent there than in ``own``."""
    own_v, foreign_v = vocabulary(own), vocabulary(foreign)
    if not own_v or not foreign_v:
        return frozenset()
    return frozenset(w for w, z in foreign_v.items()
                     if z >= FOREIGN_WORD_MIN_ZIPF and z - own_v.get(w, 0) >= FOREIGN_WORD_GAP)


@lru_cache(maxsize=64)
def _rare_suspect_words(own: str, foreign: str) -> frozenset[str]:
    """The words of ``_suspect_words`` that are rare in ``own`` too: the ones that may stand alone."""
    own_v = vocabulary(own)
    return frozenset(w for w in _suspect_words(own, foreign) if own_v.get(w, 0) < RARE_ZIPF)


@lru_cache(maxsize=8)
def _source_cases(words: frozenset[str], capitalises_nouns: bool) -> tuple[frozenset[str], frozenset[str]]:
    """(the words a source writes in lower case, the words it writes only capitalised), lower-cased, from the
    source's words as written (``Context.source_words``, which the name rules read too). In a language that
    capitalises every noun a capital says nothing: no names then."""
    lower = frozenset(_word_parts(w for w in words if w.islower()))
    if capitalises_nouns:
        return lower, frozenset()
    capital = {p.lower() for p in _word_parts(w for w in words if w[0].isupper() and not w.isupper())}
    return lower, frozenset(capital - lower)


def _word_parts(words: Iterable[str]) -> Iterator[str]:
    """The words, those joined by a hyphen or an apostrophe split (post-backlash → post, backlash)."""
    for w in words:
        if "-" in w or "'" in w or "’" in w:
            yield from (p for p in re.split(r"['’\-]", w) if p)
        else:
            yield w


class _ForeignWords:
    """The words of one document that another language left in it: the source's language (or English
    when there is no source, the language most copy is translated from), judged by the vocabularies."""

    def __init__(self, ctx, text: str, unquoted: str, foreign: str) -> None:
        self.text, self.unquoted, self.own, self.foreign = text, unquoted, ctx.lang, foreign
        self.own_v = vocabulary(ctx.lang)
        self.suspects = _suspect_words(ctx.lang, foreign)
        self.rare_suspects = _rare_suspect_words(ctx.lang, foreign)
        self.own_caps = ctx.lang in capitalised_noun_languages()
        self.urls = segments.url_spans(text)
        self.source_lower: frozenset[str] = frozenset()
        self.source_names: frozenset[str] = frozenset()
        if ctx.source is not None:
            self.source_lower, self.source_names = _source_cases(
                ctx.source_words, ctx.source.lang in capitalised_noun_languages())

    @classmethod
    def prepare(cls, ctx, text: str, unquoted: str) -> _ForeignWords | None:
        """The check for ``ctx``'s document, or None where there is nothing to compare (no vocabulary)."""
        own = ctx.lang
        if ctx.source is not None and ctx.source.lang and ctx.source.lang != own:
            foreign = ctx.source.lang
        elif ctx.source is None and own != "en":
            foreign = "en"
        else:
            return None
        langs = vocabulary_languages()
        if own not in langs or foreign not in langs:
            return None
        return cls(ctx, text, unquoted, foreign)

    def suspect(self, words: list[str]) -> bool:
        """The cheap test (in C): does the sentence hold a word of the other language at all?"""
        if self.suspects.isdisjoint(words):
            return False
        # a word that can stand alone (rare in this language), or two that can make a run
        return not self.rare_suspects.isdisjoint(words) or len(self.suspects.intersection(words)) > 1

    def _foreign_parts(self, low: str) -> list[str] | None:
        """The parts of a lower-cased word (children's → children; a hyphen joins two) when every part is a
        word of the other language, else None (a compound with a word of this language: Labour-Teams)."""
        if low in self.suspects:
            return [low]
        if "-" not in low and "'" not in low and "’" not in low:
            return None
        parts = [q for p in low.replace("’", "'").split("'") if len(p) > 1 for q in p.split("-") if q]
        return parts if parts and all(p in self.suspects for p in parts) else None

    def _classify(self, m: re.Match, sent_start: int, parts: list[str] | None) -> str:
        """One word: 'foreign' (the other language's), 'name' or 'other'."""
        text = self.text
        word = text[m.start():m.end()]
        low = m.group(0)
        capital = word[:1].isupper()
        if capital and not word.isupper():
            if low in self.source_names:
                return "name"
            if not self.own_caps and low not in self.source_lower \
                    and not (m.start() == sent_start or starts_sentence(text, m.start())):
                return "name"  # capitalised inside a sentence, and the source does not write it in lower case
        if parts is None or (word.isupper() and len(word) > 1):
            return "other"  # not the other language's; or an abbreviation (NJ, DHS)
        if (m.start() > 0 and text[m.start() - 1] in "#@/_") or (self.urls and self.urls.overlaps(m.start(), m.end())):
            return "other"  # a hashtag, a handle, part of a path or a URL
        if capital and not all(q in self.source_lower for q in parts):
            return "other"  # capitalised, and the source does not write it in lower case: it may be a name
        if any(self.own_v.get(b.lower(), 0) >= RARE_ZIPF for b in keys.base_forms(word, self.own)[1:]):
            return "other"  # an inflected form of a word of this language (Filters, Dollars)
        return "foreign"

    def findings(self, rule: Rule, ctx, sent) -> Iterator[Finding]:
        matches = list(_RUN_WORD.finditer(self.unquoted, sent.start, sent.end))
        parts = [self._foreign_parts(m.group(0)) for m in matches]
        hit = [p is not None for p in parts]
        near = [h or (k > 0 and hit[k - 1]) or (k + 1 < len(hit) and hit[k + 1]) for k, h in enumerate(hit)]
        # only the words of the other language and their neighbours are looked at
        tokens = [(m, self._classify(m, sent.start, p) if n else "other")
                  for m, p, n in zip(matches, parts, near, strict=True)]
        i = 0
        while i < len(tokens):
            if tokens[i][1] != "foreign":
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and tokens[j][1] == "foreign" and self._adjacent(tokens[j - 1][0], tokens[j][0]):
                j += 1
            run = tokens[i:j]
            if self._reportable(tokens, i, j):
                start, end = run[0][0].start(), run[-1][0].end()
                yield rule.finding(ctx, start, end, f"{self.text[start:end]!r} is {_language_name(self.foreign)}, "
                                   f"not {_language_name(self.own)}: left untranslated", [], Applicability.DISPLAY)
            i = j

    def _adjacent(self, a: re.Match, b: re.Match) -> bool:
        gap = self.text[a.end():b.start()]
        return not gap.strip() and "\n" not in gap

    def _reportable(self, tokens: list, i: int, j: int) -> bool:
        """A run of foreign words is reported unless it is part of a name, or a lone word that is also
        common in this language."""
        run = tokens[i:j]
        if (i > 0 and tokens[i - 1][1] == "name" and self._adjacent(tokens[i - 1][0], run[0][0])) or \
                (j < len(tokens) and tokens[j][1] == "name" and self._adjacent(run[-1][0], tokens[j][0])):
            return False  # part of a name: New Jersey [School], [von der] Leyen
        if len(run) == 1:
            low = run[0][0].group(0)
            parts = [p for p in re.split(r"['’\-]", low) if len(p) > 1]
            return sum(map(len, parts)) >= LONE_WORD_MIN_LETTERS and \
                all(self.own_v.get(p, 0) < RARE_ZIPF for p in parts)
        return True


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
    return [_LOWER_WORDS.findall(low, s.start, s.end) for s in segments.sentences(text)]


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


# --------------------------------------------------------------------------- source-inflected names


@lru_cache(maxsize=1)
def _inflecting_languages() -> tuple[str, ...]:
    rows = keys._rows("inflection.tsv", 5)
    return tuple(sorted({r[0] for r in rows if r[0]}))


@register
class SourceInflectedName(Rule):
    """A name carrying another language's case ending.

    What it flags:
        A name whose ending is a case ending of the source language (or another language), not of the
        document's: "Putins" (German genitive) or "Zelenskiego" (Polish genitive) in English copy, where the
        base form ("Putin", "Zelenski") is the name.
    Why it matters:
        English marks the possessive with 's and does not decline names; a German or Polish ending is left
        over from the source text and makes the name look misspelt.
    Example:
        "Putins spokesman Dmitry Peskov declined to comment."
        Use instead: "Putin's spokesman Dmitry Peskov declined to comment."
    Fix safety:
        Unsafe: the base form is sure, but the sentence may need a possessive ('s) or another case.
    Data:
        The name table and the per-language case endings of ``data/names/keys/inflection.tsv``.
    """

    code = "ART004"
    name = "source-inflected-name"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        src_lang = ctx.source.lang if ctx.source is not None else None
        if src_lang == ctx.lang:
            return
        langs = (src_lang,) if src_lang else _inflecting_languages()
        endings = _endings(langs)
        if not endings:
            return
        longest = max(map(len, endings))
        doc_words = None
        for m in ctx.mentions:
            t = m.text
            if " " in t or not t[:1].isupper() or t.endswith(("'s", "’s", "s'", "s’")) or "-" in t:
                continue
            low = t.lower()
            if not any(low[-k:] in endings for k in range(1, min(longest, len(t) - 2) + 1)):
                continue
            if src_lang and not ctx.in_source(t):
                continue  # the inflected form must be written in the source
            if len(keys.base_forms(t, ctx.lang)) > 1:
                continue  # an inflection of the document's own language
            base = lang = None
            if m.inflected and m.infos:
                # a listed name valid in this language; without a source only people (Islands, Karlovy)
                if not ctx.table.is_valid(m.form, ctx.lang) or \
                        (not src_lang and not any(i.entity.type == "PER" for i in m.infos)):
                    continue
                base = m.form
                matching = [_language_name(c) for c in langs if m.form in keys.base_forms(t, c)]
                lang = " or ".join(matching[:2]) if matching else None
            elif src_lang and not m.infos and not m.keyed:
                doc_words = doc_words if doc_words is not None else set(_LOWER_WORDS.findall(ctx.doc.text))
                base = next((b for b in keys.base_forms(t, src_lang)[1:]
                             if len(b) >= 3 and len(t) - len(b) >= 2 and t.startswith(b[:-1]) and b in doc_words), None)
                lang = _language_name(src_lang)
            if not base or lang is None:
                continue
            ending = t[len(base):] if t.startswith(base) else t
            yield self.finding(
                ctx, m.start, m.end,
                f"{t!r} carries the {lang} case ending {ending!r}; "
                f"{_language_name(ctx.lang)} copy writes {base!r}"
                + (" (with 's for a possessive)" if ctx.lang == "en" else ""),
                [base], Applicability.UNSAFE)


@lru_cache(maxsize=32)
def _endings(langs: tuple[str, ...]) -> frozenset[str]:
    """The case endings of ``langs`` (``data/names/keys/inflection.tsv``)."""
    return frozenset(r[1].lower() for r in keys._rows("inflection.tsv", 5) if r[0] in langs and r[1])


# ------------------------------------------------------------------------------- mixed-script words

#: Cyrillic and Greek letters that look like Latin ones (from Unicode's confusables.txt, the letters a
#: machine or a keyboard layout swaps in news copy), and back.
_TO_LATIN = str.maketrans("АВЕКМНОРСТУХаеорсухіјѕІЈЅԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧον",
                          "ABEKMHOPCTYXaeopcyxijsIJSdqwABEZHIKMNOPTYXov")
_TO_CYRILLIC = str.maketrans("ABEKMHOPCTYXaeopcyxi", "АВЕКМНОРСТУХаеорсухі")
_CYR_GREEK_LETTER = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f]")


def _homoglyph_token(token: str, main: str) -> bool:
    """A short all-homoglyph token of another script in a Latin document ("С" in "22 °С")."""
    letters = [ch for ch in token if ch.isalpha()]
    return main == "Latin" and 0 < len(letters) <= 2 and all(ch.translate(_TO_LATIN) != ch for ch in letters) \
        and not any(LATIN_LETTER.match(ch) for ch in letters)


@register
class MixedScriptWord(Rule):
    """A word that mixes scripts: a Cyrillic letter inside a Latin word, or a lone look-alike letter.

    What it flags:
        Words made of letters of two scripts (a Cyrillic "о" inside "Kyiv", a Latin "a" inside a Cyrillic
        word) and, in Latin-script copy, a lone Cyrillic or Greek letter that looks like a Latin one, such
        as the Cyrillic "С" of "22 °С" left from a Russian source.
    Why it matters:
        The word looks right but is not: search, spell-checking, hyphenation and screen readers fail on it,
        and it shows the text was pasted from another language.
    Example:
        "The temperature will reach 24 °С in the capital."
        Use instead: "The temperature will reach 24 °C in the capital."
    Fix safety:
        Safe: each look-alike letter is replaced by the letter of the word's main script, which reads the same.
    Data:
        Unicode script properties; the look-alike letters of Unicode's confusables list (a short table in
        this module).
    """

    code = "ART005"
    name = "mixed-script-word"
    fix = "always"

    def check(self, ctx) -> Iterator[Finding]:
        text = ctx.doc.text
        main = _main_script(text)
        end = 0
        for c in (_CYR_GREEK_LETTER if main == "Latin" else LATIN_LETTER).finditer(text):
            if c.start() < end:
                continue  # inside the word just checked
            start, end = c.start(), c.end()
            while start > 0 and text[start - 1].isalpha():
                start -= 1
            while end < len(text) and text[end].isalpha():
                end += 1
            tok = text[start:end]
            scripts = {letter_script(ch) for ch in tok}
            if len(scripts) > 1 and scripts <= {"Latin", "Cyrillic", "Greek"}:
                latin = sum(1 for ch in tok if letter_script(ch) == "Latin")
                target = "Latin" if latin * 2 >= len(tok) or main == "Latin" and latin else "Cyrillic"
                fixed = tok.translate(_TO_LATIN if target == "Latin" else _TO_CYRILLIC)
                odd = "".join(sorted({ch for ch in tok if letter_script(ch) != target}))
                good = {letter_script(ch) for ch in fixed} == {target}
                yield self.finding(ctx, start, end,
                                   f"{tok!r} mixes {' and '.join(sorted(scripts))} letters ({odd!r} is not {target})",
                                   [fixed] if good else [], Applicability.SAFE)
            elif _homoglyph_token(tok, main):
                fixed = tok.translate(_TO_LATIN)
                yield self.finding(ctx, start, end,
                                   f"{tok!r} is a {letter_script(tok[0])} letter that looks like Latin {fixed!r}",
                                   [fixed], Applicability.SAFE)
