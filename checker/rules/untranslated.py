"""Untranslated text: a sentence, clause or word left in another language than the document's. Word lists
live in data (``data/lang/function_words.tsv``, ``data/lang/vocab``)."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain, compress, count, repeat
from operator import attrgetter, is_

from .. import segments
from ..datafiles import package_file, tsv_rows
from ..documents import (
    LATIN_LETTER,
    langdetect_best,
    language_name,
    letter_script,
    main_script,
    vocabulary,
    vocabulary_languages,
)
from ..findings import Applicability, Finding
from ..names import keys
from ..names.mentions import starts_sentence
from ..names.resolve import capitalised_noun_languages
from . import Rule, register
from .formats import per_text

# ---------------------------------------------------------------------------------- untranslated text

#: Letters of scripts other than Latin (Greek, Cyrillic, Armenian, Hebrew, Arabic, Devanagari, Thai,
#: Georgian, Hangul, kana, Han), and runs of them across spaces and light punctuation.
_NON_LATIN = ("\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0900-\u097f"
              "\u0e00-\u0e7f\u10a0-\u10ff\u1100-\u11ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af")
#: What may join two other-script words into one run.
_RUN_SEPARATORS = "[ \u00a0\\-–—,.:;'’]"


@lru_cache(maxsize=1)
def _foreign_run() -> re.Pattern:
    """Runs of other-script words: ``[NL][NL\\w]*(?:SEP+[NL][NL\\w]*)*`` for the letters NL of
    ``_NON_LATIN``, written with two of its wide classes instead of four (each costs ~3 ms to compile, and
    plain-ASCII copy never needs the pattern): ``[NL\\w]`` is ``\\w`` and NL's few non-word characters, and a
    separator is taken where a letter of NL follows it."""
    word = f"[\\w{_non_word_characters(_NON_LATIN)}]*"
    return re.compile(f"[{_NON_LATIN}]{word}(?:{_RUN_SEPARATORS}+(?=[{_NON_LATIN}]){word})*")


@per_text
def _foreign_runs(text: str) -> list[tuple[int, int]]:
    """The spans of ``_foreign_run()`` in ``text`` (none in ASCII text), cached: ART002 reports them and ART005
    looks for Cyrillic and Greek characters only inside them (each character of ``_NON_LATIN`` lies in one)."""
    return [] if text.isascii() else [m.span() for m in _foreign_run().finditer(text)]


def _non_word_characters(ranges: str) -> str:
    """The characters of ``ranges`` (a class body of ``a-b`` ranges) that ``\\w`` does not match, escaped."""
    bounds = zip(ranges[0::3], ranges[2::3], strict=True)
    codes = array("I", chain.from_iterable(range(ord(a), ord(b) + 1) for a, b in bounds))
    chars = codes.tobytes().decode("utf-32")  # in native byte order, as the array writes it (3x faster than chr)
    return re.escape("".join(re.findall(r"\W", chars)))


#: ``str.translate`` table of an ASCII text: letters lower-cased, everything else a space (its ``split()`` is
#: ``segments.LETTERS.findall`` of the text lower-cased, some five times faster).
_ASCII_LOWER_WORDS = str.maketrans({chr(c): chr(c).lower() if chr(c).isalpha() else " " for c in range(128)})
_START, _END = attrgetter("start"), attrgetter("end")
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
    return _unquoted(text, low)


def _unquoted(text: str, low: str, quotes: segments.Spans | None = None) -> str:
    """``low`` (``text`` lower-cased, same length) with the quotations (``segments.quoted_spans(text)`` unless
    given) blanked out."""
    spans = (segments.quoted_spans(text) if quotes is None else quotes).spans
    if not spans:
        return low
    parts, pos = [], 0
    for a, b in spans:
        parts.append(low[pos:a])
        parts.append(" " * (b - a))
        pos = b
    parts.append(low[pos:])
    return "".join(parts)


def _sentence_words(text: str, sents: list[segments.Segment]) -> list[list[str]] | None:
    """The lower-cased words (``segments.LETTERS``) of each sentence, quotations included, as they read in
    ``text.lower()``; None when a character changes length when lower-cased. Each sentence is lower-cased on
    its own: white space bounds it, which is neither cased nor case-ignorable, so a final sigma reads the same."""
    out = []
    for piece in map(text.__getitem__, map(slice, map(_START, sents), map(_END, sents))):
        if piece.isascii():
            out.append(piece.translate(_ASCII_LOWER_WORDS).split())
            continue
        low = piece.lower()
        if len(low) != len(piece):
            return None
        out.append(segments.LETTERS.findall(low))
    return out


#: ``bytes.translate`` table of a sentence in UTF-8: ASCII letters lower-cased, other ASCII bytes a space, the
#: bytes of other characters kept (the tokens they stand in are read the plain way).
_BYTE_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or c >= 128 else 32 for c in range(256))

#: Punctuation and spaces outside ASCII that news copy often holds, in UTF-8: none is a letter and none changes
#: when lower-cased, so a sentence that holds no other character outside ASCII reads as ASCII once they are
#: spaces (lower-casing looks at neighbours only for a capital sigma, which stays).
_MARKS_UTF8 = re.compile(b"|".join(ch.encode() for ch in "\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb\u2013\u2014"
                                                          "\u2026\u00a0\u2009\u202f"))


def _screened_words(text: str, flagged: frozenset[bytes],
                    min_flagged: int) -> list[tuple[segments.Segment, list[str]]] | None:
    """(sentence, its ``_sentence_words``) of the sentences of ``segments.sentences(text)`` that hold
    non-ASCII characters or ``min_flagged`` words or more of ``flagged`` (lower-case ASCII words, as bytes);
    None as ``_sentence_words`` gives None.

    Why it is equal: an ASCII sentence's words are read in C, once for ART002 and ART003
    (``segments.ascii_sentence_words``: its ``_sentence_words`` as bytes), so that only the ones that may pass
    the tests of ``_foreign_sentences`` are read in Python. Another sentence is encoded in UTF-8 and translated
    (``_BYTE_WORDS``): if all its characters outside ASCII are ``_MARKS_UTF8``, its tokens with those spaces are
    its ``_sentence_words``; else it is read as ``_sentence_words`` reads it, and only those can change length
    when lower-cased."""
    sents = segments.sentences(text)
    words_of = segments.ascii_sentence_words(text)
    wide = compress(count(), map(is_, words_of, repeat(None)))
    hot = compress(count(), map(min_flagged.__le__, map(len, map(flagged.intersection, map(
        _words_or_none, words_of)))))
    out = []
    for i in sorted(set(wide).union(hot)):
        sent, words = sents[i], words_of[i]
        if words is not None:
            out.append((sent, list(map(bytes.decode, words))))
            continue
        part = _MARKS_UTF8.sub(b" ", text[sent.start:sent.end].encode("utf-8", "surrogatepass").translate(_BYTE_WORDS))
        if not part.isascii():
            low = text[sent.start:sent.end].lower()
            if len(low) != sent.end - sent.start:
                return None
            out.append((sent, segments.LETTERS.findall(low)))
        else:
            out.append((sent, part.decode("ascii").split()))
    return out


def _words_or_none(words: list[bytes] | None) -> list[bytes] | tuple:
    return () if words is None else words


def _plain_screened_words(text: str, sents: list[segments.Segment], flagged: frozenset[bytes],
                          min_flagged: int) -> list[tuple[segments.Segment, list[str]]] | None:
    """``_screened_words`` the plain way: each sentence's words, kept as it says."""
    words_of = _sentence_words(text, sents)
    if words_of is None:
        return None
    return [(sent, words) for sent, words in zip(sents, words_of, strict=True)
            if not text[sent.start:sent.end].isascii()
            or len(flagged.intersection(w.encode() for w in words)) >= min_flagged]


def _unquoted_sentences(text: str, sents: list[segments.Segment]) -> Iterator[str]:
    """``_unquoted_lower(text)[sent.start:sent.end]`` of each sentence, read from its line alone (a quotation
    does not run past its line, and white space bounds a line as it does a sentence); for a text whose length
    lower-casing keeps."""
    lines = segments.lines(text)
    starts = [line.start for line in lines]
    at, unquoted = -1, ""
    for sent in sents:
        i = bisect_right(starts, sent.start) - 1
        if i != at:
            at, line = i, text[lines[i].start:lines[i].end]
            # uncached: the line's quotations would push whole texts out of the cache other rules read
            unquoted = _unquoted(line, line.lower(), segments.quoted_spans.__wrapped__(line))
        yield unquoted[sent.start - lines[at].start:sent.end - lines[at].start]




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
        and words spelt alike ("Last", "These") are not flagged. In copy in a language that capitalises nouns
        (German), words copied from the paired source line (one segment a line), where that line writes them
        in lower case, count too: two or more ordinary words of the source's language in a row ("Rock Rose"
        for "rock rose", "Social Media"), even if each is also a word here, and an English compound that
        neither vocabulary knows ("Blowflies") or a rarer word of the source's language that wordfreq never
        finds in the document's ("Whodunnits", "Anther"); terms of neither language ("Arum Maculatum", "Helianthemum")
        do not. Names do not count: a capitalised word counts only where the source writes it in lower case,
        and never as part of a name the source writes with it ("Central Regional High School", "von der
        Leyen"); nor do abbreviations, quotations, URLs and hashtags. Two kinds of name copied as written from
        the source line do count: an English name of a public body, party or championship, which German copy
        translates ("Department of Homeland Security", "Asian Athletics Indoor Championships"; not "Human
        Rights Watch", "Premier League", nor a name given in brackets after its translation), and a US state
        code ("an NJ Schule"). In copy in a language that does not capitalise nouns (English) translated from
        one that does (German), where a capital says nothing about a name, a capitalised word copied as written
        from the paired source line counts when wordfreq never finds it in the document's language, it is no
        name of the table, it stands after a determiner or a modal verb and before punctuation or a function
        word, and it is a common word of the source's language or has the form of one: "Russia will
        Nachlegen", "the Närrin in the skimpy costume"; German names written as they are ("in Kupferzell",
        "the Kupferzell motorway", "the Bundestag", "Verkehrsclub Deutschland", "Thomas Bach") do not. So
        does an abbreviation of the source's language that English does not use, copied from the source line
        ("(dt. Katzenrufe)").
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
        compared; the source's line paired with each line of the document (where their numbers agree, else
        the whole source); ``data/untranslated/rare_words.<source>-<lang>.txt.gz`` (the source language's
        rarer words that wordfreq never finds in the document's language), ``data/untranslated/name_heads.tsv``
        (head nouns of the names German copy translates, with the German word),
        ``data/untranslated/us_state_codes.tsv`` (USPS state codes that are no common abbreviation too),
        ``data/untranslated/unseen_words.<source>-<lang>.txt.gz`` (the source language's words that wordfreq
        never finds in the document's), ``data/untranslated/copied_word_context.tsv`` (determiners, modal verbs
        and function words), ``data/untranslated/copied_word_forms.tsv`` (German noun suffixes and infinitive
        endings) and ``data/untranslated/abbreviations.tsv`` (German abbreviations English copy does not use).
    """

    code = "ART002"
    name = "untranslated-segment"

    def check(self, ctx) -> Iterator[Finding]:
        text = ctx.doc.text
        main = None  # read only for a document with letters of a script other than Latin
        for start, end in _foreign_runs(text):
            run = text[start:end]
            if main is None:
                main = main_script(text)
            s = letter_script(run[0])
            if s == main or sum(ch.isalpha() for ch in run) < 2 or _homoglyph_token(run, main):
                continue
            if _in_url(text, start, end):
                continue
            yield self.finding(ctx, start, end,
                               f"{run!r} is in {s} script in {language_name(ctx.lang)} copy: "
                               "text left untranslated", [], Applicability.DISPLAY)
        if not _copies_capitals(ctx):
            yield from self._foreign_sentences(ctx, text)
            return
        done: list[tuple[int, int]] = []
        for f in self._foreign_sentences(ctx, text):
            done.append((f.start, f.end))
            yield f
        for start, end, message in _copied_capitals(ctx, text):
            if not any(a < end and start < b for a, b in done):
                yield self.finding(ctx, start, end, message, [], Applicability.DISPLAY)

    def _foreign_sentences(self, ctx, text: str) -> Iterator[Finding]:
        own = ctx.lang
        src_lang = ctx.source.lang if ctx.source is not None else None
        foreign_vocab = _foreign_vocabulary(own)
        foreign = _ForeignWords.foreign_language(ctx)
        sents = segments.sentences(text)
        word_check = None if foreign is None else _ForeignWords(ctx, text, None, foreign)
        if word_check is None:  # a sentence needs this many function words of another language
            screen = _screened_words(text, _ascii_bytes(foreign_vocab), UNTRANSLATED_MIN_FOREIGN)
        elif not word_check.source_lines:  # ... or one of them or a suspect word
            screen = _screened_words(text, _flagged_words(own, foreign), 1)
        else:  # ... or any word its source line writes in lower case: every sentence is read
            words_of = _sentence_words(text, sents)
            screen = None if words_of is None else list(zip(sents, words_of, strict=True))
        if screen is None:  # a few characters change length when lower-cased: every sentence is read
            if foreign is None and \
                    len(foreign_vocab.intersection(segments.LETTERS.findall(text.lower()))) < UNTRANSLATED_MIN_FOREIGN:
                return  # no sentence can hold enough function words of another language (decided in C)
            unquoted = _unquoted_lower(text)
            word_check = None if foreign is None else _ForeignWords(ctx, text, unquoted, foreign)
        else:
            # the words of each sentence, quotations included (a superset of the words the tests below read):
            # a sentence that cannot pass with them is not read again; the others are read without quotations
            sents = [sent for sent, words in screen
                     if (len(words) >= UNTRANSLATED_MIN_WORDS
                         and len(foreign_vocab.intersection(words)) >= UNTRANSLATED_MIN_FOREIGN)
                     or (word_check is not None and word_check.suspect(words, sent.start))]
            if not sents:
                return
            # the findings of words read offsets into the whole unquoted text; sentences alone need their own
            unquoted = None if word_check is None else _unquoted(text, text.lower())
            if word_check is not None:
                word_check.unquoted = unquoted
        pieces = _unquoted_sentences(text, sents) if unquoted is None else \
            (unquoted[sent.start:sent.end] for sent in sents)
        for sent, piece in zip(sents, pieces, strict=True):
            words = segments.LETTERS.findall(piece)
            lang = None
            if len(words) >= UNTRANSLATED_MIN_WORDS and \
                    len(foreign_vocab.intersection(words)) >= UNTRANSLATED_MIN_FOREIGN:  # decided in C, mostly
                lang = self._sentence_language(own, src_lang, words, piece)
            if lang is not None:
                where = " (as in the source)" if ctx.source is not None and lang == src_lang else ""
                yield self.finding(ctx, sent.start, sent.end,
                                   f"this sentence is in {language_name(lang)}, not {language_name(own)}{where}: "
                                   "left untranslated", [], Applicability.DISPLAY)
            elif word_check is not None and word_check.suspect(words, sent.start):
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
        if counts[foreign] >= UNTRANSLATED_DECISIVE and own_hits == 0 and own in vocabulary_languages():
            # a clear case: no need to load langdetect's profiles. Not where the copy's own language has no
            # word list to count its words with: Croatian "je", "u", "a", "na" are Czech words too
            lang, prob = foreign, 1.0
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


@lru_cache(maxsize=16)
def _ascii_bytes(words: frozenset[str]) -> frozenset[bytes]:
    """The ASCII words of ``words`` as bytes (what ``_screened_words`` looks for)."""
    return frozenset(w.encode() for w in words if w.isascii())


@lru_cache(maxsize=16)
def _flagged_words(own: str, foreign: str) -> frozenset[bytes]:
    """The ASCII words that may make a sentence of ``own``'s copy worth reading for words of ``foreign``:
    other languages' function words and ``_suspect_words``."""
    return _ascii_bytes(_foreign_vocabulary(own) | _suspect_words(own, foreign))


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
#: In a language that capitalises nouns (German), a capitalised word the aligned source line writes as it is,
#: in lower case, was copied from it ("Blowflies" for "blowflies", "Rock Rose" for "rock rose"). Two or more
#: such words in a row, ordinary words of the other language, are reported; one on its own only when it is
#: rare here (below ``RARE_ZIPF``) and this much more frequent there (Zipf 1.2: 16 times): a copied word
#: that is also common here is a loanword or the same word ("Drink" 3.6, "Meeting" 3.8, "Jobs" 4.5, "Last"
#: 4.4 in German) ...
COPIED_WORD_GAP = 12
#: ... or when it is in neither vocabulary and splits into two words of the other language that are each at
#: least this long ("blowflies" = blow + flies); a term of neither language (Helianthemum, Spadix) does not.
COMPOUND_PART_MIN_LETTERS = 3
#: ... or when it is in neither vocabulary but in the other language's list of rarer words that wordfreq never
#: finds in this language (``data/untranslated/rare_words.<other>-<this>.txt.gz``), as written or as an
#: English plural of one ("Whodunnits": whodunnit; not "Helianthemum", which English does not list either).
#: In a run of capitalised words of the other language that the source line writes as they stand (a name
#: there), joined by these lower-case words, a head noun of ``data/untranslated/name_heads.tsv`` ending the
#: run or standing before "of"/"for"/"on" makes it a name that this language's copy translates ...
_NAME_CONNECTORS = frozenset({"of", "for", "on", "and", "the"})
_HEAD_BEFORE = frozenset({"of", "for", "on"})
#: ... and it needs this many capitalised words ("Department of Homeland Security", "Asian Championships").
NAME_MIN_WORDS = 2


@lru_cache(maxsize=8)
def _rare_words(own: str, foreign: str) -> frozenset[str]:
    """``foreign``'s words outside its vocabulary that wordfreq never finds in ``own``
    (``data/untranslated/rare_words.<foreign>-<own>.txt.gz``); empty for a pair without the file."""
    path = package_file("data", "untranslated", f"rare_words.{foreign}-{own}.txt.gz")
    if not path.is_file():
        return frozenset()
    import gzip  # here: most runs never read the file, and the import costs start-up time

    with path.open("rb") as f:
        blob = gzip.decompress(f.read()).decode("utf-8")
    return frozenset(w for w in blob.split("\n") if w and not w.startswith("#"))


@lru_cache(maxsize=8)
def _name_heads(own: str, foreign: str) -> dict[str, str]:
    """head noun of a ``foreign`` name → the word ``own``'s copy uses for it (``data/untranslated/name_heads.tsv``)."""
    return {row[2]: row[3] for row in tsv_rows("untranslated", "name_heads.tsv")
            if len(row) >= 4 and row[0] == own and row[1] == foreign}


@lru_cache(maxsize=1)
def _state_codes() -> dict[str, str]:
    """US postal code of a state, lower-cased → the state (``data/untranslated/us_state_codes.tsv``)."""
    return {row[0].lower(): row[1] for row in tsv_rows("untranslated", "us_state_codes.tsv") if len(row) >= 2}


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
        self.foreign_v = vocabulary(foreign)
        self.suspects = _suspect_words(ctx.lang, foreign)
        self.rare_suspects = _rare_suspect_words(ctx.lang, foreign)
        self.own_caps = ctx.lang in capitalised_noun_languages()
        self.urls = segments.url_spans(text)
        self.source_lower: frozenset[str] = frozenset()
        self.source_names: frozenset[str] = frozenset()
        #: the source's lines when they pair one to one with this document's (one segment a line), else the
        #: whole source as one line; only where a capital says nothing (this language capitalises nouns, the
        #: source's does not) is a copied word looked for
        self.source_lines: list[str] = []
        self.line_starts: list[int] = [0]
        self._line_evidence: dict[int, tuple[frozenset[str], str, str]] = {}
        if ctx.source is not None:
            source_caps = ctx.source.lang in capitalised_noun_languages()
            self.source_lower, self.source_names = _source_cases(ctx.source_words, source_caps)
            if self.own_caps and not source_caps:
                self.source_lines = _aligned_lines(ctx.source.text, text)
                if len(self.source_lines) > 1:
                    self.line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        #: head nouns of the other language's names this one translates, and US state codes (from English):
        #: both looked for only in words copied as written from the paired source line
        self.name_heads: dict[str, str] = _name_heads(self.own, foreign) if self.source_lines else {}
        self.state_codes: dict[str, str] = _state_codes() if self.source_lines and foreign == "en" else {}
        self.triggers = frozenset(self.name_heads).union(self.state_codes)

    @staticmethod
    def foreign_language(ctx) -> str | None:
        """The language whose words ``ctx``'s document may hold, or None where there is nothing to compare
        (no source in another language, or no vocabulary)."""
        own = ctx.lang
        if ctx.source is not None and ctx.source.lang and ctx.source.lang != own:
            foreign = ctx.source.lang
        elif ctx.source is None and own != "en":
            foreign = "en"
        else:
            return None
        langs = vocabulary_languages()
        return foreign if own in langs and foreign in langs else None

    def suspect(self, words: list[str], start: int) -> bool:
        """The cheap test (in C): does the sentence (its words, lower-cased; its offset) hold a word of the
        other language at all, or one its source line writes in lower case?"""
        if self.source_lines and (not self._evidence(start)[0].isdisjoint(words)
                                  or not self.triggers.isdisjoint(words)):
            return True
        if self.suspects.isdisjoint(words):
            return False
        # a word that can stand alone (rare in this language), or two that can make a run
        return not self.rare_suspects.isdisjoint(words) or len(self.suspects.intersection(words)) > 1

    def _evidence(self, offset: int) -> tuple[frozenset[str], str, str]:
        """(the words the source line paired with ``offset``'s line writes in lower case, that line's words
        joined by single spaces, lower-cased, and as written), cached; empty without a source."""
        if not self.source_lines:
            return frozenset(), "", ""
        i = bisect_right(self.line_starts, offset) - 1 if len(self.source_lines) > 1 else 0
        got = self._line_evidence.get(i)
        if got is None:
            got = self._line_evidence[i] = _line_evidence(self.source_lines[i])
        return got

    def _copied(self, word: str, offset: int) -> bool:
        """A capitalised word its source line writes as it is, in lower case."""
        return bool(self.source_lines) and word[:1].isupper() and not word.isupper() \
            and word.lower() in self._evidence(offset)[0]

    def _in_source_line(self, phrase: str, offset: int, same_case: bool = False) -> bool:
        """The words of ``phrase`` stand together, in this order, in the source line (in any case, or as
        written)."""
        joined = " " + " ".join(_RUN_WORD.findall(phrase)) + " "
        return joined in self._evidence(offset)[2] if same_case else joined.lower() in self._evidence(offset)[1]

    def _lone_copied(self, low: str) -> bool:
        """A copied word that is the other language's on its own (see ``COPIED_WORD_GAP``)."""
        own_z, foreign_z = self.own_v.get(low, 0), self.foreign_v.get(low, 0)
        if foreign_z:
            return foreign_z >= FOREIGN_WORD_MIN_ZIPF and foreign_z - own_z >= COPIED_WORD_GAP and own_z < RARE_ZIPF
        if own_z:
            return False
        n = COMPOUND_PART_MIN_LETTERS
        if any(low[:k] in self.suspects and low[k:] in self.suspects for k in range(n, len(low) - n + 1)):
            return True
        rare = _rare_words(self.own, self.foreign)
        if low in rare:
            return True
        if self.foreign != "en" or not low.endswith("s"):
            return False
        return low[:-1] in rare or (low.endswith("es") and low[:-2] in rare) or \
            (low.endswith("ies") and low[:-3] + "y" in rare)

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
        """One word: 'foreign' (the other language's), 'copied' (capitalised, and written as it is in lower
        case by its source line: the other language's in a run of such words or on its own when
        ``_lone_copied``), 'name' or 'other'."""
        text = self.text
        word = text[m.start():m.end()]
        low = m.group(0)
        capital = word[:1].isupper()
        if capital and not word.isupper():
            if self._copied(word, m.start()):  # never a name: the source line writes it in lower case
                return "foreign" if parts is not None and self._classify_word(m, word, parts) == "foreign" \
                    else "copied"
            if low in self.source_names:
                return "name"
            if not self.own_caps and low not in self.source_lower \
                    and not (m.start() == sent_start or starts_sentence(text, m.start())):
                return "name"  # capitalised inside a sentence, and the source does not write it in lower case
        if parts is None or (word.isupper() and len(word) > 1):
            return "other"  # not the other language's; or an abbreviation (NJ, DHS)
        if capital and not all(q in self.source_lower for q in parts):
            return "other"  # capitalised, and the source does not write it in lower case: it may be a name
        return self._classify_word(m, word, parts)

    def _classify_word(self, m: re.Match, word: str, parts: list[str]) -> str:
        """A word whose parts are the other language's: 'foreign' unless a hashtag, part of a URL or an
        inflected form of a word of this language."""
        if (m.start() > 0 and self.text[m.start() - 1] in "#@/_") or \
                (self.urls and self.urls.overlaps(m.start(), m.end())):
            return "other"  # a hashtag, a handle, part of a path or a URL
        if any(self.own_v.get(b.lower(), 0) >= RARE_ZIPF for b in keys.base_forms(word, self.own)[1:]):
            return "other"  # an inflected form of a word of this language (Filters, Dollars)
        return "foreign"

    def findings(self, rule: Rule, ctx, sent) -> Iterator[Finding]:
        matches = list(_RUN_WORD.finditer(self.unquoted, sent.start, sent.end))
        suspects, foreign_parts = self.suspects, self._foreign_parts
        parts = [[w] if w in suspects else None if "-" not in w and "'" not in w and "’" not in w
                 else foreign_parts(w) for w in [m.group(0) for m in matches]]
        if self.source_lines:  # ``_copied``: a sentence lies on one line, and so do its words' source evidence
            text, lower = self.text, self._evidence(sent.start)[0]
            hit = [p is not None or ((w := text[m.start():m.end()])[:1].isupper() and not w.isupper()
                                     and w.lower() in lower) for m, p in zip(matches, parts, strict=True)]
        else:
            hit = [p is not None for p in parts]
        done: list[tuple[int, int]] = []
        near = [h or (k > 0 and hit[k - 1]) or (k + 1 < len(hit) and hit[k + 1]) for k, h in enumerate(hit)]
        # only the words of the other language (or copied from the source) and their neighbours are looked at
        tokens = [(m, self._classify(m, sent.start, p) if n else "other")
                  for m, p, n in zip(matches, parts, near, strict=True)]
        i = 0
        while i < len(tokens):
            if tokens[i][1] not in ("foreign", "copied"):
                i += 1
                continue
            j = i + 1
            while j < len(tokens) and tokens[j][1] in ("foreign", "copied") and self._joined(tokens[j - 1], tokens[j]):
                j += 1
            run = tokens[i:j]
            if self._reportable(tokens, i, j):
                start, end = run[0][0].start(), run[-1][0].end()
                done.append((start, end))
                yield rule.finding(ctx, start, end, self._message(start, end, run), [], Applicability.DISPLAY)
            i = j
        if self.triggers:
            for start, end, message in self._copied_names(matches, sent.start):
                if not any(a < end and start < b for a, b in done):
                    yield rule.finding(ctx, start, end, message, [], Applicability.DISPLAY)

    def _copied_names(self, matches: list[re.Match], sent_start: int) -> Iterator[tuple[int, int, str]]:
        """(start, end, message) of the names of the other language that this one translates and of the US
        state codes that the sentence copied as written from its source line (see ``name_heads.tsv`` and
        ``us_state_codes.tsv``)."""
        text, heads, codes = self.text, self.name_heads, self.state_codes
        own, foreign = language_name(self.own), language_name(self.foreign)
        run: list[re.Match] = []
        for m in [*matches, None]:
            if m is not None:
                low, word = m.group(0), text[m.start():m.end()]
                if low in codes and len(low) == 2 and word.isupper() and not text[m.end():m.end() + 1].isdigit() \
                        and (m.start() == 0 or text[m.start() - 1] not in "-/") \
                        and self._in_source_line(word, m.start(), True):
                    yield (m.start(), m.end(), f"{word!r} is the US postal code of {codes[low]}, copied from the "
                           f"{foreign} source; {own} copy writes the state out: left untranslated")
                if run and self._adjacent(run[-1], m):
                    if self._name_word(word, low) or (low in _NAME_CONNECTORS and word.islower()):
                        run.append(m)
                        continue
                elif self._name_word(word, low):
                    found = self._copied_name(run, heads, sent_start)
                    if found:
                        yield found
                    run = [m]
                    continue
            found = self._copied_name(run, heads, sent_start)
            if found:
                yield found
            run = []

    def _name_word(self, word: str, low: str) -> bool:
        """A capitalised word (not an abbreviation) more frequent in the other language than in this one."""
        return word[:1].isupper() and not word.isupper() and self.foreign_v.get(low, 0) > self.own_v.get(low, 0)

    def _copied_name(self, run: list[re.Match], heads: dict[str, str], sent_start: int
                     ) -> tuple[int, int, str] | None:
        """A run of capitalised words (and connectors) that makes a name with a head noun this language
        translates, copied as written from the source line and not given in brackets as the original of a
        translation ("das Heimatschutzministerium (Department of Homeland Security)")."""
        while run and run[-1].group(0) in _NAME_CONNECTORS:
            run = run[:-1]
        if sum(1 for m in run if m.group(0) not in _NAME_CONNECTORS) < NAME_MIN_WORDS:
            return None
        lows = [m.group(0) for m in run]
        head = next((w for k, w in enumerate(lows)
                     if w in heads and (k + 1 == len(lows) or lows[k + 1] in _HEAD_BEFORE)), None)
        if head is None:
            return None
        start, end = run[0].start(), run[-1].end()
        text = self.text
        if text.count("(", sent_start, start) > text.count(")", sent_start, start):
            return None
        phrase = text[start:end]
        if not self._in_source_line(phrase, start, True):
            return None
        return (start, end, f"{phrase!r} is a name left in {language_name(self.foreign)} as the source writes it; "
                f"{language_name(self.own)} copy translates names of this kind ({head.capitalize()} → "
                f"{heads[head]}): left untranslated")

    def _message(self, start: int, end: int, run: list) -> str:
        phrase = self.text[start:end]
        if any(kind == "copied" for _, kind in run) or self._copied(phrase, start):
            return (f"{phrase!r} is {language_name(self.foreign)}, copied from the source "
                    f"({phrase.lower()!r} there), not {language_name(self.own)}: left untranslated")
        return f"{phrase!r} is {language_name(self.foreign)}, not {language_name(self.own)}: left untranslated"

    def _adjacent(self, a: re.Match, b: re.Match) -> bool:
        gap = self.text[a.end():b.start()]
        return not gap.strip() and "\n" not in gap

    def _joined(self, a: tuple, b: tuple) -> bool:
        """Two neighbouring words make one run: both the other language's, or a pair of its ordinary words
        the source line writes in lower case, together (rock rose → "Rock Rose"; not the Latin "Arum
        Maculatum" nor "Ylang Ylang", which are no words of either language)."""
        if not self._adjacent(a[0], b[0]):
            return False
        if a[1] == "foreign" and b[1] == "foreign":
            return True
        if not all(self._ordinary_foreign(m.group(0)) for m, _ in (a, b)):
            return False
        pair = self.text[a[0].start():b[0].end()]
        return self._in_source_line(pair, a[0].start()) and self._copied(self.text[a[0].start():a[0].end()],
                                                                         a[0].start())

    def _ordinary_foreign(self, low: str) -> bool:
        """A word of the other language's vocabulary, at least as frequent there as in this one."""
        return self.foreign_v.get(low, 0) >= max(self.own_v.get(low, 0), 1)

    def _reportable(self, tokens: list, i: int, j: int) -> bool:
        """A run of foreign words is reported unless it is part of a name, or a lone word that is also
        common in this language. A name beside the run counts only where the source writes the two
        together (New Jersey School is no name of the source's "NJ school")."""
        run = tokens[i:j]
        if (i > 0 and tokens[i - 1][1] == "name" and self._adjacent(tokens[i - 1][0], run[0][0])
                and self._with_name(tokens[i - 1][0], run[0][0])) or \
                (j < len(tokens) and tokens[j][1] == "name" and self._adjacent(run[-1][0], tokens[j][0])
                 and self._with_name(run[-1][0], tokens[j][0])):
            return False  # part of a name: [von der] Leyen
        if len(run) == 1:
            m, kind = run[0]
            low = m.group(0)
            if kind == "copied" or self._copied(self.text[m.start():m.end()], m.start()):
                # capitalised, so no agency credit: three letters will do (Dad, Bit)
                if len(low) >= LONE_WORD_MIN_LETTERS - 1 and self._lone_copied(low):
                    return True
                if kind == "copied":
                    return False
            parts = [p for p in re.split(r"['’\-]", low) if len(p) > 1]
            return sum(map(len, parts)) >= LONE_WORD_MIN_LETTERS and \
                all(self.own_v.get(p, 0) < RARE_ZIPF for p in parts)
        return True

    def _with_name(self, a: re.Match, b: re.Match) -> bool:
        """The two words stand together, as written, in the source as well (or there is no source line to
        say): "High School" of Central Regional High School, not "Qazaqstan Sports" of "Qazaqstan sports
        center"."""
        return not self.source_lines or self._in_source_line(self.text[a.start():b.end()], a.start(), True)


@lru_cache(maxsize=4096)
def _line_evidence(line: str) -> tuple[frozenset[str], str, str]:
    """``_ForeignWords._evidence`` of one source line (cached: the versions of one source share its lines)."""
    words = _RUN_WORD.findall(line)
    joined = " " + " ".join(words) + " "
    lower = [w for w in words if w.islower()]
    found = frozenset(lower)
    if "-" in joined or "'" in joined or "’" in joined:  # and the parts of the words they join
        found |= frozenset(_word_parts([w for w in lower if "-" in w or "'" in w or "’" in w]))
    return found, joined.lower(), joined


#: A line break; the lines of a source and its translation pair one to one when their numbers agree.
_NEWLINE = re.compile(r"\r\n|\n|\r")


def _aligned_lines(source: str, text: str) -> list[str]:
    """The source's lines where they pair one to one with the text's, else the whole source as one line."""
    src = _NEWLINE.split(source.rstrip("\r\n"))
    if len(src) == len(_NEWLINE.split(text.rstrip("\r\n"))):
        return src
    return [source]


# ---------------------------------------------------- words copied from a source that capitalises nouns

#: In copy of a language that does not capitalise nouns (English) translated from one that does (German), a
#: capital says nothing about a name in the source, and German nouns copied as written keep it: "Russia will
#: Nachlegen", "the Närrin in the skimpy costume". Such a word is reported when the source line writes it as it
#: stands, wordfreq never finds it in this language (``data/untranslated/unseen_words.<source>-<lang>.txt.gz``),
#: it is no table name, it stands after a determiner or a modal verb and before punctuation or a function word
#: (``copied_word_context.tsv``: not "in Kupferzell", "said Fischer", "the Kupferzell motorway"), and it is a
#: common word there (from Zipf 3.5) or has the form of one (``copied_word_forms.tsv``: a noun suffix after a
#: determiner, an infinitive ending after a modal verb). German names that English copy keeps (Pforzheim,
#: Kupferzell, Bundeswehr, Verkehrsclub Deutschland, Fischer) fail one test or more.
COPIED_COMMON_ZIPF = 35
#: A copied word has this many letters or more, and three more than its noun suffix.
COPIED_MIN_LETTERS = 4
SUFFIX_STEM_LETTERS = 3
#: What may follow a copied word, besides a function word: the end of the line or one of these marks.
_COPIED_BEFORE_MARKS = frozenset(".,;:!?)]\"'”’»«–—\n\r")
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _copies_capitals(ctx) -> bool:
    """The document has a source in a language that capitalises nouns, its own language does not, and there
    are word lists for the pair."""
    src = ctx.source
    if src is None or not src.lang or src.lang == ctx.lang:
        return False
    caps = capitalised_noun_languages()
    return ctx.lang not in caps and src.lang in caps and _copied_data(ctx.lang, src.lang) is not None


class _CopiedData:
    """The word lists of one pair (this language, a source language that capitalises nouns)."""

    def __init__(self, own: str, source: str, unseen: frozenset[str], context: dict[str, frozenset[str]],
                 forms: dict[str, tuple[str, ...]], abbreviations: dict[str, str]) -> None:
        self.own, self.source = own, source
        self.unseen = unseen
        self.determiners = context.get("determiner", frozenset())
        self.modals = context.get("modal", frozenset())
        self.after = context.get("after", frozenset())
        self.noun_suffixes = forms.get("noun_suffix", ())
        self.verb_endings = forms.get("verb_ending", ())
        self.abbreviations = abbreviations
        self.source_vocab = vocabulary(source)


@lru_cache(maxsize=8)
def _copied_data(own: str, source: str) -> _CopiedData | None:
    """The lists for copy in ``own`` translated from ``source``, or None where the pair has no unseen-word list."""
    path = package_file("data", "untranslated", f"unseen_words.{source}-{own}.txt.gz")
    if not path.is_file():
        return None
    import gzip  # here: most runs never read the file

    with path.open("rb") as f:
        blob = gzip.decompress(f.read()).decode("utf-8")
    unseen = frozenset(w for w in blob.split("\n") if w and not w.startswith("#"))
    context = {row[1]: frozenset(row[2].split()) for row in tsv_rows("untranslated", "copied_word_context.tsv")
               if len(row) >= 3 and row[0] == own}
    forms = {row[1]: tuple(row[2].split()) for row in tsv_rows("untranslated", "copied_word_forms.tsv")
             if len(row) >= 3 and row[0] == source}
    abbreviations = {row[1]: row[2] for row in tsv_rows("untranslated", "abbreviations.tsv")
                     if len(row) >= 3 and row[0] == source}
    return _CopiedData(own, source, unseen, context, forms, abbreviations)


@lru_cache(maxsize=4096)
def _copied_candidates(line: str, own: str, source: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(the capitalised words of a source line, as written, that wordfreq never finds in ``own``; the
    abbreviations of ``abbreviations.tsv`` the line holds)."""
    data = _copied_data(own, source)
    words = frozenset(w for w in _LETTER_RUN.findall(line)
                      if len(w) >= COPIED_MIN_LETTERS and w[0].isupper() and w[1:].islower()
                      and w.lower() in data.unseen)
    abbreviations = tuple(a for a in data.abbreviations if a in line and _abbreviation_at(line, a))
    return words, abbreviations


def _abbreviation_at(text: str, abbreviation: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets of ``abbreviation`` in ``text[start:end]`` as a word of its own (no letter or dot before it, no
    letter right after it)."""
    end = len(text) if end is None else end
    out, i = [], text.find(abbreviation, start, end)
    while i >= 0:
        j = i + len(abbreviation)
        if (i == 0 or not (text[i - 1].isalpha() or text[i - 1] == ".")) and \
                (j >= len(text) or not text[j].isalpha()):
            out.append(i)
        i = text.find(abbreviation, j, end)
    return out


def _copied_capitals(ctx, text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, message) of the words and abbreviations of the source's language that ``ctx``'s copy
    copied as written from its paired source line (see ``COPIED_COMMON_ZIPF``)."""
    own, source = ctx.lang, ctx.source.lang
    data = _copied_data(own, source)
    lines = _aligned_lines(ctx.source.text, text)
    if len(lines) > 1:
        starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
        bounds = [(starts[i], starts[i + 1] if i + 1 < len(starts) else len(text)) for i in range(len(lines))]
    else:
        bounds = [(0, len(text))]
    quotes = names = None
    own_name, source_name = language_name(own), language_name(source)
    own_vocab = vocabulary(own)
    for line, (start, end) in zip(lines, bounds, strict=True):
        words, abbreviations = _copied_candidates(line, own, source)
        if not words and not abbreviations:
            continue
        if quotes is None:
            quotes = segments.quoted_spans(text)
            names = [(m.start, m.end) for m in ctx.mentions if m.infos or m.keyed]
        for a in abbreviations:
            for i in _abbreviation_at(text, a, start, end):
                j = i + len(a)
                if quotes.overlaps(i, j):
                    continue
                nxt = _LETTER_RUN.match(text, j + 1) if text[j:j + 1] == " " else None
                if nxt is not None and nxt.group(0)[0].isupper() and nxt.group(0).lower() not in own_vocab \
                        and nxt.group(0) in _LETTER_RUN.findall(line):
                    j = nxt.end()  # and the word it introduces, copied too ("dt. Katzenrufe")
                yield (i, j, f"{text[i:j]!r} is {source_name} ({a} = {data.abbreviations[a]}), copied from the "
                       f"source, not {own_name}: left untranslated")
        if not words:
            continue
        prev = None
        for m in _LETTER_RUN.finditer(text, start, end):
            p, prev = prev, m
            w = m.group(0)
            if w not in words or p is None or text[p.end():m.start()].strip(" \u00a0") or p.end() == m.start():
                continue
            kind = _copied_kind(data, w.lower(), p.group(0))
            if kind is None or quotes.overlaps(m.start(), m.end()) or \
                    any(a < m.end() and m.start() < b for a, b in names):
                continue
            if not _copied_ends(data, text, m.end(), end):
                continue
            yield (m.start(), m.end(), f"{w!r} is {source_name} ({kind}), copied as written from the source, "
                   f"not {own_name}: left untranslated")


def _copied_kind(data: _CopiedData, low: str, before: str) -> str | None:
    """What makes a copied capitalised word (lower-cased) after the word ``before`` a word of the source's
    language: 'a common word', 'a noun', 'a verb', or None."""
    if before in data.determiners:
        if data.source_vocab.get(low, 0) >= COPIED_COMMON_ZIPF:
            return "a common word"
        if any(low.endswith(s) and len(low) >= len(s) + SUFFIX_STEM_LETTERS for s in data.noun_suffixes):
            return "a noun"
    elif before in data.modals:
        if any(low.endswith(s) and len(low) >= len(s) + SUFFIX_STEM_LETTERS for s in data.verb_endings):
            return "a verb"
    return None


def _copied_ends(data: _CopiedData, text: str, pos: int, end: int) -> bool:
    """A copied word ending at ``pos`` ends its phrase: the line ends, a mark follows, or a function word."""
    i = pos
    while i < end and text[i] in " \u00a0":
        i += 1
    if i >= end or (text[i] in _COPIED_BEFORE_MARKS and (i > pos or text[i] not in "'’")):
        return True
    if i == pos:
        return False  # a hyphen, a digit or a symbol joined to the word
    m = _LETTER_RUN.match(text, i)
    return m is not None and m.group(0) in data.after


def _in_url(text: str, start: int, end: int) -> bool:
    """``segments.url_spans(text).overlaps(start, end)``, worked out on the words (runs of non-white space)
    that ``text[start:end]`` touches instead of the whole text. Why it is equal: every URL span is found in
    and stays within one such word (a match of ``\\S+`` from a URL start, or an address grown from its
    anchor up to white space at the most), white space bounds the piece in the text as in the piece, and a
    span overlaps the range whether or not it is merged with its neighbours."""
    a, b = start, end
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    n = len(text)
    while b < n and not text[b].isspace():
        b += 1
    return segments.url_spans.__wrapped__(text[a:b]).overlaps(start - a, end - a)


# ------------------------------------------------------------------------------- mixed-script words

#: Cyrillic and Greek letters that look like Latin ones (from Unicode's confusables.txt, the letters a
#: machine or a keyboard layout swaps in news copy), and back.
_TO_LATIN = str.maketrans("АВЕКМНОРСТУХаеорсухіјѕІЈЅԁԛԝΑΒΕΖΗΙΚΜΝΟΡΤΥΧον",
                          "ABEKMHOPCTYXaeopcyxijsIJSdqwABEZHIKMNOPTYXov")
_TO_CYRILLIC = str.maketrans("ABEKMHOPCTYXaeopcyxi", "АВЕКМНОРСТУХаеорсухі")
_CYR_GREEK_LETTER = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff\u0400-\u052f]")


def _cyrillic_greek(text: str, runs: list[tuple[int, int]]) -> Iterator[re.Match]:
    """``_CYR_GREEK_LETTER.finditer(text)``, searched only inside ``_foreign_runs(text)``: every character of
    the class is one of ``_NON_LATIN`` and so lies inside a run, and a one-character class without
    look-arounds matches inside a range as it does in the whole text."""
    for a, b in runs:
        yield from _CYR_GREEK_LETTER.finditer(text, a, b)


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
        runs = _foreign_runs(text)
        if not any(_CYR_GREEK_LETTER.search(text, a, b) for a, b in runs):
            return  # both kinds of word need a Cyrillic or Greek letter (found in C)
        main = main_script(text)
        end = 0
        for c in _cyrillic_greek(text, runs) if main == "Latin" else LATIN_LETTER.finditer(text):
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
