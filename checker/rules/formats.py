"""Format rules: dates, times, numbers, currencies and quotation marks written the way another language
writes them. Every convention comes from ``data/formats/<lang>.yml`` (built from CLDR by
``scripts/build_format_data.py``); each rule runs a few compiled regular expressions over the whole text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import chain

from ..datafiles import package_file
from ..documents import frequent_words
from ..findings import Applicability, Edit, Finding
from . import Rule, register
from .names import language_name

_DIGIT = re.compile(r"\d")


def per_text(fn):
    """Cache ``fn(text)`` for the last four text objects, found by identity: the rules of one document pass
    the same string, and an ``lru_cache`` would hash it (a pass over a whole file, the first time per
    string) and compare it on every lookup."""
    slots: list[tuple[str, object]] = []

    def cached(text: str):
        for t, v in slots:
            if t is text:
                return v
        v = fn(text)
        slots.insert(0, (text, v))
        del slots[4:]
        return v

    cached.cache_clear = slots.clear
    cached.__wrapped__ = fn
    cached.__doc__ = fn.__doc__
    cached.__name__ = fn.__name__
    return cached


@per_text
def _has_digits(text: str) -> bool:
    return _DIGIT.search(text) is not None


@cache
def _all_fmt_data() -> dict[str, dict]:
    """Every ``data/formats/<lang>.yml``, parsed once and then read back from the on-disk cache (JSON,
    named by a digest of the files), so start-up neither imports nor runs the YAML parser."""
    from .. import cache

    folder = package_file("data", "formats")
    files = sorted((p.name, p.read_bytes()) for p in folder.iterdir() if p.name.endswith(".yml"))
    key = cache.digest(*(name.encode() + b"\0" + data for name, data in files))
    data = cache.load("formats", key)
    if isinstance(data, dict) and len(data) == len(files):
        return data
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = {name[:-4]: yaml.load(raw.decode("utf-8"), Loader=loader) for name, raw in files}
    cache.store("formats", key, data, keep=4)  # a new entry per change of the data files: keep a few
    return data


def fmt_data(lang: str) -> dict | None:
    """The conventions of ``lang`` (``data/formats/<lang>.yml``), or None for a language without a file."""
    return _all_fmt_data().get(lang)


@cache
def format_languages() -> tuple[str, ...]:
    return tuple(sorted(_all_fmt_data()))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _who(langs: list[str], source_lang: str | None) -> str:
    """'German' / 'German, Czech and Polish': the source language first."""
    ordered = sorted(langs, key=lambda c: (c != source_lang, c))
    names = [language_name(c) for c in ordered[:4]]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _source_lang(ctx) -> str | None:
    return ctx.source.lang if ctx.source is not None else None


def _month_names(lang: str) -> list[list[str]]:
    d = fmt_data(lang)["dates"]
    return [sorted(set(w) | set(a)) for w, a in zip(d["months"], d["months_abbreviated"], strict=True)]


def _long_date(lang: str, day: int, month: int, year: str | None) -> list[str]:
    """The date in each of the language's CLDR long patterns ('January 6, 2026', '6 January 2026')."""
    d = fmt_data(lang)["dates"]
    out = []
    for pat in d["long_patterns"]:
        if year is None:
            pat = re.sub(r"[\s,]*y+[^dM]*$", "", pat).strip()
        text = re.sub(r"'([^']*)'|MMMM|d+|y+",
                      lambda m: m.group(1) if m.group(1) is not None else
                      {"M": d["months"][month - 1][0], "d": str(day), "y": year or ""}[m.group(0)[0]], pat)
        out.append(text)
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- the number view
# Every date, number, amount and time pattern holds a digit: the rules scan only windows around the digit runs
# of the text (one fast regex), joined into a much shorter string, and map match offsets back.

_DIGITS = re.compile(r"\d[\d.,:/\u00a0\u202f-]*")
#: ``_DIGITS`` for a text whose decimal digits are all 0-9: the search tests a class of ten, not the Unicode
#: category of every character.
_ASCII_DIGITS = re.compile(r"[0-9][0-9.,:/\u00a0\u202f-]*")
_WINDOW = 24


@per_text
def ascii_bytes(text: str) -> bytes:
    """``text`` as ASCII bytes, one a character (any other character a ``?``): offsets are the text's. Shared
    by the rules that search a text for ASCII words with ``bytes.find`` (ART001) or ask it for non-ASCII
    characters."""
    return text.encode("ascii", "replace")


def _only_ascii_digits(text: str) -> bool:
    """True when every decimal digit of ``text`` (``\\d``) is one of 0-9: none of the characters that
    ``ascii_bytes`` writes as ``?`` is a digit."""
    if text.isascii():
        return True
    raw = ascii_bytes(text)
    i = raw.find(b"?")
    while i >= 0:
        if text[i] != "?" and text[i].isdecimal():
            return False
        i = raw.find(b"?", i + 1)
    return True


class _Hit:
    """A match in the view, with offsets into the full text."""

    __slots__ = ("m", "k")

    def __init__(self, m: re.Match, k: int) -> None:
        self.m, self.k = m, k

    def group(self, *g):
        return self.m.group(*g)

    def start(self, g=0) -> int:
        return self.m.start(g) + self.k

    def end(self, g=0) -> int:
        return self.m.end(g) + self.k


@per_text
def _view(text: str) -> tuple[str, list[int], list[int]]:
    """(joined windows, their starts in the view, their starts in the text)."""
    spans: list[list[int]] = []
    n = len(text)
    for m in (_ASCII_DIGITS if _only_ascii_digits(text) else _DIGITS).finditer(text):
        s, e = m.span()
        s, e = (s - _WINDOW if s > _WINDOW else 0), (e + _WINDOW if e + _WINDOW < n else n)
        if spans and s <= spans[-1][1]:  # the window joins the one before: its word boundary does not matter
            spans[-1][1] = e
            continue
        if s:  # start the window on a word boundary: after the last white space of the 32 characters before
            lim = s - 32 if s > 32 else 0
            piece = text[lim:s]
            if not piece[-1].isspace():
                tail = piece.rsplit(None, 1)
                s = s - len(tail[-1]) if len(tail) == 2 or piece[0].isspace() else lim
        if spans and s <= spans[-1][1]:
            spans[-1][1] = e
        else:
            spans.append([s, e])
    parts, vstarts, tstarts, pos = [], [], [], 0
    for s, e in spans:
        parts.append(text[s:e])
        vstarts.append(pos)
        tstarts.append(s)
        pos += e - s + 1
    return "\n".join(parts), vstarts, tstarts


_RUN = re.compile(r"\d+")


def _run_starts(text: str) -> tuple[list[int], list[int]]:
    """Where each run of digits of the view starts: all, and those after no word character, dot or comma."""
    return _runs(text)[0]


@per_text
def _runs(text: str) -> tuple[tuple[list[int], list[int]], tuple[dict[str, list[int]], dict[str, list[int]]]]:
    """(``_run_starts``, the same starts by the character right after their run in the view: '' for a run
    that ends the view, each list in order), from one scan of the view."""
    view = _view(text)[0]
    n = len(view)
    starts: list[int] = []
    free_starts: list[int] = []
    every: dict[str, list[int]] = {}
    free: dict[str, list[int]] = {}
    for m in _RUN.finditer(view):
        a, e = m.span()
        c = view[e] if e < n else ""
        starts.append(a)
        got = every.get(c)
        if got is None:
            every[c] = [a]
        else:
            got.append(a)
        if not a or not (view[a - 1] in ".,_" or view[a - 1].isalnum()):
            free_starts.append(a)
            got = free.get(c)
            if got is None:
                free[c] = [a]
            else:
                got.append(a)
    return (starts, free_starts), (every, free)


#: How a pattern that refuses a word character, a dot and a comma before its first digit begins.
_FREE = "(?<![\\w.,"


def _digit_op(op, av) -> bool:
    """True for a regex item (``re._parser``) that matches only ASCII digits, a decimal digit or a run of them."""
    from re import _constants as c

    if op is c.LITERAL:
        return "0" <= chr(av) <= "9"
    if op is c.IN:
        return bool(av) and all(o is c.LITERAL and "0" <= chr(v) <= "9" or o is c.RANGE and "0" <= chr(v[0])
                                and chr(v[1]) <= "9" or o is c.CATEGORY and v is c.CATEGORY_DIGIT for o, v in av)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return all(_digit_op(o, v) for o, v in av[2].data)
    if op is c.SUBPATTERN:
        return all(_digit_op(o, v) for o, v in av[3].data)
    if op is c.BRANCH:
        return all(_digit_op(o, v) for b in av[1] for o, v in b.data)
    return False


def _first_items(seq: list) -> list | None:
    """The items (``re._parser``: a literal, a class, any character) one of which the first character a match
    of ``seq`` consumes matches; None where that is not known or the match can be empty. A look-around or an
    anchor is passed over (what it asks of the character is not needed: the list only grows)."""
    from re import _constants as c

    for k, (op, av) in enumerate(seq):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue
        if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
            return [(op, av)]
        rest = seq[k + 1:]
        if op is c.SUBPATTERN:
            return _first_items(list(av[3].data) + rest)
        if op is c.BRANCH:
            out = []
            for b in av[1]:
                got = _first_items(list(b.data) + rest)
                if got is None:
                    return None
                out += got
            return out
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            got = _first_items(list(av[2].data) + rest)
            if av[0] == 0 and got is not None:
                after = _first_items(rest)
                got = None if after is None else got + after
            return got
        return None
    return None


def _after_digits_items(seq: list) -> list | None:
    """``_first_items`` of what follows the digits a match of ``seq`` opens with (passed over: look-arounds,
    anchors, and items that match digits only)."""
    from re import _constants as c

    for k, (op, av) in enumerate(seq):
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT) or _digit_op(op, av):
            continue
        rest = seq[k + 1:]
        if op is c.SUBPATTERN:
            return _after_digits_items(list(av[3].data) + rest)
        if op is c.BRANCH:
            out = []
            for b in av[1]:
                got = _after_digits_items(list(b.data) + rest)
                if got is None:
                    return None
                out += got
            return out
        return _first_items(seq[k:])
    return None


@cache
def _after_digits(pattern: re.Pattern) -> frozenset[str] | None:
    """The characters one of which follows the leading digits of a match of ``pattern`` (a match starts at a
    run of digits and, as none of these is a digit, its leading digits are the whole run): the pattern is
    tried only at the runs that such a character follows. None where that is not known: a case-blind
    pattern, a digit or a class (``\\s``, a negated class) after the leading digits, a match that can end
    with them."""
    from re import _constants as c
    from re import _parser

    if pattern.flags & re.IGNORECASE:
        return None
    try:
        items = _after_digits_items(list(_parser.parse(pattern.pattern, pattern.flags).data))
    except Exception:  # noqa: BLE001 - a private module: without it, no shortcut
        return None
    if items is None:
        return None
    out: set[str] = set()
    for op, av in items:
        if op is c.LITERAL:
            out.add(chr(av))
        elif op is c.IN and all(o is c.LITERAL or o is c.RANGE and av2[1] - av2[0] < 256 for o, av2 in av):
            for o, v in av:
                out.update([chr(v)] if o is c.LITERAL else map(chr, range(v[0], v[1] + 1)))
        else:
            return None
    if any(ch.isdecimal() for ch in out):
        return None
    return frozenset(out)


#: Fewer runs than this are all tried: sorting them out costs more than trying them.
_FEW_RUNS = 12


def _candidates(pattern: re.Pattern, text: str) -> list[int]:
    """The run starts at which ``_scan_runs`` tries ``pattern``: every one (after no word character, dot or
    comma for a pattern that refuses them), or only those whose run a character of ``_after_digits``
    follows (or ends the view)."""
    free = pattern.pattern.startswith(_FREE)
    starts, by_next = _runs(text)
    every = starts[free]
    if len(every) < _FEW_RUNS:
        return every
    chars = _after_digits(pattern)
    if chars is None:
        return every
    groups = by_next[free]
    picked = [g for g in map(groups.get, chars) if g]
    if "" in groups:
        picked.append(groups[""])
    if len(picked) == 1:
        return picked[0]
    return sorted(chain.from_iterable(picked))


def _scan_runs(pattern: re.Pattern, text: str) -> Iterator[_Hit]:
    """``_scan`` for a pattern whose every match starts with a digit that follows no digit (its look-behind
    refuses a word character before it): the pattern is tried at the start of each run of digits only,
    which finds the same matches as scanning the view from left to right (a pattern that begins with a
    look-behind is tried at every position of the view, a few times slower)."""
    view, vstarts, tstarts = _view(text)
    match = pattern.match
    i, end = 0, 0
    for a in _candidates(pattern, text):
        if a < end:
            continue
        m = match(view, a)
        if m is None:
            continue
        end = m.end() if m.end() > a else a + 1
        while i + 1 < len(vstarts) and vstarts[i + 1] <= a:
            i += 1
        yield _Hit(m, tstarts[i] - vstarts[i])


def _scan(pattern: re.Pattern, text: str) -> Iterator[_Hit]:
    view, vstarts, tstarts = _view(text)
    i = 0
    for m in pattern.finditer(view):
        while i + 1 < len(vstarts) and vstarts[i + 1] <= m.start():
            i += 1
        yield _Hit(m, tstarts[i] - vstarts[i])


def _scan_near(pattern: re.Pattern, probe: re.Pattern, text: str) -> Iterator[_Hit]:
    """``_scan(pattern, text)`` for a pattern each of whose matches holds a match of ``probe`` and no line
    break, and whose look-arounds read no further than one character past a line break: only the windows
    of the view where ``probe`` matches are searched (each up to and with its line break, which the
    look-arounds see as in the whole view; a look-behind sees the view before it). A pattern that opens
    with ``\\b`` or a look-behind is tried at every position of what it searches: a few windows, not the
    whole view."""
    view, vstarts, tstarts = _view(text)
    last, n, end = -1, len(vstarts), len(view)
    for p in probe.finditer(view):
        i = bisect_right(vstarts, p.start()) - 1
        if i == last:
            continue
        last = i
        a = vstarts[i]
        k = tstarts[i] - a
        for m in pattern.finditer(view, a, vstarts[i + 1] if i + 1 < n else end):
            yield _Hit(m, k)


# ---------------------------------------------------------------- dates

_NUMERIC_DATE = re.compile(
    r"(?<![\w.,/:])(?<![\d.]-)(?:(?P<y1>(?:19|20)\d\d)(?P<s1>[-/.])(?P<m1>\d\d?)(?P=s1)(?P<d1>\d\d?)"
    r"|(?P<a>\d\d?)(?P<s2>[-/.])(?P<b>\d\d?)(?P=s2)(?P<y2>(?:19|20)\d\d|\d\d))(?![\w]|[-/.:,]\d)")
_DOT_RANGE = re.compile(r"(?<![\w.,/-])(\d\d?)\.(\d\d?)\.\s?[-–]\s?(\d\d?)\.(\d\d?)\.(?!\d)")
_LAYOUT_WORDS = {"d.m.y": "day.month.year", "d/m/y": "day/month/year", "m/d/y": "month/day/year",
                 "d-m-y": "day-month-year", "y-m-d": "ISO year-month-day", "y/m/d": "year/month/day",
                 "y.m.d": "year.month.day"}


def _layouts(m: re.Match) -> list[tuple[str, int, int]]:
    """(layout, day, month) readings of a numeric date that are valid dates."""
    if m.group("y1"):
        sep, mo, d = m.group("s1"), int(m.group("m1")), int(m.group("d1"))
        return [(f"y{sep}m{sep}d", d, mo)] if 1 <= mo <= 12 and 1 <= d <= 31 else []
    sep, a, b = m.group("s2"), m.group("a"), m.group("b")
    if len(m.group("y2")) == 2 and (len(a) != 2 or len(b) != 2):
        return []  # 1.2.3 is a version, 12.12.19 a date
    out = []
    if 1 <= int(b) <= 12 and 1 <= int(a) <= 31:
        out.append((f"d{sep}m{sep}y", int(a), int(b)))
    if sep == "/" and 1 <= int(a) <= 12 and 1 <= int(b) <= 31:
        out.append(("m/d/y", int(b), int(a)))
    return out


class _DigitRule(Rule):
    """A rule about something written with digits (dates, times, numbers, amounts): it runs only on text
    with a digit in a language with format data, and gets that data."""

    def check(self, ctx) -> Iterator[Finding]:
        if not _has_digits(ctx.doc.text):
            return
        data = fmt_data(ctx.lang)
        if data is not None:
            yield from self.check_digits(ctx, data)

    def check_digits(self, ctx, data: dict) -> Iterator[Finding]:
        raise NotImplementedError


@register
class ForeignNumericDate(_DigitRule):
    """A numeric date in a layout that the document's language does not use.

    What it flags:
        An all-digit date whose order or separator belongs to another language: a German day.month.year
        date ("6.1.2026", "09.02.2023", "10.02.-11.02.") or an ISO date in English copy, a slashed English
        date ("1/6/2026") in German copy.
    Why it matters:
        Translation keeps the source's date layout; readers of the target misread or stumble over it, and
        1/6/2026 means 6 January to a Briton and 1 June to a German.
    Example:
        "SDA 6.1.2026 - 19:48 Ukrainian President Volodymyr Zelensky met Macron."
        Use instead: "SDA January 6, 2026 - 19:48 Ukrainian President Volodymyr Zelensky met Macron."
    Fix safety:
        Display only: the long forms the language's CLDR patterns give ("January 6, 2026", "6 January 2026")
        are suggested; which one the house uses is the editor's choice.
    Data:
        ``data/formats/<lang>.yml``: ``dates.numeric`` (the layouts of the language's CLDR short and
        medium patterns, DIN 5008's ISO dates for German), ``dates.long_patterns`` and month names.
    """

    code = "FMT001"
    name = "foreign-numeric-date"

    def check_digits(self, ctx, data: dict) -> Iterator[Finding]:
        native = set(data["dates"]["numeric"])
        src = _source_lang(ctx)
        text = ctx.doc.text
        for m in _scan_runs(_DOT_RANGE, text):
            if "d.m.y" in native or not all(1 <= int(m.group(i)) <= 12 for i in (2, 4)):
                continue
            users = [lang for lang in format_languages() if "d.m.y" in fmt_data(lang)["dates"]["numeric"]]
            yield self.finding(ctx, m.start(), m.end(),
                               f"{m.group(0)!r} is a day.month. date range (the {_who(users, src)} layout); "
                               f"{language_name(ctx.lang)} copy names the month")
        for m in _scan_runs(_NUMERIC_DATE, text):
            readings = _layouts(m)
            if not readings or any(lay in native for lay, _, _ in readings):
                continue
            if src and len(readings) > 1:
                src_native = set((fmt_data(src) or {"dates": {"numeric": []}})["dates"]["numeric"])
                readings = [r for r in readings if r[0] in src_native] or readings
            year = m.group("y1") or m.group("y2")
            if len(year) == 2:
                year = None
            layouts = [lay for lay, _, _ in readings]
            users = [lang for lang in format_languages() if set(layouts) & set(fmt_data(lang)["dates"]["numeric"])]
            words = " or ".join(_LAYOUT_WORDS.get(lay, lay) for lay in layouts)
            if len(readings) == 1:
                _, day, month = readings[0]
                sugg = _long_date(ctx.lang, day, month, year) if year else []
                tail = f"; {language_name(ctx.lang)} copy writes " + " or ".join(repr(s) for s in sugg) if sugg \
                    else f"; {language_name(ctx.lang)} copy names the month"
            else:
                sugg, tail = [], f"; it is ambiguous in {language_name(ctx.lang)} copy: name the month"
            who = f" (the {_who(users, src)} layout)" if users and layouts != ["y-m-d"] else ""
            yield self.finding(ctx, m.start(), m.end(), f"{m.group(0)!r} is a {words} date{who}{tail}",
                               sugg if len(sugg) > 1 else [], Applicability.DISPLAY)


@cache
def _written_date_patterns(lang: str) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(day-dot-month, month-before-day) patterns for a target language; None where the form is native."""
    d = fmt_data(lang)["dates"]
    others = [x for x in format_languages() if x != lang]
    every = sorted({n for x in (lang, *others) for ms in _month_names(x) for n in ms if len(n) >= 3})
    day_dot = None
    if not d["day_dot_month"]:
        day_dot = re.compile(r"(?<![\w.,])(\d\d?)\.[ \u00a0]?(?:" + _alt(every) + r")\b\.?(?:[ \u00a0]\d{4}\b)?")
    month_first = None
    if not d["month_first"]:
        own = {n.casefold() for ms in _month_names(lang) for n in ms}
        latin = sorted({n for x in ("en", *others) for ms in _month_names(x) for n in ms
                        if len(n) >= 3 and n.isascii()})
        foreign_only = sorted(n for n in latin if n.casefold() not in own)
        month_first = re.compile(
            r"\b(?:(?:" + _alt(latin) + r")\.?[ \u00a0](\d\d?)(?:st|nd|rd|th)?[,.][ \u00a0]\d{4}\b"
            r"|(?:" + _alt(foreign_only) + r")\.?[ \u00a0](\d\d?)(?:st|nd|rd|th)?\b(?![.:]?\d))")
    return day_dot, month_first


@register
class ForeignWrittenDate(_DigitRule):
    """A date with a written month in another language's order or punctuation.

    What it flags:
        A German/Czech day-dot-month date in a language that writes no dot ("24. February", "12. December"
        in English); a month-before-day date or an English month name in a day-first language ("January 6,
        2026", "Sept. 11. 2001" in German copy).
    Why it matters:
        The order and the dot are the source language's; the target reader sees a translation.
    Example:
        "On Sunday 12. December the minister announced the decision."
        Use instead: "On Sunday 12 December the minister announced the decision."
    Fix safety:
        Display only (the month name may also need translating).
    Data:
        ``data/formats/<lang>.yml``: ``dates.day_dot_month``, ``dates.month_first`` and the month names of
        every covered language (CLDR, format and stand-alone, wide and abbreviated).
    """

    code = "FMT002"
    name = "foreign-date-order"

    def check_digits(self, ctx, data: dict) -> Iterator[Finding]:
        day_dot, month_first = _written_date_patterns(ctx.lang)
        lang = language_name(ctx.lang)
        src = _source_lang(ctx)
        if day_dot is not None:
            users = [x for x in format_languages() if fmt_data(x)["dates"]["day_dot_month"]]
            for m in _scan_runs(day_dot, ctx.doc.text):
                if not 1 <= int(m.group(1)) <= 31:
                    continue
                fixed = m.group(1) + " " + m.group(0)[len(m.group(1)) + 1:].lstrip(" \u00a0")
                yield self.finding(ctx, m.start(), m.end(),
                                   f"{m.group(0)!r} puts a dot after the day as {_who(users, src)} do; "
                                   f"{lang} copy writes {fixed!r}", [fixed], Applicability.UNSAFE)
        if month_first is not None:
            for m in _scan(month_first, ctx.doc.text):
                day = m.group(1) or m.group(2)
                if not 1 <= int(day) <= 31:
                    continue
                yield self.finding(ctx, m.start(), m.end(),
                                   f"{m.group(0)!r} is an English-style date (month before day); {lang} copy "
                                   f"writes the day first ({fmt_data(ctx.lang)['dates']['long_patterns'][0]!r})")


_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)", re.I)


@cache
def _ordinal_patterns(lang: str) -> tuple[re.Pattern, re.Pattern]:
    data = fmt_data(lang)
    months = _alt(n for ms in _month_names(lang) for n in ms)
    nouns = _alt(data.get("ordinal_nouns", []))
    # what may follow a bare day: punctuation or the end, a function word ("on the 10th that"), a verb form
    # ("on the 9th showing"); any other word makes the ordinal its modifier ("the 19th batch")
    followers = _alt(sorted(frequent_words(lang)))
    endings = _alt(data.get("ordinal_day_verb_endings", []))
    bare = re.compile(r"\b(?:on|of|since|until|till|by|from|before|after)(?:[ \u00a0]the)?[ \u00a0]"
                      r"(\d\d?)(?:st|nd|rd|th)\b"
                      r"(?![ \u00a0]+(?:of[ \u00a0]+)?(?:" + months + r")\b)"
                      r"(?![ \u00a0]+(?:" + nouns + r")\b)(?![-\w])"
                      r"(?=[ \u00a0]*(?:[^\w\s]|$|\n)|[ \u00a0]+(?-i:(?:" + followers + r")\b|[a-z]+(?:"
                      + endings + r")\b))", re.I)
    with_month = re.compile(r"\b(?:(" + months + r")\.?[ \u00a0](\d\d?)(st|nd|rd|th)"
                            r"|(\d\d?)(st|nd|rd|th)[ \u00a0](?:of[ \u00a0])?(" + months + r"))\b")
    return bare, with_month


@register
class OrdinalDayDate(_DigitRule):
    """A day of the month written as an ordinal ("on the 9th", "February 11th").

    What it flags:
        A bare ordinal day with no month ("on the 9th", "on the evening of the 8th", "on the 9th showing"),
        the way Chinese, Japanese and Korean news date an event ("9日"); and an ordinal suffix on a date with
        a month ("February 11th", "11th of February"). An ordinal before a noun modifies it ("the 19th
        batch", "the 9th floor") and is no date.
    Why it matters:
        English news style (AP, Reuters, BBC) dates with the month and a cardinal day ("Feb. 9", "9
        February") or the weekday; a bare "the 9th" leaves the reader to guess the month.
    Example:
        "Xinhua News Agency, Beijing, February 11th: the ministry said."
        Use instead: "Xinhua News Agency, Beijing, February 11: the ministry said."
    Fix safety:
        Safe for a suffix on a date with a month (dropping it keeps the date); none for a bare day, whose
        month only the editor knows.
    Data:
        ``data/formats/en.yml``: month names (CLDR), ``ordinal_nouns`` (the words after an ordinal that
        is not a date: "the 18th century", "the 9th floor") and ``ordinal_day_verb_endings`` (hand-authored);
        ``data/lang/function_words.tsv`` (the words that may follow a bare day).
    """

    code = "FMT003"
    name = "ordinal-date"
    languages = frozenset({"en"})
    fix = "sometimes"

    def check_digits(self, ctx, data: dict) -> Iterator[Finding]:
        bare, with_month = _ordinal_patterns(ctx.lang)
        text = ctx.doc.text
        if _ORDINAL.search(_view(text)[0]) is None:
            return  # both patterns hold a day with an ordinal suffix
        for m in _scan_near(with_month, _ORDINAL, text):
            if m.group(1):
                day, fixed = m.group(2), f"{m.group(1)} {m.group(2)}"
            else:
                day, fixed = m.group(4), f"{m.group(4)} {m.group(6)}"
            if 1 <= int(day) <= 31:
                yield self.finding(ctx, m.start(), m.end(),
                                   f"{m.group(0)!r}: English news style writes dates without an ordinal suffix "
                                   f"({fixed!r})", [fixed], Applicability.SAFE)
        for m in _scan_near(bare, _ORDINAL, text):
            if 1 <= int(m.group(1)) <= 31:
                s = m.start(1)
                yield self.finding(ctx, s, m.end(),
                                   f"{text[s:m.end()]!r} is a day of the month without its month, as Chinese, "
                                   "Japanese and Korean news write it; English copy names the month or the weekday")


# ---------------------------------------------------------------- numbers and currencies

_CURRENCY_SYMBOLS = "€£$¥₴₽"
_CODES = ("EUR", "USD", "GBP", "CHF", "JPY", "CNY", "RUB", "UAH", "PLN", "CZK")


@cache
def _number_patterns(lang: str) -> list[tuple[re.Pattern, str]]:
    """(pattern, what) pairs of number layouts foreign to ``lang``."""
    data = fmt_data(lang)
    num = data["numbers"]
    own_compact = set(num["compact"]) | set(num["compact_long"])
    foreign_abbr = _foreign_abbreviations(lang)
    currency_words = {n.split()[-1] for c in data["currency"]["currencies"].values() for n in c["names"]}
    out: list[tuple[re.Pattern, str]] = []
    big = _alt(list(own_compact | currency_words | {"%"}))
    if num["decimal"] == ".":
        out += [
            (re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?![\d,.])"), "dot-group"),
            (re.compile(r"(?<![\w.,])(?!(?<=[\[(])\d+,\d+[\])])\d+,\d{1,2}(?![\d]|[.,]\d)"), "decimal-comma"),
            (re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3}){2,}(?![\d]|[.,]\d)"), "dot-group"),
            (re.compile(r"(?<![\w.,])\d{1,3}\.000(?=[ \u00a0]?(?:[a-z]|" + big + r"))"), "dot-group"),
            (re.compile(r"(?<![\w.,])\d{1,3}(?:[\u00a0\u202f]\d{3})+(?![\d]|[.,]\d)"), "space-group"),
            (re.compile(r"(?<![\w.,])\d{1,3}(?: \d{3})+(?= (?:" + _alt(num["compact_long"]) + r")\b)"), "space-group"),
        ]
    else:
        out += [
            (re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d+(?![\d,.])"), "comma-group"),
            (re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3}){2,}(?![\d]|[.,]\d)"), "comma-group"),
            (re.compile(r"(?<![\w.,])\d{1,3},000(?![\d]|[.,]\d)"), "comma-group"),
            (re.compile(r"(?<![\w.,])\d+\.\d{1,2}(?=[ \u00a0]?(?:" + big + r")(?!\w))"), "decimal-point"),
        ]
    out.append((re.compile(r"(?<![\w.,/#+:(-])(?<!No\. )[1-9]\d{4,}(?=[ \u00a0]+[a-z]|[,;)]|\.(?:\s|$))"), "ungrouped"))
    if foreign_abbr:
        out.append((re.compile(r"(?<=\d)[ \u00a0]?(?:" + _alt(foreign_abbr) + r")(?!\w)"), "abbreviation"))
    return out


@cache
def _foreign_abbreviations(lang: str) -> frozenset[str]:
    """Other languages' number abbreviations ("Mio.", "Mrd.") that ``lang`` does not use."""
    num = fmt_data(lang)["numbers"]
    own_compact = set(num["compact"]) | set(num["compact_long"])
    return frozenset(a for x in format_languages() if x != lang for a in fmt_data(x)["numbers"]["compact"]
                     if len(a.rstrip(".")) >= 2 and a not in own_compact
                     and (a.endswith(".") or not a.isascii() or a[:1].isupper()))


_AFTER_DIGIT = "(?<=\\d)"


@cache
def _digit_led(lang: str) -> re.Pattern | None:
    """The abbreviation pattern of ``lang`` (``(?<=\\d)REST``) as ``\\d(REST)``: a pattern led by a digit
    class, which the search skips to in C (a look-behind first is tried at every position of the view).
    Its group 1 is the match. Both find the same matches when no abbreviation ends with a digit (a match
    could then start right at the end of the one before, where ``\\d(REST)`` finds that digit taken);
    None where one does."""
    pattern = next((p for p, what in _number_patterns(lang) if what == "abbreviation"), None)
    if pattern is None or not pattern.pattern.startswith(_AFTER_DIGIT) or pattern.groups \
            or any(_DIGIT.match(a[-1:]) for a in _foreign_abbreviations(lang)):
        return None
    return re.compile(r"\d(" + pattern.pattern[len(_AFTER_DIGIT):] + ")", pattern.flags)


class _Group1:
    """Group 1 of a match, read as the match (what ``_Hit`` asks of it)."""

    __slots__ = ("m",)

    def __init__(self, m: re.Match) -> None:
        self.m = m

    def group(self, *g):
        return self.m.group(1)

    def start(self, g=0) -> int:
        return self.m.start(1)

    def end(self, g=0) -> int:
        return self.m.end(1)


def _scan_abbreviations(lang: str, pattern: re.Pattern, text: str) -> Iterator[_Hit]:
    """``_scan(pattern, text)`` for ``lang``'s abbreviation pattern, with ``_digit_led``'s pattern."""
    lead = _digit_led(lang)
    if lead is None:
        yield from _scan(pattern, text)
        return
    for h in _scan(lead, text):
        yield _Hit(_Group1(h.m), h.k)


def _number_users(what: str, token: str) -> list[str]:
    """The languages whose numbers use ``what`` (a separator habit, or ``token`` as an abbreviation)."""
    return list(_number_users_of(what, token.strip() if what == "abbreviation" else ""))


@lru_cache(maxsize=256)
def _number_users_of(what: str, token: str) -> tuple[str, ...]:
    out = []
    for x in format_languages():
        num = fmt_data(x)["numbers"]
        uses = {"dot-group": num["group"] == ".", "decimal-comma": num["decimal"] == ",",
                "comma-group": num["group"] == ",", "decimal-point": num["decimal"] == ".",
                "space-group": num["group"] in "\u00a0\u202f ", "abbreviation": token.strip() in num["compact"]}
        if uses.get(what):
            out.append(x)
    return tuple(out)


_NUMBER_WORDS = {
    "dot-group": "a dot between groups of thousands", "decimal-comma": "a decimal comma",
    "comma-group": "a comma between groups of thousands", "decimal-point": "a decimal point",
    "space-group": "a space between groups of thousands", "abbreviation": "a number abbreviation",
}


@register
class ForeignNumberFormat(_DigitRule):
    """A number written with another language's separators or abbreviations.

    What it flags:
        A decimal comma or dot-grouped thousands in English ("8,5 million", "1.000,5", "10.000 people"); comma
        grouping or a decimal point in German ("3,000 Menschen", "126.5 Millionen"); a large number with no
        grouping at all ("250000 species"); another language's abbreviation ("5 Mio.", "3 Mrd.") in English.
    Why it matters:
        "8,5 million" reads as a list or a typo in English and "3,000" as three in German: the figure itself
        changes for the reader.
    Example:
        "The city wants to renovate the pool for 8,5 million euros."
        Use instead: "The city wants to renovate the pool for 8.5 million euros."
    Fix safety:
        Unsafe: the separators are swapped to the language's own (CLDR); a number that really was a list
        or a code would change.
    Data:
        ``data/formats/<lang>.yml``: ``numbers.decimal``, ``numbers.group``, ``numbers.compact`` (CLDR
        compact forms) and ``numbers.group_four_digits`` (AP: 1,000 and up take commas); version numbers,
        times and scores never match the patterns.
    """

    code = "FMT004"
    name = "foreign-number-format"
    fix = "sometimes"

    def check_digits(self, ctx, data: dict) -> Iterator[Finding]:
        dec, grp = data["numbers"]["decimal"], data["numbers"]["group"]
        grp_out = "," if grp == "," else ("." if grp == "." else "\u00a0")
        lang, src = language_name(ctx.lang), _source_lang(ctx)
        seen: set[int] = set()
        for pattern, what in _number_patterns(ctx.lang):
            hits = _scan_abbreviations(ctx.lang, pattern, ctx.doc.text) if what == "abbreviation" \
                else _scan_runs(pattern, ctx.doc.text)
            for m in hits:
                if m.start() in seen:
                    continue
                seen.add(m.start())
                start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \u00a0"))
                tok = m.group(0)[start - m.start():]
                sugg = []
                if what in ("dot-group", "comma-group", "space-group", "decimal-comma", "decimal-point"):
                    other_grp = {"dot-group": ".", "comma-group": ","}.get(what)
                    digits = re.sub(r"[ \u00a0\u202f]", "", tok)
                    if what in ("dot-group", "comma-group"):
                        intpart, _, frac = digits.partition("," if other_grp == "." else ".")
                        intpart = intpart.replace(other_grp, "")
                    else:
                        intpart, _, frac = digits.partition("," if what == "decimal-comma" else ".")
                        intpart = intpart.replace(",", "").replace(".", "")
                    grouped = f"{int(intpart):,}".replace(",", grp_out) if len(intpart) > 4 or dec == "." else intpart
                    sugg = [grouped + (dec + frac if frac else "")]
                elif what == "ungrouped":
                    sugg = [f"{int(tok):,}".replace(",", grp_out)]
                users = _number_users(what, tok)
                who = f" (as in {_who(users, src)})" if users else ""
                if what == "ungrouped":
                    msg = f"{tok!r} has no thousands separator; {lang} copy groups digits ({sugg[0]!r})"
                elif what == "abbreviation":
                    msg = f"{tok.strip()!r} is {_NUMBER_WORDS[what]}{who}; {lang} copy writes the word"
                else:
                    msg = f"{tok!r} has {_NUMBER_WORDS[what]}{who}; {lang} copy writes {sugg[0]!r}"
                yield self.finding(ctx, start, m.end(), msg, sugg, Applicability.UNSAFE)


@cache
def _currency_patterns(lang: str) -> tuple[re.Pattern, re.Pattern | None]:
    data = fmt_data(lang)
    num = r"\d[\d.,\u00a0\u202f]*\d|\d"
    sym = r"US\$|CN¥|[" + _CURRENCY_SYMBOLS + r"]"
    codes = "|".join(_CODES)
    own = {n for c in data["currency"]["currencies"].values() for n in c["names"] for n in n.split()}
    foreign_words = {w for x in format_languages() if x != lang for c in fmt_data(x)["currency"]["currencies"].values()
                     for n in c["names"] for w in [n.split()[-1]] if w not in own and w[:1].isupper() and w.isalpha()
                     and w.casefold() in {o.casefold() for o in own}}
    if data["currency"]["symbol_first"]:  # an ISO code after the number is common in English: only signs
        order = re.compile(r"(?<![\w.,])(?:" + num + r")[ \u00a0]?(?:" + sym + r")(?![\w$])")
    else:
        order = re.compile(r"(?<![\w$])(?:" + sym + r"|(?:" + codes + r")(?=[ \u00a0]))[ \u00a0]?(?:" + num
                           + r")(?![\d])")
    aliases = data["currency"].get("aliases", {})
    foreign_words |= set(aliases)
    words = re.compile(r"(?<![\w.,])(?:(?:" + num + r")[ \u00a0](?:" + _alt(foreign_words) + r")\b"
                       + ")") if foreign_words else None
    return order, words


@register
class ForeignCurrencyFormat(_DigitRule):
    """An amount with its currency placed or named as another language does it.

    What it flags:
        A currency sign or code after the number in English ("100 €", "1000 RMB") or before it in German
        ("£52.000", "$100"); another language's capitalised currency word in English ("100 Euro").
    Why it matters:
        Each language has one order for amounts (CLDR: English "€100", German "100 €"); the other order is a
        mark of translation.
    Example:
        "Each donor receives a subsidy of 5150 RMB from the bank."
        Use instead: "Each donor receives a subsidy of 5,150 yuan from the bank."
    Fix safety:
        Display only: the symbol, code or word a newsroom uses for a currency varies.
    Data:
        ``data/formats/<lang>.yml``: ``currency.symbol_first`` (from the CLDR currency pattern) and the
        CLDR currency names of each language.
    """

    code = "FMT005"
    name = "foreign-currency-format"

    def check_digits(self, ctx, data: dict) -> Iterator[Finding]:
        order, words = _currency_patterns(ctx.lang)
        lang, pattern = language_name(ctx.lang), data["currency"]["pattern"]
        where = "before" if data["currency"]["symbol_first"] else "after"
        for m in (_scan_runs if data["currency"]["symbol_first"] else _scan)(order, ctx.doc.text):
            yield self.finding(ctx, m.start(), m.end(),
                               f"{m.group(0)!r} puts the currency on the wrong side for {lang}; {lang} copy writes "
                               f"it {where} the number (CLDR {pattern!r}) or names the currency")
        aliases = data["currency"].get("aliases", {})
        if words is not None:
            for m in _scan_runs(words, ctx.doc.text):
                alias = next((a for a in aliases if a in m.group(0)), None)
                if alias:
                    amount = m.group(0).replace(alias, "").strip()
                    yield self.finding(ctx, m.start(), m.end(),
                                       f"{m.group(0)!r} puts {alias!r} after the amount as Chinese does; {lang} news "
                                       f"writes {alias} before it or {aliases[alias]!r} after it",
                                       [f"{amount} {aliases[alias]}"],
                                       Applicability.UNSAFE)
                    continue
                yield self.finding(ctx, m.start(), m.end(),
                                   f"{m.group(0)!r} uses another language's spelling of the currency; {lang} copy "
                                   "writes it in lower case, in the plural (or as a sign)")


# ---------------------------------------------------------------- times

_TIME_12 = re.compile(r"(?<![\w.:])(?<!\d[:.] )(\d\d?)(?:[:.](\d\d))?[ \u00a0]?(a\.m\.|p\.m\.|AM|PM|am|pm)(?!\w)")
_TIME_24 = re.compile(r"(?<![\w.:])(\d\d?)[:.](\d\d)(?![\d])(?![ \u00a0]?(?:a\.m\.|p\.m\.|[AaPp][Mm])(?!\w))")


@cache
def _clock_word_pattern(lang: str) -> re.Pattern | None:
    """A time with another language's clock word ("19 Uhr" in English); None where there is none."""
    words = {w for x in format_languages() if x != lang for w in fmt_data(x)["times"]["clock_words"]}
    words -= set(fmt_data(lang)["times"]["clock_words"])
    return re.compile(r"(?<![\w.:])\d\d?(?:[:.]\d\d)?[ \u00a0](?:" + _alt(words) + r")\b") if words else None


@register
class ForeignTimeFormat(_DigitRule):
    """A clock time in another language's convention, or one whose a.m./p.m. contradicts the source.

    What it flags:
        The 12-hour clock (a.m./p.m.) in a language that writes 24-hour times ("7 p.m." in German); another
        language's clock word ("19 Uhr" in English); an a.m./p.m. that disagrees with the source's 24-hour time
        ("01.40 p.m." for "01.40 Uhr").
    Why it matters:
        A wrong half of the day is a factual error; a foreign clock convention is a mark of translation.
        (A British dotted "21.00" is not an error and is never flagged.)
    Example:
        "Das Treffen beginnt um 7 p.m. im Kanzleramt." (de)
        Use instead: "Das Treffen beginnt um 19 Uhr im Kanzleramt."
    Fix safety:
        Display only.
    Data:
        ``data/formats/<lang>.yml``: ``times.twelve_hour`` (CLDR short time patterns), ``times.clock_words``
        (Duden: "Uhr").
    """

    code = "FMT006"
    name = "foreign-time-format"

    def check_digits(self, ctx, data: dict) -> Iterator[Finding]:
        lang, text = language_name(ctx.lang), ctx.doc.text
        src_times: dict[tuple[int, str], int] = {}
        src_data = fmt_data(ctx.source.lang or "") if ctx.source is not None else None
        if src_data is not None and not src_data["times"]["twelve_hour"]:
            for m in _TIME_24.finditer(ctx.source.text):
                src_times[(int(m.group(1)) % 12, m.group(2))] = int(m.group(1))
        for m in _scan_runs(_TIME_12, text):
            hour = int(m.group(1))
            pm = m.group(3).lower().startswith("p")
            if not data["times"]["twelve_hour"]:
                if hour <= 12 and (m.group(2) or m.group(3).endswith(".")):
                    h24 = hour % 12 + (12 if pm else 0)
                    s = f"{h24}{'.' + m.group(2) if m.group(2) else ''}"
                    clock = data["times"]["clock_words"]
                    yield self.finding(ctx, m.start(), m.end(),
                                       f"{m.group(0)!r} is the English 12-hour clock; {lang} copy writes 24-hour "
                                       f"times ({s + ' ' + clock[0] if clock else s!r})")
                continue
            if hour > 12 or hour == 0:
                yield self.finding(ctx, m.start(), m.end(),
                                   f"{m.group(0)!r}: a 24-hour time cannot take {m.group(3)!r}")
                continue
            src_hour = src_times.get((hour % 12, m.group(2) or ""))
            if m.group(2) and src_hour is not None and hour != 12 and (src_hour >= 12) != pm:
                yield self.finding(ctx, m.start(), m.end(),
                                   f"{m.group(0)!r} contradicts the source's 24-hour time "
                                   f"{src_hour:02d}.{m.group(2)} ({'afternoon' if src_hour >= 12 else 'morning'})")
        clock_words = _clock_word_pattern(ctx.lang)
        if clock_words is not None:
            for m in _scan_runs(clock_words, text):
                yield self.finding(ctx, m.start(), m.end(),
                                   f"{m.group(0)!r} uses another language's clock word; {lang} copy writes the time "
                                   f"as {data['times']['patterns'][0]!r}")


# ---------------------------------------------------------------- quotation marks

_ALL_QUOTES = "\"'„“”‚‘’«»‹›「」『』《》＂"
_DOUBLE = "\"„“”«»「」『』《》＂"


def _accepted_pairs(ctx) -> list[str]:
    house = ctx.config.quotes.get(ctx.lang) if getattr(ctx.config, "quotes", None) else None
    if house:
        return [house[i:i + 2] for i in range(0, len(house) - 1, 2)]
    q = fmt_data(ctx.lang)["quotes"]
    pairs = [q["primary"], q["secondary"], *q["accepted"]]
    if q["ascii_ok"]:
        pairs += ['""', "''"]
    return pairs


@cache
def _quote_pattern(accepted: tuple[str, ...]) -> tuple[re.Pattern, re.Pattern, str]:
    ok = set("".join(accepted)) | {"’"}  # ’ is also the apostrophe
    alts = []
    for o, c in _foreign_pairs(accepted):
        if o == c == "'":
            alts.append(r"(?<!\w)'(?=[^\s'])[^'\n]{1,200}?(?<=\S)'(?!\w)")
        else:
            stop = re.escape("".join(sorted(set(o + c + _DOUBLE) if o in _DOUBLE else {o, c})))
            alts.append(re.escape(o) + r"[^" + stop + r"\n]{1,600}?" + re.escape(c))
    stray = "".join(ch for ch in _ALL_QUOTES if ch not in ok and ch != "'")
    pair_re = re.compile("|".join(alts)) if alts else re.compile(r"(?!)")
    stray_re = re.compile("[" + re.escape(stray) + "]") if stray else re.compile(r"(?!)")
    return pair_re, stray_re, stray


def _foreign_pairs(accepted: tuple[str, ...]) -> list[str]:
    """The pairs of quotation marks of every language that ``accepted`` does not allow."""
    ok = set("".join(accepted)) | {"’"}  # ’ is also the apostrophe
    universe = {'""', "''", "＂＂"}
    for x in format_languages():
        q = fmt_data(x)["quotes"]
        universe |= {q["primary"], q["secondary"], *q["accepted"]}
    universe |= {"“”", "„”", "«»", "»«", "„“", "‚‘", "‹›", "›‹"}
    return sorted(p for p in universe if p not in accepted and (p[0] not in ok or p[1] not in ok))


@cache
def _quote_openers(accepted: tuple[str, ...]) -> str:
    """The characters a match of ``_quote_pattern(accepted)``'s pair pattern starts with (each alternative
    opens with its opening mark)."""
    return "".join(sorted({p[0] for p in _foreign_pairs(accepted)}))


def _first_of(text: str, chars: str) -> int:
    """The first position in ``text`` of one of ``chars``, or -1 (a search per character, in C: faster than
    a regex class, which is tested at every position)."""
    first = -1
    for c in chars:
        i = text.find(c, 0, first) if first >= 0 else text.find(c)
        if i >= 0:
            first = i
    return first


def _quote_langs(open_: str, close: str) -> list[str]:
    pair = open_ + close
    return [x for x in format_languages()
            if pair in (fmt_data(x)["quotes"]["primary"], fmt_data(x)["quotes"]["secondary"],
                        *fmt_data(x)["quotes"]["accepted"])]


@register
class ForeignQuotationMarks(Rule):
    """Quotation marks of another language, or not those of the house style.

    What it flags:
        A quotation in marks the document's language does not use: „…“, «…», »…« or 「…」 in English; “…”,
        «…» or straight "…" in German (CLDR: „…“, with »…« as Duden's alternative). A house style set in the
        configuration (``quotes``) replaces the language's list.
    Why it matters:
        Machine translation copies the source's typography; mixed marks in one story look careless and
        straight quotes are a typewriter fallback in German print.
    Example:
        "The minister said »we will not give up« on Monday."
        Use instead: "The minister said “we will not give up” on Monday."
    Fix safety:
        Safe for a pair found on one line (both marks are replaced, the text between them is kept); a lone
        mark is display only.
    Data:
        ``data/formats/<lang>.yml``: ``quotes.primary``, ``quotes.secondary`` (CLDR delimiters),
        ``quotes.accepted`` and ``quotes.ascii_ok`` (hand-authored, with sources); ``Config.quotes``.
    """

    code = "FMT007"
    name = "foreign-quotation-marks"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        data = fmt_data(ctx.lang)
        if data is None:
            return
        accepted = tuple(_accepted_pairs(ctx))
        pair_re, stray_re, stray = _quote_pattern(accepted)
        text, lang, src = ctx.doc.text, language_name(ctx.lang), _source_lang(ctx)
        want_o, want_c = accepted[0][0], accepted[0][1]
        own = None
        if want_o not in "\"'":
            own = re.search(re.escape(want_o) + r"[^\n" + re.escape(want_o + want_c) + r"]{1,600}" + re.escape(want_c),
                            text)
        also = ""
        if own:
            also = f"; this story also uses {want_o}…{want_c} (line {ctx.doc.lines.position(own.start())[0]})"
        covered: list[tuple[int, int]] = []
        # no match starts before the first opening mark (a look-behind still sees the text before it)
        start = _first_of(text, _quote_openers(accepted))
        for m in (pair_re.finditer(text, start) if start >= 0 else ()):
            o, c = m.group(0)[0], m.group(0)[-1]
            covered.append((m.start(), m.end()))
            users = _quote_langs(o, c)
            kind = "straight typewriter quotes" if o in "\"'" else \
                f"{_who(users, src)} quotation marks" if users else "mismatched quotation marks"
            fixed = want_o + m.group(0)[1:-1] + want_c
            f = self.finding(ctx, m.start(), m.end(),
                             f"{o}…{c} are {kind}; {lang} copy quotes with {want_o}…{want_c}{also}",
                             [fixed], Applicability.SAFE)
            f.edits = [Edit(m.start(), m.start() + 1, want_o), Edit(m.end() - 1, m.end(), want_c)]
            yield f
        if not stray:
            return
        i = 0
        start = _first_of(text, stray)
        for m in (stray_re.finditer(text, start) if start >= 0 else ()):
            while i < len(covered) and covered[i][1] <= m.start():
                i += 1
            if i < len(covered) and covered[i][0] <= m.start():
                continue
            yield self.finding(ctx, m.start(), m.end(),
                               f"{m.group(0)!r} is not a quotation mark {lang} copy uses ({want_o}…{want_c}){also}")
