"""Reading copy: bytes → text (encoding, BOM and line endings remembered), line index, language.

Offsets everywhere in checker are code points into ``Document.text``: the decoded text without the
byte-order mark, line endings as they are in the file (a CRLF is two code points). ``LineIndex`` turns
an offset into the 1-based line and column an editor shows: CRLF, LF and a lone CR each end a line, a
BOM is not a column, a tab is one column, a character outside the BMP is one column.
"""

from __future__ import annotations

import bisect
import codecs
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, filterfalse, repeat
from operator import add
from pathlib import Path

from .datafiles import package_file
from .errors import CheckerError, InputError, LanguageError

#: langdetect's best guess must reach this probability, else we ask for ``--lang``.
LANGUAGE_CONFIDENCE_FLOOR = 0.80
#: Detection needs this many lower-case words: names and numbers alone do not tell a language.
MIN_DETECTION_WORDS = 4
#: Characters of text handed to langdetect (beyond this, detection gets slower, not better).
DETECTION_SAMPLE = 4000

_LINE_BREAK = re.compile(r"\r\n|\n|\r")


@dataclass
class Document:
    """One version of a story, as read from a file or given by a caller."""

    text: str
    path: str = "<text>"
    lang: str | None = None
    lang_origin: str = "given"  # given | option | filename | detected
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    #: read from standard input (a fix goes to stdout, never to a file of the same name)
    stdin: bool = False
    _lines: LineIndex | None = field(default=None, repr=False)

    @property
    def lines(self) -> LineIndex:
        if self._lines is None:
            self._lines = LineIndex(self.text)
        return self._lines


class LineIndex:
    """Code-point offset ↔ (line, column), both 1-based."""

    def __init__(self, text: str) -> None:
        if "\r" not in text:  # one kind of line break: the starts from the line lengths, in C
            self.starts = _line_starts(text, "\n")
        elif "\n" not in text:
            self.starts = _line_starts(text, "\r")
        elif text.count("\r\n") == text.count("\r") == text.count("\n"):
            self.starts = _line_starts(text, "\r\n")
        else:
            self.starts = [0] + [m.end() for m in _LINE_BREAK.finditer(text)]
        self.length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets of 1-based ``line`` (end excludes the line break)."""
        start = self.starts[line - 1]
        end = self.starts[line] if line < len(self.starts) else self.length
        return start, end


def _line_starts(text: str, newline: str) -> list[int]:
    """Offsets where lines start in a text whose every line break is ``newline``."""
    starts = list(accumulate(map(add, map(len, text.split(newline)), repeat(len(newline))), initial=0))
    starts.pop()  # past the end: the last line has no break
    return starts


def dominant_newline(text: str) -> str:
    crlf = text.count("\r\n")
    lf = text.count("\n") - crlf
    cr = text.count("\r") - crlf
    best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"))
    return best[1] if best[0] else "\n"


def decode(data: bytes, path: str = "<bytes>") -> tuple[str, str, bool]:
    """Decode copy: UTF-8 (with or without BOM) or UTF-16 with BOM. Returns (text, encoding, bom).

    Raises InputError for binary data, invalid UTF-8 and empty input, naming the place.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(f"{path}: invalid UTF-16 at byte {err.start}") from None
        encoding, bom = "utf-16", True
    else:
        bom = data.startswith(codecs.BOM_UTF8)
        body = data[3:] if bom else data
        if b"\x00" in body[:8192]:
            raise InputError(f"{path}: binary file (NUL bytes), not text copy")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as err:
            line = body.count(b"\n", 0, err.start) + 1
            raise InputError(
                f"{path}:{line}: invalid UTF-8 (byte 0x{body[err.start]:02x} at offset {err.start + 3 * bom});"
                " save the file as UTF-8"
            ) from None
        encoding = "utf-8"
    if "\x00" in text:
        raise InputError(f"{path}: binary file (NUL characters), not text copy")
    if not text or text.isspace():  # not text.strip(), without copying the text
        raise InputError(f"{path}: empty file, nothing to check")
    return text, encoding, bom


@lru_cache(maxsize=1)
def known_languages() -> dict[str, str]:
    """ISO 639-1 code → English name (CLDR, ``data/languages.tsv``)."""
    data = package_file("data", "languages.tsv").read_text(encoding="utf-8")
    rows = (ln.split("\t") for ln in data.splitlines()[1:] if ln and not ln.startswith("#"))
    return {code: name for code, name in rows if code != "code"}


def language_name(code: str | None) -> str:
    """The English name of a language code ("de" → "German"); the code itself when unknown."""
    return known_languages().get(code or "", code or "another language")


def normalize_language(code: str) -> str:
    """Validate a language code (``en``, ``de-CH`` → ``de``, ``ua`` → ``uk``); LanguageError if unknown."""
    base = code.strip().replace("_", "-").split("-")[0].lower()
    base = {"ua": "uk", "iw": "he", "in": "id", "jw": "jv"}.get(base, base)
    if base not in known_languages():
        raise LanguageError(f"unknown language code {code!r}: use an ISO 639-1 code such as en, de, fr, uk")
    return base


def language_from_filename(path: str) -> str | None:
    """``story.en.txt`` → ``en``; None when the name carries no language code."""
    name = path.rpartition("/")[2] if isinstance(path, str) and "\\" not in path else ""
    if name in ("", "."):  # a folder-like path (or a backslash): what pathlib calls its name
        name = Path(path).name
    suffixes = name.split(".")[1:]
    if len(suffixes) >= 2:
        cand = suffixes[-2].lower()
        if cand in known_languages() or cand == "ua":
            return normalize_language(cand)
    return None


@lru_cache(maxsize=1)
def _function_words() -> dict[str, str]:
    """word → language, for words that are frequent in exactly one language (``data/lang/function_words.tsv``)."""
    from .datafiles import tsv_rows

    owners: dict[str, set[str]] = {}
    for code, words in tsv_rows("lang", "function_words.tsv"):
        for w in words.split():
            owners.setdefault(w, set()).add(code)
    return {w: next(iter(codes)) for w, codes in owners.items() if len(codes) == 1}


@lru_cache(maxsize=1)
def _frequent_words_by_language() -> dict[str, frozenset[str]]:
    from .datafiles import tsv_rows

    return {row[0]: frozenset(row[1].split()) for row in tsv_rows("lang", "function_words.tsv") if len(row) == 2}


def frequent_words(lang: str) -> frozenset[str]:
    """The most frequent words of ``lang`` (``data/lang/function_words.tsv``); empty for a language without."""
    return _frequent_words_by_language().get(lang, frozenset())


@lru_cache(maxsize=1)
def vocabulary_languages() -> frozenset[str]:
    """The languages with a vocabulary (``data/lang/vocab/<lang>.txt.gz``); listing them reads no vocabulary."""
    folder = package_file("data", "lang", "vocab")
    if not folder.is_dir():
        return frozenset()
    return frozenset(p.name.split(".")[0] for p in folder.iterdir() if p.name.endswith(".txt.gz"))


@lru_cache(maxsize=16)
def vocabulary(lang: str) -> dict[str, int]:
    """word → Zipf frequency × 10 for the most frequent words of ``lang`` (``data/lang/vocab/<lang>.txt.gz``,
    from wordfreq: 40 = four times per million words); empty for a language without a vocabulary.

    Read on first use only (3.5 MB a language), never at start-up, from the decompressed text kept in the
    cache folder (``_vocabulary_blob``); the short-text guess reads ``_vocabulary_lookup`` instead."""
    return _parse_vocabulary(_vocabulary_blob(lang))


def _parse_vocabulary(blob: str) -> dict[str, int]:
    """word → Zipf × 10 of a ``_vocabulary_blob`` (a word listed twice keeps its last Zipf)."""
    out: dict[str, int] = {}
    for line in blob.split("\n"):
        if line:
            zipf, words = line.split("\t")
            out.update(dict.fromkeys(words.split(), int(zipf)))
    return out


def _vocabulary_key(lang: str) -> str:
    """The cache key of ``lang``'s packaged vocabulary file (both decompressed forms are named by it)."""
    return _packaged_key(package_file("data", "lang", "vocab", f"{lang}.txt.gz"))


#: The function-word guess is taken when it rests on this many words and beats the runner-up this many times,
#: or when no other language has a single word in the text and this one has ``FUNCTION_WORD_SOLO_HITS``.
#: On 12,314 real lines of ../shared/eval (en, de, cs, ru, uk, zh) that decides 9,698 lines with 1 error.
FUNCTION_WORD_MIN_HITS = 6
FUNCTION_WORD_MARGIN = 4
FUNCTION_WORD_SOLO_HITS = 2


#: A run of letters: the words both language guesses count.
_GUESS_WORD = re.compile(r"[^\W\d_]+")


def _function_word_ranking(sample: str) -> list[tuple[str, int]]:
    """(language, number of its function words) of ``sample``, most first (ties by code)."""
    owner = _function_words().get
    # The words _GUESS_WORD finds, counted in C: a white-space-separated token of letters only is one such
    # word (a letter is a word character, never a digit or "_"; no white space is), the other tokens go
    # through the pattern (a quarter faster than the pattern over the whole sample).
    tokens = sample.lower().split()
    counts = Counter(map(owner, filter(str.isalpha, tokens)))
    counts.update(map(owner, _GUESS_WORD.findall(" ".join(filterfalse(str.isalpha, tokens)))))
    counts.pop(None, None)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def _function_word_guess(sample: str, margin: int, solo_hits: int | None) -> str | None:
    """The language of ``sample`` by its function words (``_function_word_ranking``): the leader when it has
    ``FUNCTION_WORD_MIN_HITS`` words and ``margin`` times the runner-up's, or ``solo_hits`` (when given) and no
    runner-up at all; else None."""
    ranked = _function_word_ranking(sample)
    if not ranked:
        return None
    best, hits = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if solo_hits is not None and second == 0 and hits >= solo_hits:
        return best
    return best if hits >= FUNCTION_WORD_MIN_HITS and hits >= margin * second else None


def guess_language_by_function_words(text: str) -> str | None:
    """A cheap, confident guess from words frequent in one language only ("der", "und", "the", "and"),
    or None when the evidence is thin or mixed."""
    return _function_word_guess(text[:DETECTION_SAMPLE], FUNCTION_WORD_MARGIN, FUNCTION_WORD_SOLO_HITS)


#: A longer text's language is first guessed from this many characters of its beginning, and that guess is
#: taken when it rests on ``FUNCTION_WORD_MIN_HITS`` words and beats the runner-up twice as clearly as the
#: whole sample must (``FUNCTION_WORD_MARGIN``); else the whole sample decides. On 4,508 real texts of
#: ../shared/eval and the bench corpus (en, de, cs, ru, uk, zh) it decides half of them, always as the whole
#: sample does, in a third of the time.
QUICK_SAMPLE = 800


def _quick_guess(text: str) -> str | None:
    """The language of the beginning of a long text when it leaves no doubt (``QUICK_SAMPLE``), else None."""
    if len(text) <= QUICK_SAMPLE:
        return None
    return _function_word_guess(text[:QUICK_SAMPLE], 2 * FUNCTION_WORD_MARGIN, None)


#: The vocabulary guess (for texts too short for the function-word guess) needs this many ordinary words
#: (lower-case, or opening a sentence: a capital inside a sentence may be a name, "Selenskyj", "Kiew")...
VOCAB_GUESS_MIN_WORDS = 3
#: ... every one of them among the language's 40,000 most frequent words ...
#: ... and the text this much likelier in that language than in any other, in Zipf units (log10 of the word
#: frequencies, summed over the words; a word missing from a vocabulary counts as Zipf ``VOCAB_GUESS_UNKNOWN``):
#: 30 = a thousand times. "President ... spoke in ... on ..." is English by 9, German by nothing.
VOCAB_GUESS_MARGIN = 30
VOCAB_GUESS_UNKNOWN = 10
#: ... though one word in this many may be missing from the winner's list (a rare word: "toughening").
VOCAB_GUESS_WORDS_PER_UNKNOWN = 4


@lru_cache(maxsize=1)
def _vocabulary_scripts() -> dict[str, str]:
    """Vocabulary language → 'Latin', 'Cyrillic', ... (the script of its most frequent word, from the
    function-word data, so that telling which vocabularies to load reads none of them)."""
    from .datafiles import tsv_rows

    out = {}
    for code, words in tsv_rows("lang", "function_words.tsv"):
        if code in vocabulary_languages() and words:
            out[code] = letter_script(words.split()[0][0])
    return out


#: A Latin letter (Basic Latin, Latin-1, Latin Extended-A and -B).
LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")


def letter_script(ch: str) -> str:
    """The script of a letter, by its Unicode name: 'Latin', 'Cyrillic', 'Greek', 'Cjk', ...; 'other' for
    a character without a name."""
    if LATIN_LETTER.match(ch):
        return "Latin"
    import unicodedata

    name = unicodedata.name(ch, "")
    return name.split(" ")[0].title() if name else "other"


_ANY_LETTER = re.compile(r"[^\W\d_]")
#: A letter that is not a ``LATIN_LETTER``.
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")


@lru_cache(maxsize=4)
def main_script(text: str) -> str:
    """The script most letters of the text's beginning are in (Latin, Cyrillic, Greek, Cjk, ...)."""
    sample = text[:4000]
    if sample.isascii() or not _NON_LATIN_LETTER.search(sample):  # letters, if any, are Latin
        return "Latin"
    letters = len(_ANY_LETTER.findall(sample))
    if 2 * len(LATIN_LETTER.findall(sample)) > letters:  # counted in C: the common case
        return "Latin"
    counts: dict[str, int] = {}
    for ch, n in Counter(filter(str.isalpha, sample)).items():  # each letter's script told once
        s = letter_script(ch)
        counts[s] = counts.get(s, 0) + n
    return max(counts, key=counts.get) if counts else "Latin"


def guess_language_by_vocabulary(text: str) -> str | None:
    """The language of a short text from the frequencies of its ordinary words (``data/lang/vocab``), or
    None when the words are too few, unknown to every vocabulary or as likely in two languages.

    Deterministic; reads the vocabularies of the text's script on first use (about 20 ms a language)."""
    sample = text[:DETECTION_SAMPLE]
    words = []
    for m in _GUESS_WORD.finditer(sample):
        w = m.group(0)
        if w.islower() or (w[0].isupper() and w[1:].islower() and _opens_sentence(sample, m.start())):
            words.append(w.lower())
    if len(words) < VOCAB_GUESS_MIN_WORDS:
        return None
    scripts: dict[str, int] = {}
    for w in words:
        scripts[letter_script(w[0])] = scripts.get(letter_script(w[0]), 0) + 1
    script = max(sorted(scripts), key=scripts.__getitem__)
    scores = []
    for code, lang_script in sorted(_vocabulary_scripts().items()):
        if lang_script != script:
            continue
        zipfs = word_zipfs(code, words)
        unknown = zipfs.count(0)
        # every word known, or one in VOCAB_GUESS_WORDS_PER_UNKNOWN a rare word ("toughening") the list lacks
        known = len(zipfs) - unknown >= VOCAB_GUESS_MIN_WORDS and unknown * VOCAB_GUESS_WORDS_PER_UNKNOWN <= len(zipfs)
        scores.append((sum(z or VOCAB_GUESS_UNKNOWN for z in zipfs), known, code))
    if not scores:
        return None
    scores.sort(reverse=True)
    best, known, code = scores[0]
    second = scores[1][0] if len(scores) > 1 else len(words) * VOCAB_GUESS_UNKNOWN
    return code if known and best - second >= VOCAB_GUESS_MARGIN else None


def _packaged_key(path) -> str:
    """A cache key for a packaged data file: the checker version, the file's name, size and modification
    time (reading and hashing the file itself cost ~1 ms a language on every short text's guess). A
    traversable without a stat (a zip install) is keyed by its content."""
    from . import cache

    try:
        st = path.stat()
    except (AttributeError, OSError):
        return cache.digest(path.read_bytes())
    return cache.digest(path.name, str(st.st_size), str(st.st_mtime_ns))


#: Decompressed vocabularies kept per language in the cache folder: each install of checker (a venv, an
#: upgrade) keys its own by the packaged file's size and time, so without pruning they pile up at 3.5 MB
#: a language per install.
KEEP_VOCABULARIES = 3


@lru_cache(maxsize=16)
def _vocabulary_blob(lang: str) -> str:
    """The vocabulary file of ``lang`` as one string, one line per Zipf value, every word between spaces
    (``\\nzipf\\t word word ``). Kept decompressed in the cache folder (named by a digest of the packaged
    file), so that ``vocabulary`` and ``_vocabulary_lookup`` read it instead of decompressing (3 ms a
    language)."""
    import gzip

    from . import cache

    if lang not in vocabulary_languages():
        return ""
    key = _vocabulary_key(lang)
    path = cache.cache_dir() / f"vocab-{lang}-{key}.txt"
    if not cache.disabled():
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            pass
    text = gzip.decompress(package_file("data", "lang", "vocab", f"{lang}.txt.gz").read_bytes()).decode("utf-8")
    start = 0
    while text.startswith("#", start):  # the header lines
        start = text.index("\n", start) + 1
    blob = "\n" + text[start:].rstrip("\n").replace("\t", "\t ").replace("\n", " \n") + " \n"
    cache.store_bytes(f"vocab-{lang}", key, ".txt", blob.encode("utf-8"), keep=KEEP_VOCABULARIES)
    return blob


#: Word lookups in one language after which its dict (``vocabulary``, 10-20 ms once) pays off: a search of
#: a group costs about a microsecond (a process that guesses the language of thousands of lines).
VOCAB_DICT_AFTER = 50_000
_lookups: dict[str, int] = {}


def word_zipfs(lang: str, words: list[str]) -> list[int]:
    """Zipf × 10 of each word in ``lang``'s vocabulary (0 when it is not there), as ``vocabulary`` gives."""
    _lookups[lang] = _lookups.get(lang, 0) + len(words)
    if _lookups[lang] > VOCAB_DICT_AFTER:
        vocab = vocabulary(lang)
        return [vocab.get(w, 0) for w in words]
    spans, body = _vocabulary_lookup(lang)
    out = []
    for w in words:
        span = spans.get(w[:2])
        if span is None:
            out.append(0)
            continue
        key = b"\n%s " % w.encode("utf-8")
        i = body.find(key, span[0], span[1])
        if i < 0:
            out.append(0)
            continue
        i += len(key)
        end = body.find(b"\n", i, span[1])
        out.append(int(body[i:end if end >= 0 else span[1]]))
    return out


@lru_cache(maxsize=16)
def _vocabulary_lookup(lang: str) -> tuple[dict[str, tuple[int, int]], bytes]:
    """``lang``'s vocabulary for looking up a few words: its entries (UTF-8 ``\\nword zipf``) grouped by the
    words' first two letters, and those letters → (start, end) of their group, so that a word costs a search
    of its group (a few hundred bytes), not of the whole list. A short text's language is guessed against
    every vocabulary of its script: this loads in a tenth of a millisecond, ``vocabulary``'s dict of 40,000
    words in 10-20 ms. Kept in the cache folder (named by the digest of the packaged file); a word occurring
    twice keeps its last Zipf, as in ``vocabulary``."""
    from . import cache

    if lang not in vocabulary_languages():
        return {}, b""
    key = _vocabulary_key(lang)
    path = cache.cache_dir() / f"vocab-groups-{lang}-{key}.txt"
    if not cache.disabled():
        try:
            data = path.read_bytes()
            keys_end = data.index(b"\n")
            ends_end = data.index(b"\n", keys_end + 1)
            keys = data[:keys_end].decode("utf-8").split(" ")
            ends = [int(n) for n in data[keys_end + 1:ends_end].split(b" ")]
            if len(keys) == len(ends) and ends[-1] == len(data) - ends_end:
                return dict(zip(keys, zip([0, *ends[:-1]], ends, strict=True), strict=True)), data[ends_end:]
        except (OSError, ValueError, IndexError):
            pass
    by_group: dict[str, list[str]] = {}
    for w, z in _parse_vocabulary(_vocabulary_blob(lang)).items():
        by_group.setdefault(w[:2], []).append(f"\n{w} {z}")
    spans, parts, at = {}, [], 0
    for first, entries in by_group.items():
        part = "".join(entries).encode("utf-8")
        spans[first] = (at, at + len(part))
        parts.append(part)
        at += len(part)
    body = b"".join(parts)
    if spans:  # the body keeps the line break that ends the header
        head = " ".join(spans) + "\n" + " ".join(str(end) for _, end in spans.values())
        cache.store_bytes(f"vocab-groups-{lang}", key, ".txt", head.encode("utf-8") + body, keep=KEEP_VOCABULARIES)
    return spans, body


def _opens_sentence(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0\"'„“”«»‚‘’(":
        j -= 1
    return j < 0 or text[j] in ".!?:;\n\r–—-"


#: Profile sets of langdetect kept compiled in the cache folder (one per set of candidate languages in use).
KEEP_LANGDETECT = 6


class _SparseProbabilities(dict):
    """langdetect's n-gram → per-language probabilities, stored sparse: each value is the flat tuple
    (language index, probability, ...) of the languages that have the n-gram (2 of 55 on average), and a
    look-up gives the dense list langdetect's Detector reads, kept for the next look-up of that n-gram. A
    membership test is the plain dict's."""

    __slots__ = ("size",)

    def __getitem__(self, word: str) -> list[float]:
        pairs = dict.__getitem__(self, word)
        if type(pairs) is list:  # expanded before (langdetect only reads the lists)
            return pairs
        dense = [0.0] * self.size
        for i in range(0, len(pairs), 2):
            dense[pairs[i]] = pairs[i + 1]
        dict.__setitem__(self, word, dense)
        return dense


@lru_cache(maxsize=4)
def _langdetect_factory(langs: frozenset[str] | None):
    """langdetect's detector factory, seeded, with the profiles of ``langs`` only (every profile when None).
    Building it from langdetect's JSON profiles takes 0.3-0.9 s and ~65 MB for all 55; the built n-gram table
    is kept in the cache folder (marshal, sparse: 4 MB) and read back in a few hundredths of a second. The
    probabilities are langdetect's own (frequency / n-grams of that length in the profile), so a detection
    gives the same answer either way."""
    import json
    import marshal
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.utils.lang_profile import LangProfile

    from . import cache

    names = sorted(n for n in os.listdir(PROFILES_DIRECTORY)
                   if not n.startswith(".") and (langs is None or n.split("-")[0] in langs))
    factory = DetectorFactory()
    factory.seed = 0
    key = None
    try:
        stats = [(n, os.stat(os.path.join(PROFILES_DIRECTORY, n))) for n in names]
        key = cache.digest(sys.version, PROFILES_DIRECTORY, *(f"{n} {st.st_size} {st.st_mtime_ns}" for n, st in stats))
    except OSError:
        pass
    if key is not None and not cache.disabled():
        try:
            langlist, table = marshal.loads((cache.cache_dir() / f"langdetect-{key}.marshal").read_bytes())
            if len(langlist) == len(names):
                return _with_table(factory, langlist, table)
        except (OSError, ValueError, EOFError, TypeError):
            pass
    langlist, sparse = [], {}
    for index, name in enumerate(names):
        with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as fh:
            profile = LangProfile(**json.load(fh))
        langlist.append(profile.name)
        # langdetect's DetectorFactory.add_profile, kept sparse
        for word, count in profile.freq.items():
            pairs = sparse.setdefault(word, [])
            if 1 <= len(word) <= 3:
                pairs.extend((index, count / profile.n_words[len(word) - 1]))
    table = {word: tuple(pairs) for word, pairs in sparse.items()}
    if key is not None:
        cache.store_bytes("langdetect", key, ".marshal", marshal.dumps((langlist, table)), keep=KEEP_LANGDETECT)
    return _with_table(factory, langlist, table)


def _with_table(factory, langlist: list[str], table: dict[str, tuple]):
    """``factory`` holding ``langlist`` and the sparse n-gram ``table`` of ``_langdetect_factory``."""
    probs = _SparseProbabilities(table)
    probs.size = len(langlist)
    factory.langlist, factory.word_lang_prob_map = langlist, probs
    return factory


def langdetect_best(text: str, langs: frozenset[str] | None = None) -> tuple[str, float]:
    """langdetect's best guess for ``text`` as (ISO 639-1 code, probability), seeded so the same text
    always gets the same answer; ("", 0.0) when it has none. ``langs`` limits the candidate languages
    (every profile langdetect has when None). Profiles load on first use."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = _langdetect_factory(langs)
    if not factory.langlist:
        return "", 0.0
    try:
        detector = factory.create()
        detector.append(text)
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return "", 0.0
    return best.lang.split("-")[0], best.prob


def detect_language(text: str, path: str = "<text>") -> str:
    """The language of ``text``: a confident function-word guess, else langdetect (the fallback, as
    its profiles take half a second to load).

    Raises LanguageError when langdetect's best guess is below ``LANGUAGE_CONFIDENCE_FLOOR``.
    """
    quick = _quick_guess(text) or guess_language_by_function_words(text) or guess_language_by_vocabulary(text)
    if quick is not None:
        return quick
    sample = text[:DETECTION_SAMPLE]
    lang, prob = "", 0.0
    if sum(1 for w in re.findall(r"[^\W\d_]{2,}", sample) if w.islower()) >= MIN_DETECTION_WORDS:
        lang, prob = langdetect_best(sample)
    if not lang or prob < LANGUAGE_CONFIDENCE_FLOOR:
        best = f" (best guess {lang} at {prob:.2f})" if lang else ""
        raise LanguageError(f"{path}: cannot tell the language{best}; name it with --lang or story.<lang>.txt")
    return lang


def read_text_file(path: str | Path, error: type[CheckerError], what: str = "file") -> str:
    """The UTF-8 text of a table, mention list or other side file (``-``: standard input); ``error`` (with
    the path, and the line for bad UTF-8) when it is missing, unreadable or not UTF-8."""
    stdin = str(path) == "-"
    name = "<stdin>" if stdin else str(path)
    try:
        data = sys.stdin.buffer.read() if stdin else Path(path).read_bytes()
    except FileNotFoundError:
        raise error(f"{name}: no such {what}") from None
    except IsADirectoryError:
        raise error(f"{name}: is a directory, not a {what}") from None
    except OSError as err:
        raise error(f"{name}: cannot read ({err.strerror or err})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise error(f"{name}:{line}: not UTF-8 (byte 0x{data[err.start]:02x}); save the {what} as UTF-8") from None


def _read_checked(path: str | Path) -> bytes:
    """The bytes of a file that a plain ``open`` did not read, or the InputError that says why."""
    name = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{name}: no such file or directory")
    if p.is_dir():
        raise InputError(f"{name}: is a directory")
    try:
        return p.read_bytes()
    except OSError as err:
        raise InputError(f"{name}: cannot read ({err.strerror or err})") from None


def read_document(path: str | Path, lang: str | None = None, data: bytes | None = None) -> Document:
    """Read one file (or ``data`` read from stdin) as a Document with its language resolved.

    Language: ``lang`` (the --lang option) if given, else the file name (``story.en.txt``), else detection.
    """
    name = str(path)
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except (OSError, ValueError):
            data = _read_checked(path)
    text, encoding, bom = decode(data, name)
    doc = Document(text=text, path=name, encoding=encoding, bom=bom, newline=dominant_newline(text))
    if lang:
        doc.lang, doc.lang_origin = normalize_language(lang), "option"
    elif (from_name := language_from_filename(name)) is not None:
        doc.lang, doc.lang_origin = from_name, "filename"
    else:
        doc.lang, doc.lang_origin = detect_language(text, name), "detected"
    return doc
