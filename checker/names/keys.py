"""Transliteration-aware phonetic keys for name mentions, and inflection-aware base forms.

Every rule lives in data files under ``checker/data/names/keys/`` (read lazily, once):

* ``scripts.tsv``      Cyrillic transliteration scheme per language (schemes of
  :mod:`checker.names.translit`), and letters that identify a Cyrillic orthography;
* ``orthography.tsv``  per-language spelling rules (German sch/tsch/w/z, Polish ch/ó/ł, Czech/Slovak
  háček letters, French ou/ch/j, Greek digraphs, ...), applied first where the language is known;
* ``fold.tsv``         the language-independent fold (diacritics, y/i/j, doubled letters, s/z, ts/tz/c,
  kh/h, w/v, ...; the digraphs of Latin orthographies except for a name in an abjad), and the consonant
  skeletons used for cross-script comparison (the syllabic one for Chinese, kana and hangul);
* ``inflection.tsv``   case endings -> nominative endings per language (longest ending wins).

Pipeline of :func:`token_key`: NFC + casefold -> ``native`` rules of the language (and of ``*``) ->
Cyrillic transliteration by the language's scheme -> ``translit`` rules -> ``anyascii`` -> lowercase
(-> ``pinyin`` rules for Chinese characters) -> fold rules (less the digraph rules for an abjad or an
Indic script). So ``Zelenskyy``, ``Zelenskiy`` (en), ``Selenskyj`` (de), ``Zełenski`` (pl),
``Zelenskyj`` (cs), ``Зеленський`` (uk) and ``Зеленский`` (ru) all get the key ``selenski``, while
``Zelenska`` (``selenska``), ``Scholz``/``Schulz`` and ``Putin``/``Pushkin`` stay apart.

Keys are computed for every mention of every document: token-level results are cached and the
rules are compiled on first use; importing this module does no work.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..datafiles import package_file

__all__ = [
    "token_key",
    "name_key",
    "prime_token_keys",
    "prime_name_keys",
    "skeleton",
    "skeleton_of_key",
    "skeletons",
    "syllabic_skeleton_of_key",
    "loose_key",
    "stem_keys",
    "latin_form",
    "name_skeleton",
    "base_forms",
    "base_keys",
    "tokenize",
    "same_entity_score",
    "script_of",
]

# an inflection ending attached with a hyphen to an abbreviation or number (SAD-a, NATO-u, G20-ем)
_HYPHEN_ENDING = re.compile(r"(?<=[A-Z0-9\u0400-\u042F])-(?=[a-z\u0430-\u045F]{1,3}\b)")
#: Combining marks that belong to a word though ``\w`` leaves them out: the vowel signs and viramas of
#: the Indic, Sinhala, Thai, Lao, Tibetan and Myanmar blocks, Hebrew points and Arabic harakat, combining
#: diacritics (a decomposed é). Without them "बर्नि" (Bernie) fell apart into "ब", "र", "नि".
_MARKS = "\u0300-\u036F\u0591-\u05C7\u064B-\u065F\u0670\u0900-\u0DFF\u0E00-\u0FFF\u1000-\u109F"
_TOKEN_SPLIT = re.compile(rf"[^\w{_MARKS}'’.\-\u2010]+|(?<=\w)[.\-–—](?=\w)|(?<!\w)[.\-–—']+|[.\-–—']+(?!\w)")
_CYRILLIC = re.compile(r"[\u0400-\u04FF\u0500-\u052F]")
#: A Chinese character (CJK Unified Ideographs and Extension A, Compatibility Ideographs).
_HAN = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")
#: A letter of a script whose vowels anyascii leaves out between consonants: an abjad (Hebrew, Arabic,
#: Persian, Urdu, Syriac, Thaana: short vowels go unwritten) or an Indic script (the inherent a of
#: Devanagari, Bengali, Tamil, ... : टस्क = tsk, Tusk).
_UNWRITTEN_VOWELS = re.compile(r"[\u0590-\u07BF\u0860-\u08FF\u0900-\u0DFF\uFB1D-\uFDFF\uFE70-\uFEFF]")


def _data_text(name: str) -> str:
    return package_file("data", "names", "keys", name).read_text(encoding="utf-8")


def _rows(name: str, ncols: int) -> list[list[str]]:
    """Data rows of a TSV file: comments (#) and blank lines skipped, padded to ``ncols`` columns."""
    out = []
    for line in _data_text(name).splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.split("\t")
        out.append((cols + [""] * ncols)[:ncols])
    return out


@dataclass
class _Rules:
    schemes: dict[str, str] = field(default_factory=dict)
    guesses: list[tuple[str, str]] = field(default_factory=list)
    #: languages whose г is written h (scripts.tsv)
    g_as_h: set[str] = field(default_factory=set)
    # rules as read (lists of (pattern, replacement, first characters)); _rules() makes them _RuleLists
    native: dict = field(default_factory=dict)
    translit: dict = field(default_factory=dict)
    pinyin: dict = field(default_factory=dict)
    fold: Any = field(default_factory=list)
    #: the fold without the digraph rules, for names written in an abjad or an Indic script
    fold_unvowelled: Any = field(default_factory=list)
    skeleton: Any = field(default_factory=list)
    loose: Any = field(default_factory=list)
    syllabic: Any = field(default_factory=list)
    syllabic_skeleton: Any = field(default_factory=list)
    # lang -> ending -> [(replacement or None for "already a base form", min_stem)]
    inflection: dict[str, dict[str, list[tuple[str | None, int]]]] = field(default_factory=dict)
    max_ending: dict[str, int] = field(default_factory=dict)
    #: the native rules that can apply to an ASCII word (their pattern may start with an ASCII letter)
    native_ascii: dict = field(default_factory=dict)


def _sub_repl(repl: str) -> str:
    # data files write back-references as \1; keep them, escape nothing else
    return repl


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    r = _Rules()
    for kind, key, value in _rows("scripts.tsv", 3):
        if kind == "scheme":
            r.schemes[key] = value
        elif kind == "guess":
            r.guesses.append((key, value))
        elif kind == "g-as-h":
            r.g_as_h.add(key)
    for stage, lang, pat, repl, _note in _rows("orthography.tsv", 5):
        target = {"native": r.native, "translit": r.translit, "pinyin": r.pinyin}[stage]
        target.setdefault(lang, []).append(_compile_rule(pat, _sub_repl(repl)))
    for stage, pat, repl, _note in _rows("fold.tsv", 4):
        rule = _compile_rule(pat, _sub_repl(repl))
        if stage in ("fold", "digraph"):
            r.fold.append(rule)
            if stage == "fold":
                r.fold_unvowelled.append(rule)
        else:
            {"skeleton": r.skeleton, "loose": r.loose, "syllabic": r.syllabic,
             "syllabic-skeleton": r.syllabic_skeleton}[stage].append(rule)
    for lang, ending, repl, min_stem, _note in _rows("inflection.tsv", 5):
        ending = ending.lower()
        rep = None if repl == "=" else repl
        lst = r.inflection.setdefault(lang, {}).setdefault(ending, [])
        item = (rep, int(min_stem or 1))
        if item not in lst:
            lst.append(item)
        r.max_ending[lang] = max(r.max_ending.get(lang, 0), len(ending))
    r.native_ascii = {lang: _RuleList([rule for rule in rules if rule[2] is None or not rule[2].isdisjoint(_ASCII)])
                      for lang, rules in r.native.items()}
    r.native = {lang: _RuleList(rules) for lang, rules in r.native.items()}
    r.translit = {lang: _RuleList(rules) for lang, rules in r.translit.items()}
    r.pinyin = {lang: _RuleList(rules) for lang, rules in r.pinyin.items()}
    r.fold, r.skeleton, r.loose = _RuleList(r.fold), _RuleList(r.skeleton), _RuleList(r.loose)
    r.fold_unvowelled = _RuleList(r.fold_unvowelled)
    r.syllabic, r.syllabic_skeleton = _RuleList(r.syllabic), _RuleList(r.syllabic_skeleton)
    return r


_GROUP_ONLY = re.compile(r"\\(\d)")
_ASCII = frozenset(map(chr, range(128)))
_REGEX_SYNTAX = frozenset("\\.^$*+?{}[]|()")


def _compile_rule(pattern: str, repl: str) -> tuple:
    """(matcher, replacement, first characters) of one rule. A plain-letter pattern with a plain
    replacement is applied with ``str.replace`` (the same result, several times faster than a regex)."""
    if not _REGEX_SYNTAX.intersection(pattern) and "\\" not in repl:
        return pattern, repl, frozenset(pattern[0])
    group = _GROUP_ONLY.fullmatch(repl)
    if group:  # a replacement that is one group (\1): a callable skips re's template handling per call
        return re.compile(pattern), operator.itemgetter(int(group.group(1))), _first_chars(pattern)
    return re.compile(pattern), repl, _first_chars(pattern)


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None when that is not a small known
    set. Lets ``_apply`` skip a rule without running it: most rules concern letters a word lacks."""
    from re import _constants as c
    from re import _parser

    try:
        items = list(_parser.parse(pattern))
    except Exception:  # noqa: BLE001 - an exotic pattern: always run it
        return None
    return _first_of(items, c)


def _first_of(items, c) -> frozenset[str] | None:
    """``_first_chars`` of a parsed pattern (a group's first characters are its first item's)."""
    for op, av in items:
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # anchors and look-arounds consume nothing
        if op is c.SUBPATTERN:
            return _first_of(list(av[3]), c)
        if op is c.LITERAL:
            return frozenset(chr(av))
        if op is c.IN:
            chars = set()
            for iop, iav in av:
                if iop is c.LITERAL:
                    chars.add(chr(iav))
                elif iop is c.RANGE and iav[1] - iav[0] < 512:
                    chars.update(chr(x) for x in range(iav[0], iav[1] + 1))
                else:
                    return None  # negated sets, categories, wide ranges
            return frozenset(chars)
        return None
    return None


class _RuleList:
    """Rewrite rules applied in file order, each skipped while the string lacks every character its
    match could start with (most rules concern letters a word lacks): a bit per rule, a mask per
    character, so a key costs the few regex calls that can change it."""

    __slots__ = ("subs", "bits", "always", "_lines_subs")

    def __init__(self, rules: list[tuple]) -> None:
        self.subs = [(pat, repl) for pat, repl, _first in rules]
        self._lines_subs: list[tuple] | None = None
        self.bits: dict[str, int] = {}
        self.always = 0
        for i, (_pat, _repl, first) in enumerate(rules):
            if first is None:
                self.always |= 1 << i
            else:
                for ch in first:
                    self.bits[ch] = self.bits.get(ch, 0) | 1 << i

    def apply_lines(self, joined: str) -> str:
        """``apply`` to every line of a newline-joined block of strings at once: each rule runs once over
        the block, in C. Rules are rewritten so that no match crosses or eats a line break (``^``/``$``
        per line, negated classes never match "\\n"); a rule that cannot be rewritten runs line by line."""
        for pat, repl in self.lines_subs:
            if type(pat) is str:
                joined = joined.replace(pat, repl)
            elif pat is None:
                joined = "\n".join(repl.apply(line) for line in joined.split("\n"))
            else:
                joined = pat.sub(repl, joined)
        return joined

    @property
    def lines_subs(self) -> list[tuple]:
        """The rules rewritten for ``apply_lines`` (built on first use)."""
        if self._lines_subs is None:
            self._lines_subs = [_line_safe(pat, repl) for pat, repl in self.subs]
        return self._lines_subs

    def apply(self, s: str) -> str:
        get = self.bits.get
        mask = self.always
        for ch in set(s):
            mask |= get(ch, 0)
        subs = self.subs
        while mask:
            low = mask & -mask
            mask ^= low
            pat, repl = subs[low.bit_length() - 1]
            new = s.replace(pat, repl) if type(pat) is str else pat.sub(repl, s)
            if new != s:  # new letters may wake later rules
                later = ~((low << 1) - 1)
                for ch in set(new).difference(s):
                    mask |= get(ch, 0) & later
                s = new
        return s


#: Pattern syntax whose meaning changes when several strings are joined by line breaks and matched at once.
_LINE_UNSAFE = re.compile(r"\\[AZWSsD]|\\\[|\\n|\(\?[a-zA-Z]*s")


def _line_safe(pat, repl) -> tuple:
    """One rule for ``_RuleList.apply_lines``: a literal as it is; a regex with multi-line anchors and
    "\\n" added to its negated classes (so it sees each line as the whole string); else (None, a
    one-rule list) to run line by line."""
    if type(pat) is str:
        return (pat, repl) if "\n" not in pat else (None, _RuleList([(pat, repl, None)]))
    source = pat.pattern
    if _LINE_UNSAFE.search(source) or pat.flags & re.S:
        return None, _RuleList([(pat, repl, None)])
    return re.compile(source.replace("[^", "[^\\n"), pat.flags | re.M), repl


def _apply(rules: _RuleList | None, s: str) -> str:
    return rules.apply(s) if rules is not None else s


def _cyrillic_scheme(word: str, lang: str | None, r: _Rules) -> str:
    if lang and lang in r.schemes:
        return r.schemes[lang]
    for letters, guess in r.guesses:
        if any(ch in letters for ch in word):
            return r.schemes.get(guess, r.schemes["default"])
    return r.schemes["default"]


@lru_cache(maxsize=200_000)
def _latin(token: str, lang: str | None) -> str:
    """The token after language rules, transliteration and anyascii: lowercase, may contain non a-z."""
    from anyascii import anyascii

    r = _rules()
    if token.isascii():  # most names in Latin-script copy: no normalisation, script or anyascii work
        s = token.lower()
        if lang:
            s = _apply(r.native_ascii.get(lang), s)
        s = _apply(r.native_ascii.get("*"), s)
        return s.lower() if s.isascii() else anyascii(s).lower()
    # the language's rules read its own letters first: Czech ch is /x/, but the ch that the rules of
    # every language write for č is /tʃ/ (Šefčovič, not Šefchovikh)
    s = unicodedata.normalize("NFC", token).casefold()
    if lang:
        s = _apply(r.native.get(lang), s)
    s = _apply(r.native.get("*"), s)
    if _CYRILLIC.search(s):
        from checker.names.translit import transliterate

        s = transliterate(s, _cyrillic_scheme(s, lang, r)).lower()
        s = _apply(r.translit.get("*"), s)
        if lang:
            s = _apply(r.translit.get(lang), s)
    if _HAN.search(s):  # Chinese characters: anyascii writes their pinyin
        return _apply(r.pinyin.get("*"), anyascii(s).lower())
    return anyascii(s).lower()


#: language or None → token → key: filled one token at a time by ``token_key`` and in blocks by
#: ``prime_token_keys``; emptied when it grows past ``_KEY_CACHE_MAX`` tokens (a long batch run).
_TOKEN_KEYS: dict[str | None, dict[str, str]] = {}
_KEY_CACHE_MAX = 400_000
#: Below this many new tokens the block path is not worth its joins and splits.
_PRIME_MIN = 2


def _key_cache(lang: str | None, adding: int = 1) -> dict[str, str]:
    cache = _TOKEN_KEYS.get(lang)
    if cache is None:
        cache = _TOKEN_KEYS[lang] = {}
    elif len(cache) + adding > _KEY_CACHE_MAX:
        cache.clear()
    return cache


def token_key(token: str, lang: str | None = None) -> str:
    """Transliteration-aware phonetic key of one name token (a word).

    >>> token_key("Selenskyj", "de") == token_key("Zelenskyy", "en") == token_key("Зеленський", "uk")
    True
    """
    lang = lang or None
    cache = _TOKEN_KEYS.get(lang)
    key = cache.get(token) if cache is not None else None
    if key is None:
        r = _rules()
        fold = r.fold_unvowelled if not token.isascii() and _UNWRITTEN_VOWELS.search(token) else r.fold
        key = _key_cache(lang)[token] = _apply(fold, _latin(token, lang))
    return key


def prime_token_keys(tokens, lang: str | None = None) -> None:
    """Work out the keys of many tokens at once and cache them for ``token_key``: the same keys, with
    each rule run once over the newline-joined block of plain-ASCII tokens (most words of Latin-script
    copy) instead of once per token. A document's candidate words are keyed this way."""
    lang = lang or None
    todo = set(tokens).difference(_TOKEN_KEYS.get(lang, ()))
    if len(todo) < _PRIME_MIN:
        for t in todo:
            token_key(t, lang)
        return
    todo = list(todo)  # lines are keyed independently: their order does not matter
    block = "\n".join(todo)
    if not block.isascii() or len(todo) != block.count("\n") + 1:
        plain = []
        for t in todo:
            if t.isascii() and "\n" not in t:
                plain.append(t)
            else:
                token_key(t, lang)
        todo = plain
        block = "\n".join(todo)
    r = _rules()
    block = block.lower()
    for rules in (r.native_ascii.get(lang) if lang else None, r.native_ascii.get("*")):
        if rules is not None:
            block = rules.apply_lines(block)
    if block.isascii():
        block = block.lower()
    else:
        from anyascii import anyascii

        block = "\n".join(s.lower() if s.isascii() else anyascii(s).lower() for s in block.split("\n"))
    folded = r.fold.apply_lines(block).split("\n")
    if len(folded) != len(todo):  # a rule wrote or removed a line break: one token at a time
        for t in todo:
            token_key(t, lang)
        return
    _key_cache(lang, len(todo)).update(zip(todo, folded, strict=True))


def prime_name_keys(names) -> None:
    """``prime_token_keys`` for the tokens of many names, ahead of their ``name_key`` (no language)."""
    prime_token_keys(token for name in names for token in tokenize(name))


def latin_form(token: str, lang: str | None = None) -> str:
    """The token after language rules, transliteration and anyascii, before the fold (lowercase)."""
    return _latin(token, lang or None)


@lru_cache(maxsize=200_000)
def skeleton_of_key(key: str) -> str:
    """Consonant skeleton of a key (vowels dropped; l/r, p/f/b/v, k/g, t/d merged; h dropped)."""
    return _apply(_rules().skeleton, key)


@lru_cache(maxsize=200_000)
def syllabic_skeleton_of_key(key: str) -> str:
    """The consonant skeleton that a name and its transcription in a syllabic script (Chinese, kana,
    hangul) share: the skeleton of the key with syllable-final ng a nasal, without r and l
    (``syllabic`` stages of ``fold.tsv``): Sanders and 桑德斯 (sangdesi) are both "snts"."""
    r = _rules()
    return _apply(r.syllabic_skeleton, _apply(r.skeleton, _apply(r.syllabic, key)))


@lru_cache(maxsize=200_000)
def loose_key(key: str) -> str:
    """A key with vowels reduced to two classes (a/o/u and e/i), for cross-script comparison."""
    return _apply(_rules().loose, key)


@lru_cache(maxsize=200_000)
def stem_keys(token: str, lang: str | None = None) -> frozenset[str]:
    """Keys of the token and of the token minus each listed case ending of ``lang`` (every length).

    Two inflected forms of one name share a stem key (``Streamu`` / ``Streamem`` -> ``stream``),
    while ``Biela`` / ``Bielan`` do not (``-n`` is not an ending).
    """
    r = _rules()
    out = {token_key(f, lang) for f in _base_forms(token, lang or "")}
    table = r.inflection.get(lang or "")
    if table:
        low = token.lower()
        for n in range(1, min(r.max_ending.get(lang or "", 0), len(low) - 2) + 1):
            stem = token[:-n]
            for rep, ms in table.get(low[-n:], ()):
                if rep is not None and len(stem) >= ms:
                    out.add(token_key(stem + rep, lang))
    # the fleeting e of Slavic declension: Aleksander, Aleksandra; Karel, Karla; Marek, Marka
    out |= {_FLEETING_E.sub(r"\1", k) for k in out if len(k) >= 5 and _FLEETING_E.search(k)}
    out.discard("")
    return frozenset(out)


#: An e between two consonants before a final l, r, n, k or c, which Slavic declension drops.
_FLEETING_E = re.compile(r"(?<=[^aeiou])e([lrnkc])$")


def skeletons(token: str, lang: str | None = None, key: str | None = None) -> frozenset[str]:
    """The consonant skeletons a token may have: its key's, and where the language writes г as h
    (scripts.tsv ``g-as-h``: Ukrainian Геремек = heremek) the one with that h read as g (krmk, not rmk:
    the skeleton drops h)."""
    key = token_key(token, lang) if key is None else key
    out = {skeleton_of_key(key)}
    if lang in _rules().g_as_h and "h" in key:
        out.add(skeleton_of_key(key.replace("h", "g")))
    return frozenset(out)


def skeleton(token: str, lang: str | None = None) -> str:
    """Consonant skeleton of a token's key, for comparing transcriptions across scripts."""
    return skeleton_of_key(token_key(token, lang))


def tokenize(name: str) -> list[str]:
    """Split a name into word tokens: whitespace, punctuation, hyphens between words, quotes.

    Apostrophes inside a word are kept (``Farage'a``, ``O'Brien``) for :func:`base_forms`.
    """
    if name.isalpha():  # one plain word: most names
        return [name]
    name = _HYPHEN_ENDING.sub("\u2010", name)  # protect: joined again below
    toks = [t for t in _TOKEN_SPLIT.split(name) if t and any(ch.isalnum() for ch in t)]
    return [t.replace("\u2010", "-") for t in toks]


@lru_cache(maxsize=200_000)
def name_key(name: str, lang: str | None = None) -> str:
    """Space-joined token keys of a (multi-word) name."""
    return " ".join(k for k in (token_key(t, lang) for t in tokenize(name)) if k)


@lru_cache(maxsize=1)
def rules_digest() -> str:
    """Digest of everything a key depends on: this module and the key and transliteration data."""
    root = package_file()
    parts = [Path(__file__).read_bytes()]
    for folder in (("data", "names", "keys"), ("data", "translit"), ("data", "translit", "custom")):
        d = root.joinpath(*folder)
        for entry in sorted(d.iterdir(), key=lambda p: p.name):
            if entry.is_file():
                parts.append(entry.name.encode() + entry.read_bytes())
    from .. import cache

    return cache.digest(*parts)


def name_keys(names: list[str]) -> dict[str, str]:
    """``name_key`` of many names at once, read from the on-disk cache when the same names were keyed
    by the same rules before (the table's forms at every start-up)."""
    from .. import cache

    names = sorted(set(names))
    key = cache.digest(rules_digest(), "\n".join(names))
    cached = cache.load("name-keys", key)
    if isinstance(cached, dict) and len(cached) == len(names):
        return cached
    result = {n: name_key(n) for n in names}
    cache.store("name-keys", key, result, keep=8)
    return result


def name_skeleton(name: str, lang: str | None = None) -> str:
    return " ".join(k for k in (skeleton(t, lang) for t in tokenize(name)) if k)


@lru_cache(maxsize=200_000)
def _base_forms(token: str, lang: str) -> tuple[str, ...]:
    r = _rules()
    table = r.inflection.get(lang)
    out = [token]
    if not table:
        return tuple(out)
    low = token.lower()
    for n in range(min(r.max_ending.get(lang, 0), len(low) - 1), 0, -1):
        ending = low[-n:]
        rules = table.get(ending)
        if not rules:
            continue
        stem = token[:-n]
        usable = [(rep, ms) for rep, ms in rules if len(stem) >= ms]
        if not usable:
            continue
        for rep, _ms in usable:
            if rep is None:
                continue
            if rep and stem[-1:].isupper() and (len(stem) > 1 and stem.isupper()):
                rep = rep.upper()
            cand = stem + rep
            if cand not in out:
                out.append(cand)
        break
    return tuple(out)


def base_forms(token: str, lang: str) -> tuple[str, ...]:
    """Candidate base (nominative) forms of an inflected name token in ``lang`` (cached: a tuple).

    The first element is the token itself (it may already be the base form); the others come from
    the longest matching ending of ``inflection.tsv``:
    ``base_forms("Selenskyjs", "de") == ("Selenskyjs", "Selenskyj")``,
    ``base_forms("Zełenskiego", "pl") == ("Zełenskiego", "Zełenski")``.
    """
    return _base_forms(token, lang or "")


@lru_cache(maxsize=200_000)
def base_keys(token: str, lang: str | None = None) -> tuple[str, ...]:
    """Keys of the token and of its candidate base forms (token's own key first), deduplicated."""
    seen: list[str] = []
    for form in _base_forms(token, lang or ""):
        k = token_key(form, lang)
        if k and k not in seen:
            seen.append(k)
    return tuple(seen)


def script_of(text: str) -> str:
    """The script of a string's first letter (``documents.letter_script``): 'Latin', 'Cyrillic', 'Greek',
    'Hebrew', 'Arabic', 'Devanagari', 'Georgian', 'Cjk', ...; 'none' for a string without letters."""
    from ..documents import letter_script

    for ch in text:
        if ch.isalpha():
            return letter_script(ch)
    return "none"


def same_entity_score(a: str, b: str, lang_a: str | None = None, lang_b: str | None = None) -> float:
    """Similarity in [0, 1] of two names as the same entity, on their inflection-aware keys.

    Tokens are compared by their best-matching base-form keys (rapidfuzz ratio); scripts that differ
    are compared on consonant skeletons as well, since transcriptions disagree most on vowels.
    1.0 means the keys are equal.
    """
    from rapidfuzz import fuzz

    ta, tb = tokenize(a), tokenize(b)
    if not ta or not tb:
        return 0.0
    ka = [base_keys(t, lang_a) for t in ta]
    kb = [base_keys(t, lang_b) for t in tb]
    cross = script_of(a) != script_of(b)

    def tok_sim(x: tuple[str, ...], y: tuple[str, ...], tx: str, ty: str) -> float:
        best = max((fuzz.ratio(p, q) for p in x for q in y), default=0.0) / 100.0
        if cross and best < 1.0:
            sx, sy = skeleton(tx, lang_a), skeleton(ty, lang_b)
            if sx and sx == sy:
                best = max(best, 0.9)
        return best

    # align the shorter name's tokens to the longer one's, in order (surname-only mentions, middle names)
    short, long_ = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    st, lt = (ta, tb) if len(ka) <= len(kb) else (tb, ta)
    total = 0.0
    j0 = 0
    for i, x in enumerate(short):
        best, best_j = 0.0, j0
        for j in range(j0, len(long_) - (len(short) - 1 - i)):
            s = tok_sim(x, long_[j], st[i], lt[j]) if short is ka else tok_sim(long_[j], x, lt[j], st[i])
            if s > best:
                best, best_j = s, j
        total += best
        j0 = best_j + 1
    score = total / len(short)
    if len(short) != len(long_):
        score *= 0.95
    return score
