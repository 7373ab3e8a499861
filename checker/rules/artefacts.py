"""Translation artefacts: calques and source-inflected names. Untranslated text and mixed-script words are in
``untranslated.py``, duplicated text in ``duplicates.py``. Every word list lives in data
(``data/calques/<src>-<tgt>.tsv``, the name table and its inflection rules)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import lru_cache
from operator import attrgetter
from os.path import commonprefix

from .. import segments
from ..datafiles import package_file, tsv_rows
from ..documents import (
    language_name,
    main_script,
)
from ..findings import Applicability, Finding
from ..names import keys
from ..names.mentions import Mention, Mentions
from ..segments import paragraph_around
from . import Rule, register

# --------------------------------------------------------------------------------------------- calques


def _calques(target: str) -> tuple[re.Pattern | None, list[tuple[str, list[str], re.Pattern | None, bool, str]]]:
    """One regex with a group per calque of every ``data/calques/*-<target>.tsv``, and per group (source
    lang, alternatives, right-when regex, right inside quotes, source term)."""
    return _calque_data(target)[:2]


def _calque_matches(text: str, target: str) -> Iterator[re.Match]:
    """``_calques(target)[0].finditer(text)``, found faster: the calques with no group and after the
    character before them (``[^\\w-]``, what the grouped pattern's look-behind asks for) make a pattern
    that starts with a character class, which the regex engine scans for quickly and in which an
    alternative that starts with a letter is passed over at a glance (the grouped pattern enters every
    group at every position). Where it finds a calque, the grouped pattern is matched at the same place:
    a group changes no match."""
    pattern, _, fast, _ = _calque_data(target)
    if pattern is None:
        return
    if fast is None:
        yield from pattern.finditer(text)
        return
    pos = 0
    m = pattern.match(text, 0)
    if m is not None:
        yield m
        pos = m.end()
    regions = _candidate_regions(text, target)
    search = fast.search if regions is None else _region_search(text, fast, regions, _fast_reach(target))
    while True:
        f = search(text, pos - 1 if pos else 0)
        if f is None:
            return
        m = pattern.match(text, f.start() + 1)
        if m is None:  # cannot happen: both patterns say the same
            pos = f.start() + 2
            continue
        yield m
        pos = m.end() if m.end() > m.start() else m.end() + 1


#: The characters other than an ASCII letter and its capital that the regex engine, ignoring case, takes for
#: that letter (every code point checked: tests/rules/test_fast_formats.py).
_CASE_EXOTIC = ("\u0130", "\u0131", "\u017f", "\u212a")
#: An anchor shorter than this is too common to be worth finding first.
_ANCHOR_MIN = 4


def _candidate_regions(text: str, target: str) -> list[tuple[int, int]] | None:
    """Where the ``fast`` pattern of ``_calque_data`` can start a match in ``text``: the ranges ``[a, b]``
    (merged, in order) of starts from ``width + 1`` before to just at an occurrence of an anchor (a literal
    that every match of a calque holds, ``_anchors``); empty where no anchor occurs, None where the
    calques of ``target`` have no anchors or the text has a character that makes a case-blind ``find``
    unsure (``_CASE_EXOTIC``). An anchor whose case is ignored (ASCII) is found in the text as ASCII bytes,
    lower-cased, one byte a character (any other character a ``?``): faster than ``str.lower()``, and a
    case-blind regex is tried at every position."""
    got = _anchor_data(target)
    if got is None:
        return None
    exact, folded, width = got
    hits: list[int] = []
    if folded and any(c in text for c in _CASE_EXOTIC):
        return None
    ascii_exact = [w for w in exact if isinstance(w, bytes)]
    if folded or ascii_exact:
        from .formats import ascii_bytes

        raw = ascii_bytes(text)  # one byte a character: the offsets are the text's
        _find_all(raw, ascii_exact, hits)
        if folded:
            _find_all(raw.lower(), folded, hits)
    _find_all(text, [w for w in exact if isinstance(w, str)], hits)
    if not hits:
        return []
    hits.sort()
    out: list[list[int]] = []
    for q in hits:
        a = q - width - 1
        if out and a <= out[-1][1] + 1:
            out[-1][1] = q
        else:
            out.append([a if a > 0 else 0, q])
    return [(a, b) for a, b in out]


def _find_all(text: str, words, hits: list[int]) -> None:
    for w in words:
        i = text.find(w)
        while i >= 0:
            hits.append(i)
            i = text.find(w, i + 1)


def _region_search(text: str, fast: re.Pattern, regions: list[tuple[int, int]], reach: int):
    """``fast.search`` for a text whose every match starts in one of ``regions``: each region is searched
    up to ``reach`` characters past its last start, as far as a match tried there can read, so a match
    found there is the one the whole text's search finds."""
    n = len(text)
    firsts = [b for _, b in regions]

    def search(_text: str, x: int):
        for i in range(bisect_left(firsts, x), len(regions)):
            a, b = regions[i]
            f = fast.search(text, a if a > x else x, min(n, b + reach))
            if f is not None and f.start() <= b:
                return f
        return None

    return search


@lru_cache(maxsize=32)
def _anchor_data(target: str) -> tuple[tuple[str | bytes, ...], tuple[bytes, ...], int] | None:
    """(anchors to find as written (ASCII ones as bytes), anchors to find in the lower-cased ASCII text, the
    widest calque) for the
    calques of ``target``; None where a calque has no anchor of ``_ANCHOR_MIN`` characters or more or can be
    of any width."""
    _, _, fast, plain = _calque_data(target)
    if fast is None or _fast_reach(target) is None:
        return None
    exact, folded, width = set(), set(), 0
    for p in plain:
        got = _anchors(p)
        if got is None:
            return None
        for w, ci in got:
            (folded if ci else exact).add(w)
        hi = _reach(p)
        if hi is None:
            return None
        width = max(width, hi)
    exact, folded = _shared_prefixes(exact), _shared_prefixes(folded)
    return (tuple(w.encode("ascii") if w.isascii() else w for w in exact),
            tuple(w.encode("ascii") for w in folded), width)


def _shared_prefixes(words: set[str]) -> list[str]:
    """``words`` with those that begin alike (their first ``_ANCHOR_MIN + 2`` characters) replaced by what
    they have in common, and those that hold another dropped: fewer searches, each occurrence of a word
    still found (as one of the shorter)."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words):
        groups.setdefault(w[:_ANCHOR_MIN + 2], []).append(w)
    out = {commonprefix(g) for g in groups.values()}
    return sorted(w for w in out if not any(o != w and o in w for o in out))


@lru_cache(maxsize=32)
def _fast_reach(target: str) -> int | None:
    """How far past its start a match of ``target``'s ``fast`` pattern, tried anywhere, reads (look-aheads and
    word boundaries included, and one more character for ``$``), plus one; None where it is unbounded."""
    fast = _calque_data(target)[2]
    got = _reach(fast.pattern) if fast is not None else None
    return None if got is None else got + 2


def _reach(pattern: str) -> int | None:
    """The most characters a match of ``pattern`` reads from where it is tried, look-aheads included; None
    where that is unbounded or the pattern is not understood."""
    from re import _constants as c
    from re import _parser

    def reach(items) -> int | None:
        total = 0
        for op, av in items:
            if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
                total += 1
            elif op is c.AT:
                total += 2
            elif op in (c.ASSERT, c.ASSERT_NOT):
                direction, sub = av
                if direction < 0:
                    continue  # a look-behind reads before where it stands, never past it
                got = reach(sub.data)
                if got is None:
                    return None
                total += got
            elif op is c.SUBPATTERN:
                got = reach(av[3].data)
                if got is None:
                    return None
                total += got
            elif op is c.BRANCH:
                got = [reach(b.data) for b in av[1]]
                if None in got:
                    return None
                total += max(got)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
                lo, hi, sub = av
                got = reach(sub.data)
                if got is None or hi >= c.MAXREPEAT or hi > 1000:
                    return None
                total += got * hi
            else:
                return None
        return total

    try:
        return reach(_parser.parse(pattern).data)
    except Exception:  # noqa: BLE001 - a private module: without it, no shortcut
        return None


def _anchors(pattern: str) -> list[tuple[str, bool]] | None:
    """Literals, one of which every match of ``pattern`` holds: (literal, whether case is ignored, then
    lower-cased and ASCII); the set whose shortest literal is longest. None where there is none of
    ``_ANCHOR_MIN`` characters or more."""
    from re import _constants as c
    from re import _parser

    def best(cands):
        cands = [x for x in cands if x]
        return max(cands, key=lambda x: (min(len(w) for w, _ in x), -len(x)), default=None)

    def req(items, flags):
        cands, run, run_ci = [], [], False

        def flush():
            nonlocal run, run_ci
            if run:
                cands.append([("".join(run).lower() if run_ci else "".join(run), run_ci)])
            run, run_ci = [], False

        for op, av in items:
            if op is c.LITERAL:
                ch, ci = chr(av), bool(flags & re.IGNORECASE)
                if ci and not ch.isascii():
                    flush()
                    continue
                run.append(ch)
                run_ci = run_ci or ci
                continue
            flush()
            if op is c.SUBPATTERN:
                _, add, remove, sub = av
                cands.append(req(sub.data, (flags | add) & ~remove))
            elif op is c.BRANCH:
                got = [req(b.data, flags) for b in av[1]]
                if all(got):
                    cands.append([w for g in got for w in g])
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                cands.append(req(av[2].data, flags))
        flush()
        got = best([x for x in cands if x and min(len(w) for w, _ in x) >= _ANCHOR_MIN])
        return got

    try:
        parsed = _parser.parse(pattern)
        return req(parsed.data, parsed.state.flags)
    except Exception:  # noqa: BLE001 - a private module: without it, no shortcut
        return None


@lru_cache(maxsize=32)
def _calque_data(target: str) -> tuple[re.Pattern | None, list, re.Pattern | None, tuple[str, ...]]:
    """(grouped pattern, entries, the same calques without groups after ``[^\\w-]``, None where a calque
    refers to a group or matches nothing; the calques' patterns)."""
    entries, alts_re, plain = [], [], []
    folder = package_file("data", "calques")
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
            plain.append(pattern)
            entries.append((src, [a for a in alts.split("|") if a], right_re, "quote" in right.split("|"), note))
    if not entries:
        return None, [], None, ()
    grouped = re.compile(r"(?<![\w-])(?:" + "|".join(alts_re) + r")(?![\w-])")
    fast = None
    if not any(re.search(r"\\\d|\(\?P=|\(\?\(", p) or re.fullmatch(p, "") for p in plain):
        alternatives = "|".join(f"(?:{p})" for p in plain)
        fast = re.compile(r"[^\w-]" + _first_letters(alternatives) + "(?:" + alternatives + r")(?![\w-])")
    return grouped, entries, fast, tuple(plain)


def _first_letters(pattern: str) -> str:
    """A look-ahead for the characters a match of ``pattern`` can start with (``(?=[FK]|(?i:[sk]))``),
    from its parse; empty where that is not a short list of letters (a class, a category, a pattern that
    can match nothing). Case-insensitive letters are tested case-insensitively, as the pattern does."""
    from re import _constants as c
    from re import _parser

    def first(items, flags):  # (exact, case-insensitive, can match empty), or None
        exact, folded = set(), set()
        for op, av in items:
            if op is c.LITERAL:
                (folded if flags & re.IGNORECASE else exact).add(chr(av))
                return exact, folded, False
            if op is c.IN:
                if any(o is not c.LITERAL for o, _ in av):
                    return None
                (folded if flags & re.IGNORECASE else exact).update(chr(v) for _, v in av)
                return exact, folded, False
            if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
                continue
            if op is c.SUBPATTERN:
                _, add, remove, sub = av
                got = first(sub.data, (flags | add) & ~remove)
            elif op is c.BRANCH:
                got = [first(b.data, flags) for b in av[1]]
                if None in got:
                    return None
                got = (set().union(*(g[0] for g in got)), set().union(*(g[1] for g in got)), any(g[2] for g in got))
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
                lo, _, sub = av
                got = first(sub.data, flags)
                got = got and (got[0], got[1], got[2] or lo == 0)
            else:
                return None
            if got is None:
                return None
            exact |= got[0]
            folded |= got[1]
            if not got[2]:
                return exact, folded, False
        return exact, folded, True

    try:
        parsed = _parser.parse(pattern)
        got = first(parsed.data, parsed.state.flags)
    except Exception:  # noqa: BLE001 - a private module: without it, no look-ahead
        return ""
    if got is None or got[2] or not (got[0] or got[1]):
        return ""
    parts = [f"[{''.join(map(re.escape, sorted(got[0])))}]"] if got[0] else []
    parts += [f"(?i:[{''.join(map(re.escape, sorted(got[1])))}])"] if got[1] else []
    return "(?=" + "|".join(parts) + ")"


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
        for m in _calque_matches(text, ctx.lang):
            group = next(k for k, v in m.groupdict().items() if v is not None)
            src, alts, right_re, right_in_quote, term = entries[int(group[1:])]
            if src_lang and src != src_lang:
                continue
            if right_re is not None and right_re.search(paragraph_around(text, m.start(), m.end())):
                continue
            if right_in_quote:
                quotes = quotes if quotes is not None else segments.quoted_spans(text)
                if quotes.overlaps(m.start(), m.end()):
                    continue
            advice = [a for a in alts if not a.startswith("(")]
            what = f" ({language_name(src)} {term})" if term else ""
            if advice:
                msg = (f"{m.group(0)!r} is a word-for-word translation{what}; "
                       f"{language_name(ctx.lang)} copy writes {' or '.join(repr(a) for a in advice)}")
            else:
                msg = f"{m.group(0)!r} is a word-for-word translation{what}; {alts[0].strip('()')}"
            yield self.finding(ctx, m.start(), m.end(), msg, advice[:1] if len(advice) == 1 else advice,
                               Applicability.UNSAFE)


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
        Across scripts, a declined source name transliterated with its ending or with the ending chopped:
        "in Buchi" or "in Buch" for Ukrainian "в Бучі" (locative of Буча) where English writes "Bucha".
    Example:
        "Putins spokesman Dmitry Peskov declined to comment."
        Use instead: "Putin's spokesman Dmitry Peskov declined to comment."
    Fix safety:
        Unsafe: the base form is sure, but the sentence may need a possessive ('s) or another case.
    Data:
        The name table, the per-language case endings of ``data/names/keys/inflection.tsv`` and, across
        scripts, the transliteration keys (``names.inflection``).
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
        by_room = _endings_by_room(langs)
        longest = len(by_room) - 1
        text = ctx.doc.text
        flagged: set[int] = set()
        for m in _maybe_inflected(ctx.mentions, src_lang):
            t = m.text
            if (t == m.form) if m.infos else (not src_lang or m.keyed):
                continue  # neither case below: a listed name not inflected, or not listed and no source
            if " " in t or not t[:1].isupper() or t.endswith(("'s", "’s", "s'", "s’")) or "-" in t:
                continue
            # an ending of at most len(t) - 2 characters (lower() never shortens a word)
            if len(t) < 3 or not t.lower().endswith(by_room[min(longest, len(t) - 2)]):
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
                matching = [language_name(c) for c in langs if m.form in keys.base_forms(t, c)]
                lang = " or ".join(matching[:2]) if matching else None
            elif src_lang and not m.infos and not m.keyed:
                base = next((b for b in keys.base_forms(t, src_lang)[1:]
                             if len(b) >= 3 and len(t) - len(b) >= 2 and t.startswith(b[:-1])
                             and _is_word_of(text, b)), None)
                lang = language_name(src_lang)
            if not base or lang is None:
                continue
            ending = t[len(base):] if t.startswith(base) else t
            flagged.add(m.start)
            yield self.finding(
                ctx, m.start, m.end,
                f"{t!r} carries the {lang} case ending {ending!r}; "
                f"{language_name(ctx.lang)} copy writes {base!r}"
                + (" (with 's for a possessive)" if ctx.lang == "en" else ""),
                [base], Applicability.UNSAFE)
        if src_lang and main_script(ctx.source.text) != main_script(text):
            yield from self._transliterated(ctx, src_lang, flagged)

    def _transliterated(self, ctx, src_lang: str, flagged: set[int]) -> Iterator[Finding]:
        """Declined source names in another script rendered with (or chopped of) their case ending."""
        from ..names.inflection import transliterated_inflections

        found = transliterated_inflections(ctx.mentions, ctx.lang, ctx.source.text, src_lang, ctx.finder)
        if not found:
            return
        for m in ctx.mentions:
            if m.start in flagged or m.text not in found:
                continue
            word, base = found[m.text]
            yield self.finding(
                ctx, m.start, m.end,
                f"{m.text!r} renders the declined {language_name(src_lang)} {word!r} with its case ending "
                f"kept or cut; {language_name(ctx.lang)} copy writes {base!r}", [base], Applicability.UNSAFE)


def _maybe_inflected(mentions: Sequence[Mention], src_lang: str | None) -> Sequence[Mention]:
    """The mentions ``SourceInflectedName.check`` may flag, in text order. Without a source only the ones with
    table meanings can be (it skips a mention with neither ``infos`` nor ``keyed``), and a ``Mentions``
    sequence holds those as ``known``: its other candidates are then never made Mention objects. ``known``
    sorted by start (stably) is the order they have among all mentions, which are sorted so too."""
    if src_lang or not isinstance(mentions, Mentions):
        return mentions
    return sorted(mentions.known, key=attrgetter("start"))


@lru_cache(maxsize=32)
def _endings(langs: tuple[str, ...]) -> frozenset[str]:
    """The case endings of ``langs`` (``data/names/keys/inflection.tsv``)."""
    return frozenset(r[1].lower() for r in keys._rows("inflection.tsv", 5) if r[0] in langs and r[1])


@lru_cache(maxsize=32)
def _endings_by_room(langs: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Per room ``k`` (0 up to the longest ending): the endings of ``langs`` of at most ``k`` characters, for
    one ``str.endswith``."""
    endings = _endings(langs)
    longest = max(map(len, endings), default=0)
    return tuple(tuple(sorted(e for e in endings if len(e) <= k)) for k in range(longest + 1))


def _is_letter(ch: str) -> bool:
    """A character of ``segments.LETTERS`` (``[^\\W\\d_]``: a word character, not a decimal digit)."""
    return ch.isalnum() and not ch.isdecimal()


def _is_word_of(text: str, word: str) -> bool:
    """True when ``word`` is one of ``segments.LETTERS.findall(text)`` (a whole run of letters there),
    found with ``str.find`` instead of listing every word of the text."""
    if not word or not all(map(_is_letter, word)):
        return False
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not _is_letter(text[i - 1])) and (j == len(text) or not _is_letter(text[j])):
            return True
        i = text.find(word, i + 1)
    return False
