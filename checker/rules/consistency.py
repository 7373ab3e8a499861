"""Consistency: one term, date or percentage written two ways in one story. The rules compare a story's
spellings with each other; no list of right forms is needed, only the few language facts in
``data/consistency/<lang>.tsv``. Person and place names are NAME003's, which compares them by key.

Speed: every scan is one compiled pattern led by a literal or a character class (the search runs in C),
over a file cut into story-sized windows; Python only looks at the few words a pattern returns."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from ..datafiles import tsv_rows
from ..documents import frequent_words
from ..findings import Applicability, Finding
from . import Rule, register
from .formats import _scan, _scan_runs, fmt_data, per_text

_UPPER = "A-ZÀ-ÖØ-Þ"
#: A word opening with two capitals (NATO, APP, US, COVID-19's first part) or dotted capitals (U.S., U.N.);
#: the lookbehind after the first capital keeps it at a word start and the class first keeps the scan in C;
#: the look-ahead (what either branch needs next) turns a capital before a small letter away first, at half
#: the cost of the look-behind.
_CAPS_WORD = re.compile(f"[{_UPPER}](?=[{_UPPER}.])(?<![^\\W_][{_UPPER}])(?:[{_UPPER}][^\\W_]*|\\.(?:[{_UPPER}]\\.)+)")
_HYPHEN = re.compile(r"-")
_DOTS = re.compile(r"\.(?=[^\W\d_]\.)")
_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")
_DOTTED = re.compile(r"(?:[^\W\d_]\.){2,}")
_NOT_ALNUM = re.compile(r"[\W_]+")
_SEPARATORS = re.compile(r"[^\W_]+")
_MIXED = re.compile(f"[^\\W_][^\\W\\d_]*?[{_UPPER}]")
_LOWER_LETTER = re.compile(r"[a-zß-öø-ÿ]")
_UPPER_LETTER = re.compile(f"[{_UPPER}]")
#: All-capital words that open a line, the first of them followed by a dot, comma, bracket or dash: a
#: dateline (BEIJING, ...; ASTANA. KAZINFORM ...).
_DATELINE_AFTER = re.compile(r"\s*[.,(:/\-–—]")
#: An all-capital word next to another one: a shouted phrase (THANK YOU, NEW YORK TIMES), not an acronym.
_CAPS_NEXT = re.compile(f"[\\s/&,-]+[{_UPPER}]{{2,}}(?![^\\W_])")
_CAPS_BEFORE = re.compile(f"(?<![^\\W_])[{_UPPER}]{{2,}}[\\s/&,-]+$")
#: One-letter words that are words, not a part of a term written apart (A list, I mean).
_ARTICLE_LETTERS = frozenset("AaIiOo")
#: A story is at most about this long (some 1,600 words): a longer file is compared in windows of this size,
#: cut at a line break, so that two stories in one file are not held to one spelling and each lookup stays
#: small.
WINDOW = 10_000


@lru_cache(maxsize=16)
def _language_facts(lang: str) -> dict[str, frozenset[str]]:
    """``data/consistency/<lang>.tsv``: kind → set of entries (``distinct``: hyphenated spellings that are
    other words than the closed one; ``acronym``: acronyms that are also ordinary words; ``percent``: the
    ways of writing a percentage)."""
    out: dict[str, set[str]] = {}
    for row in tsv_rows("consistency", f"{lang}.tsv"):
        if len(row) >= 2:
            out.setdefault(row[0], set()).update(w for w in row[1:] if w)
    return {k: frozenset(v) for k, v in out.items()}


def _related(ctx, start: int, end: int, message: str) -> list[dict]:
    return [{"start": start, "end": end, "line": ctx.doc.lines.position(start)[0], "message": message}]


def windows(text: str, size: int = WINDOW) -> list[tuple[int, int]]:
    """The text cut into pieces of about ``size`` characters at line breaks (one piece for a story). A
    line longer than another ``size`` characters (a text without line breaks) is cut after a space, so
    that no piece, and no rule's work on it, grows with the length of the text."""
    out, a, n = [], 0, len(text)
    while a < n:
        b = text.find("\n", a + size, a + 2 * size) if a + size < n else n - 1
        if b < 0:  # no line break in reach: the rest, when short, else up to a space (or a hard cut)
            b = n - 1 if n - a <= 2 * size else text.find(" ", a + size, a + 2 * size)
            if b < 0:
                b = a + 2 * size - 1
        b += 1
        out.append((a, b))
        a = b
    return out


@per_text
def _capitals(text: str) -> tuple[list[int], list[str]]:
    """Starts and words of every word opening with two capitals or of dotted capitals (shared by ART006 and
    ART007: one scan of the text)."""
    found = [(m.start(), m.group(0)) for m in _CAPS_WORD.finditer(text)]
    return [s for s, _ in found], [w for _, w in found]


def _capitals_in(text: str, a: int, b: int) -> list[tuple[int, str]]:
    starts, words = _capitals(text)
    i, j = bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)
    return list(zip(starts[i:j], words[i:j], strict=True))


def _in_source(ctx, word: str) -> bool:
    """True when the source version writes ``word`` as it is, between characters that are not Latin letters
    (Chinese copy writes “基金E账户”APP with no space)."""
    return ctx.source is not None and re.search(
        r"(?<![A-Za-zÀ-ÖØ-öø-ÿ])" + re.escape(word) + r"(?![A-Za-zÀ-ÖØ-öø-ÿ])", ctx.source.text) is not None


# ------------------------------------------------------------------------------------------- spellings


def _key(form: str) -> str:
    """Letters and digits only, case-folded: U.S. / US / us → 'us'; e-mail / email → 'email'."""
    return _NOT_ALNUM.sub("", form.casefold())


def _case_class(form: str) -> str:
    """'upper' (every letter a capital, two or more: NATO, U.S., COVID-19), 'plain' (capitals only at the
    start of its parts: email, E-Mail, Fund E Account), else 'mixed' (iPhone, BioNTech, US-Präsident)."""
    if form.isupper() and sum(c.isalpha() for c in form) >= 2:
        return "upper"
    return "mixed" if any(_MIXED.match(p) for p in _SPLIT.split(form)) else "plain"


_SPLIT = re.compile(r"[\W_]+")


def _shape(form: str) -> str:
    """Where the separators are: 'U.S.' → 'w.w.', 'e-mail' → 'w-w', 'E account' → 'w w'."""
    return _SEPARATORS.sub("w", form)


def _word_start(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isalnum():
        i -= 1
    return i


def _marked_tokens(text: str, a: int, b: int) -> list[tuple[int, str]]:
    """(start, word) for every word of ``text[a:b]`` whose spelling can vary: one opening with two capitals
    (also as the first part of a compound: NATO in NATO-Sprecher), one with a hyphen between letters or
    digits, dotted single letters."""
    out = _capitals_in(text, a, b)
    seen = {s for s, _ in out}
    last = -1
    for m in _HYPHEN.finditer(text, a, b):
        i = m.start()
        if i < last or i == a or not text[i - 1].isalnum() or not text[i + 1: i + 2].isalnum():
            continue
        s = _word_start(text, i)
        if s > 0 and text[s - 1] in ".-":
            continue  # U.S.-led
        w = _HYPHENATED.match(text, s).group(0)
        last = s + len(w)
        if not w.replace("-", "").isdigit():
            out.append((s, w))
    last = -1
    for m in _DOTS.finditer(text, a, b):
        s = m.start() - 1
        if s < last or s < a or (s > 0 and (text[s - 1].isalnum() or text[s - 1] == ".")):
            continue
        d = _DOTTED.match(text, s)
        if d is not None:
            last = d.end()
            if s not in seen:
                out.append((s, d.group(0)))
    return out


@lru_cache(maxsize=4096)
def _form(form: str) -> tuple[str, bool, tuple[str, ...] | None]:
    """(key, whether the form is a compound of two words with a hyphen, whose closed spelling is common:
    e-mail, grass-roots, Kreditgeber-Beobachtung; its parts when one of them is a single capital, a term also
    written with a space: E-account, U-Bahn, X-ray)."""
    if "-" not in form:
        return _key(form), False, None
    parts = tuple(form.split("-"))
    compound = len(parts) == 2 and not _DIGIT.search(form)
    spaced = parts if len(parts) <= 4 and any(len(p) == 1 and p.isupper() and p not in _ARTICLE_LETTERS
                                              for p in parts) else None
    return _key(form), compound, spaced


_DIGIT = re.compile(r"\d")


def _standalone(text: str, a: int, b: int, key: str) -> list[int]:
    """Starts of ``key`` or ``Key`` written as a word of its own in ``text[a:b]`` (app, App; not in apps,
    e-app, app-store), found with ``str.find``: one search for what both share (``key[1:]``, every
    occurrence), the first letter checked at each; ``_standalone_plain`` where the capital is not one
    character."""
    n = len(key)
    first, cap = key[:1], key[:1].upper()
    if n < 2 or len(cap) != 1 or not cap.isalnum():
        return _standalone_plain(text, a, b, key)
    rest = key[1:]
    lower: list[int] = []
    upper: list[int] = []
    j = text.find(rest, a + 1, b)
    while j >= 0:
        i = j - 1
        c = text[i]
        if c == first or c == cap:
            before, after = text[i - 1: i], text[i + n: i + n + 2]
            if not (i > 0 and (before.isalnum() or before in ("-", "."))) and \
                    not (after[:1].isalnum() or after[:1] == "-" or after[:1] == "." and after[1:].isalnum()):
                if c == first:
                    lower.append(i)
                if c == cap:
                    upper.append(i)
        j = text.find(rest, j + 1, b)
    return lower + upper


def _standalone_plain(text: str, a: int, b: int, key: str) -> list[int]:
    """``_standalone`` with a search per spelling (the reference of the faster search)."""
    out, n = [], len(key)
    for v in (key, key[:1].upper() + key[1:]):
        i = text.find(v, a, b)
        while i >= 0:
            before, after = text[i - 1: i], text[i + n: i + n + 2]
            if not (i > 0 and (before.isalnum() or before in ("-", "."))) and \
                    not (after[:1].isalnum() or after[:1] == "-" or after[:1] == "." and after[1:].isalnum()):
                out.append(i)
            i = text.find(v, i + n, b)
    return out


def _ignored_capitals(text: str, s: int, e: int, lines: dict[int, bool]) -> bool:
    """True for an all-capital word that says nothing about the term's spelling: a placeholder (#NAME#), in
    a line of capitals, in a dateline, or next to another all-capital word (a shouted phrase)."""
    if text[s - 1: s] in ("#", "@", "_") or text[e: e + 1] in ("#", "@", "_"):
        return True
    a = text.rfind("\n", 0, s) + 1
    if a not in lines:
        b = text.find("\n", s)
        line = text[a: b if b >= 0 else len(text)]
        lines[a] = len(_UPPER_LETTER.findall(line)) > 2 * len(_LOWER_LETTER.findall(line))
    if lines[a]:
        return True
    prefix = text[a:s]
    if len(prefix) < 40 and not _LOWER_LETTER.search(prefix) and (prefix.strip() or _DATELINE_AFTER.match(text, e)):
        return True
    return bool(_CAPS_NEXT.match(text, e) or _CAPS_BEFORE.search(text, max(a, s - 30), s))


@lru_cache(maxsize=16)
def _spelling_facts(lang: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """ART006's language facts, worked out once per language, not per document: (the ``distinct`` prefixes,
    the frequent words and acronyms that are also words)."""
    facts = _language_facts(lang)
    return tuple(facts.get("distinct", ())), \
        frequent_words(lang) | facts.get("acronym", frozenset())


@register
class InconsistentSpelling(Rule):
    """One term written in two spellings in one story: capitals, hyphen, space or dots.

    What it flags:
        The less frequent (or, on a tie, the later) of two spellings of one term that differ only by
        capitals ("APP" and "app", "NATO" and "Nato", "COVID-19" and "Covid-19"), by a hyphen, a space or
        nothing ("e-mail" and "email", "Fund E-account" and "Fund E Account", "Kreditgeber-Beobachtung"
        and "Kreditgeberbeobachtung") or by dots ("U.S." and "US"). A capital that only starts a sentence
        or a word of a title does not count, nor do shouted headlines, datelines and placeholders, a word
        in capitals once (emphasis, unless the source writes it so), an acronym beside a common word ("US"
        and "us"), two words the language tells apart ("re-sign" and "resign"), or two spellings that the
        source version writes too (its author's mix, kept by the translation).
    Why it matters:
        Machine translation renders a repeated source term one sentence at a time and picks a
        different spelling each time; a story that writes "U.S." in one paragraph and "US" in the next
        looks unedited and splits search and archive hits.
    Example:
        "The U.S. military said the drill was routine. Officials said US ships were not involved."
        Use instead: "The U.S. military said the drill was routine. Officials said U.S. ships were not involved."
    Fix safety:
        Unsafe: the other spelling is the story's usual one, but the house style may prefer the
        rarer one, and a quoted title keeps its own spelling.
    Data:
        ``data/consistency/<lang>.tsv`` (``distinct``: hyphenated spellings that are other words;
        ``acronym``: acronyms that are also ordinary words); ``data/lang/function_words.tsv`` (an acronym
        beside a frequent word: US and us). Person and place names are NAME003's. A file longer than a
        story is compared in windows of about 10,000 characters.
    """

    code = "ART006"
    name = "inconsistent-spelling"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        text = ctx.doc.text
        distinct, frequent = _spelling_facts(ctx.lang)
        lines: dict[int, bool] = {}  # line start → a line of capitals (``_ignored_capitals``), told once a line
        for a, b in windows(text):
            yield from self._window(ctx, text, a, b, distinct, frequent, lines)

    def _window(self, ctx, text: str, a: int, b: int, distinct: tuple, frequent: frozenset,
                lines: dict[int, bool]) -> Iterator[Finding]:
        groups: dict[str, dict[int, str]] = {}
        for s, w in _marked_tokens(text, a, b):
            k = _form(w)[0]
            if len(k) >= 2 and not k.isdigit():
                groups.setdefault(k, {})[s] = w
        for k, occ in groups.items():
            forms = set(occ.values()) if len(occ) > 1 else {next(iter(occ.values()))}
            infos = [_form(w) for w in forms]
            if len(k) > 2 and k not in frequent and any(
                    compound or ("-" not in w and "." not in w and (len(occ) > 1 or _in_source(ctx, w)))
                    for w, (_, compound, _) in zip(forms, infos, strict=True)):
                # the same letters as a word of their own: app, email, Nato (an all-capital word counts once it
                # is a term: written twice, or so in the source; once, it is emphasis)
                for s in _standalone(text, a, b, k):
                    occ.setdefault(s, text[s: s + len(k)])
            for _, _, parts in infos:
                if parts is None or (text.find(" " + parts[-1], a, b) < 0
                                     and text.find(" " + parts[-1].swapcase()[:1] + parts[-1][1:], a, b) < 0):
                    continue
                pat = re.compile(r"[ \u00a0]".join(
                    f"[{re.escape(p[0].upper())}{re.escape(p[0].lower())}]{re.escape(p[1:])}" for p in parts)
                    + r"(?![\w\-]|\.\w)")
                for m in pat.finditer(text, a, b):
                    if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-."):
                        continue
                    occ.setdefault(m.start(), m.group(0))
            if len(occ) > 1 and len(set(occ.values())) > 1:
                yield from self._report(ctx, text, k, occ, frequent, distinct, lines)

    def _report(self, ctx, text: str, key: str, occ: dict[int, str], frequent, distinct,
                lines: dict[int, bool]) -> Iterator[Finding]:
        variants: dict[tuple[str, str], list[int]] = {}
        display: dict[tuple[str, str], str] = {}
        for s in sorted(occ):
            w = occ[s]
            if distinct and "-" in w and w.casefold().startswith(distinct):
                continue
            v = (_shape(w), _case_class(w))
            if v[1] == "upper" and _ignored_capitals(text, s, s + len(w), lines):
                continue
            variants.setdefault(v, []).append(s)
            display.setdefault(v, w)
        if len(variants) < 2:
            return
        top = max(variants, key=lambda v: (len(variants[v]), -variants[v][0]))
        first = variants[top][0]
        want = display[top]
        n = len(variants[top])
        upper = [s for v, starts in variants.items() if v[1] == "upper" for s in starts]
        term = len(upper) > 1 or any(_in_source(ctx, occ[s]) for s in upper)
        for v, starts in variants.items():
            if v == top or not _conflict(top, v, key, frequent, term):
                continue
            if ctx.source is not None and _in_source(ctx, want) and _in_source(ctx, display[v]):
                continue  # the source writes both (an English source of a German story): the author's mix
            for s in starts:
                w = occ[s]
                where = f"{n} times" if n > 1 else "once"
                msg = (f"{w!r} is spelt {want!r} elsewhere in this story ({where}, first on line "
                       f"{ctx.doc.lines.position(first)[0]}): one term, one spelling")
                yield self.finding(ctx, s, s + len(w), msg, [_respell(w, want)], Applicability.UNSAFE,
                                   _related(ctx, first, first + len(occ[first]), f"spelt {want!r} here"))


def _conflict(a: tuple[str, str], b: tuple[str, str], key: str, frequent: frozenset[str], term: bool) -> bool:
    """Two spellings of one key conflict when they differ in separators only (U.S./US, e-mail/email) or
    in capitals only (APP/app, NATO/Nato), not both (p.m./PM). Capitals only count for a word of three
    letters or more that is no common word beside its acronym (US/us, AIDS/aids), and when the
    all-capital spelling is a term (``term``: written more than once, or so in the source), not a word
    shouted once ("NOTHING worked")."""
    same_shape, same_case = a[0] == b[0], a[1] == b[1]
    if same_shape == same_case:
        return False
    if not same_case and (len(key) < 3 or key in frequent or ("upper" in (a[1], b[1]) and not term)):
        return False
    return True


def _respell(form: str, model: str) -> str:
    """``model``'s spelling, with ``form``'s capital at the start kept when both are plain words."""
    if _case_class(model) == "plain" and _case_class(form) == "plain":
        if form[:1].isupper():
            return model[:1].upper() + model[1:]
        if form[:1].islower() and model[1:2].islower():
            return model[:1].lower() + model[1:]
    return model


# ------------------------------------------------------------------------------- dates and percentages


@lru_cache(maxsize=16)
def _date_patterns(lang: str) -> tuple[list[re.Pattern], dict[str, tuple[int, bool]]] | None:
    """Patterns for a written date, month first and day first, and per month spelling its month number and
    whether it abbreviates a long name. Each opens with a character class (a month's first letter, a
    digit) with the lookbehind after it, so that the search skips to the candidates in C."""
    data = fmt_data(lang)
    if not data or not data.get("dates", {}).get("months"):
        return None
    d = data["dates"]
    info: dict[str, tuple[int, bool]] = {}
    for i, (full, abbr) in enumerate(zip(d["months"], d["months_abbreviated"], strict=True)):
        for f in full:
            info[f] = (i, False)
        for a in abbr:
            info.setdefault(a, (i, any(len(f) > 5 and f != a for f in full)))
    def spelt(m: str) -> str:  # an abbreviation may take a dot (Feb.), a month written out may not
        return re.escape(m) + (r"\.?" if info[m][1] or m not in d["months"][info[m][0]] else "")

    by_first: dict[str, list[str]] = {}
    for m in sorted(info, key=len, reverse=True):
        by_first.setdefault(m[0], []).append(spelt(m)[len(re.escape(m[0])):])
    months = "|".join(f"{re.escape(c)}(?<![\\w.]{re.escape(c)})(?:{'|'.join(rest)})" for c, rest in by_first.items())
    ordinal = r"(?:st|nd|rd|th)" if lang == "en" else r"(?!)"
    month_first = re.compile(r"(?P<m1>" + months + r")[ \u00a0](?P<d1>\d\d?)(?P<o1>" + ordinal
                             + r")?(?![\w]|[.:,/]\d)")
    day_first = re.compile(r"\d(?<![\w.]\d)(?P<d2>\d?)(?P<o2>" + ordinal + r")?\.?[ \u00a0](?:of[ \u00a0])?(?P<m2>"
                           + "|".join(spelt(m) for m in sorted(info, key=len, reverse=True)) + r")(?!\w)")
    return [month_first, day_first], info


_DATE_FEATURES = {
    "order": ("puts the month first", "puts the day first"),
    "abbr": ("writes the month out", "abbreviates the month"),
    "ordinal": ("writes the day as a plain number", "writes the day as an ordinal"),
}


@register
class InconsistentFormat(Rule):
    """A date or percentage written in another style than the story's other dates or percentages.

    What it flags:
        A written date whose style differs from the one most of the story's dates use (on a tie, the
        first one's): month first or day first ("February 9" beside "31 January"), month abbreviated or
        written out ("Feb. 10" beside "February 9"; months of five letters or fewer, never abbreviated,
        do not count), a plain or an ordinal day ("February 10th" beside "February 9"); and a percentage
        written with another sign or word than the story's others ("18 %" beside "11 Prozent").
    Why it matters:
        A story dates its events and gives its figures one way throughout; a translation made sentence
        by sentence mixes the styles, and a reader notices the switch.
    Example:
        "Talks began on February 10 and ended on February 12. The deal was signed on 14 February."
        Use instead: "Talks began on February 10 and ended on February 12. The deal was signed on February 14."
    Fix safety:
        Display only: which style is right is the house style's call (FMT003 flags ordinal days as such).
    Data:
        Month names and their abbreviations from ``data/formats/<lang>.yml`` (CLDR); the ways to write a
        percentage from ``data/consistency/<lang>.tsv`` (``percent``).
    """

    code = "FMT008"
    name = "inconsistent-format"

    def check(self, ctx) -> Iterator[Finding]:
        text = ctx.doc.text
        wins = windows(text)
        yield from self._dates(ctx, text, wins)
        yield from self._percentages(ctx, text, wins)

    def _dates(self, ctx, text: str, wins: list[tuple[int, int]]) -> Iterator[Finding]:
        got = _date_patterns(ctx.lang)
        if got is None:
            return
        (month_first, day_first), info = got
        d = fmt_data(ctx.lang)["dates"]
        both_orders = d.get("month_first") and d.get("day_first")
        dates = []
        # a day-first date starts at a run of digits (its look-behind refuses a digit before): tried at the runs
        # that a letter of an ordinal, a dot or a space follows, not at every digit of the view
        found = [(m, False) for m in _scan(month_first, text)] + [(m, True) for m in _scan_runs(day_first, text)]
        found.sort(key=lambda x: x[0].start())
        for m, day_is_first in found:
            if day_is_first:
                month, day, ordinal = m.group("m2").rstrip("."), int(m.group(0)[0] + m.group("d2")), m.group("o2")
            else:
                month, day, ordinal = m.group("m1").rstrip("."), int(m.group("d1")), m.group("o1")
            if not 1 <= day <= 31:
                continue
            feats = {"ordinal": bool(ordinal), "abbr": info[month][1]}
            if both_orders:
                feats["order"] = day_is_first
            if not any(len(f) > 5 for f in d["months"][info[month][0]]):
                feats.pop("abbr")  # March to July: never abbreviated, so no sign of a style
            dates.append((m.start(), m.end(), m.group(0), feats))
        for part in _by_window(dates, wins):
            yield from self._date_styles(ctx, part)

    def _date_styles(self, ctx, dates: list) -> Iterator[Finding]:
        usual: dict[str, tuple[bool, int]] = {}
        for feat in _DATE_FEATURES:
            seen = [(f[feat], s) for s, _, _, f in dates if feat in f]
            if len({v for v, _ in seen}) < 2:
                continue
            count = {v: sum(1 for x, _ in seen if x == v) for v in (False, True)}
            value = max((False, True), key=lambda v: (count[v], -min(s for x, s in seen if x == v)))
            usual[feat] = (value, min(s for x, s in seen if x == value))
        for s, e, written, feats in dates:
            off = [f for f in usual if f in feats and feats[f] != usual[f][0]]
            if not off:
                continue
            model = usual[off[0]][1]
            model_text = next(w for ds, _, w, _ in dates if ds == model)
            how = " and ".join(_DATE_FEATURES[f][usual[f][0]] for f in off)
            line = ctx.doc.lines.position(model)[0]
            yield self.finding(ctx, s, e, f"{written!r} is written in another style than this story's other dates: "
                               f"{model_text!r} (line {line}) {how}", [], Applicability.DISPLAY,
                               _related(ctx, model, model + len(model_text), "the story's usual style"))

    def _percentages(self, ctx, text: str, wins: list[tuple[int, int]]) -> Iterator[Finding]:
        ways = _language_facts(ctx.lang).get("percent")
        if not ways:
            return
        found = [(m.start() + 1, m.end(), m.group("u")) for m in _scan(_percent_pattern(ways), text)]
        for part in _by_window(found, wins):
            styles: dict[str, list[int]] = {}
            for s, _, u in part:
                styles.setdefault(_norm_unit(u), []).append(s)
            if len(styles) < 2:
                continue
            top = max(styles, key=lambda u: (len(styles[u]), -styles[u][0]))
            first = styles[top][0]
            model, model_end = next((u, e) for s, e, u in part if s == first)
            model_gap = len(model) - len(model.lstrip())
            for s, e, u in part:
                if _norm_unit(u) == top:
                    continue
                gap = len(u) - len(u.lstrip())
                start, fix = (s + gap, model.strip()) if bool(gap) == bool(model_gap) else (s, text[first:model_end])
                yield self.finding(ctx, start, e, f"{u.strip()!r}: this story writes percentages with "
                                   f"{model.strip()!r} (line {ctx.doc.lines.position(first)[0]})", [fix],
                                   Applicability.UNSAFE, _related(ctx, first, model_end, "the story's usual style"))


def _norm_unit(u: str) -> str:
    return " ".join(u.lower().split())


def _by_window(items: list[tuple], wins: list[tuple[int, int]]) -> Iterator[list[tuple]]:
    """``items`` (sorted by their first field, an offset) in one list per window that holds two or more."""
    i = 0
    for _, b in wins:
        j = i
        while j < len(items) and items[j][0] < b:
            j += 1
        if j - i >= 2:
            yield items[i:j]
        i = j


@lru_cache(maxsize=16)
def _percent_pattern(ways: frozenset[str]) -> re.Pattern:
    alts = "|".join(re.escape(w).replace(r"\ ", r"[ \u00a0]") + ("" if not w[-1:].isalnum() else r"\b")
                    for w in sorted(ways, key=len, reverse=True))
    return re.compile(r"\d(?P<u>[ \u00a0]?(?:" + alts + "))", re.I)


# ------------------------------------------------------------------------------- terms

#: An acronym: two to six capitals, or two to six dotted capitals (U.S., U.N.), among ``_capitals``.
_ACRONYM = re.compile(r"[A-Z]{2,6}|(?:[A-Z]\.){2,6}")
#: Between the words of an expansion: a space, or a space, one short lower-case word and a space
#: (United States, Department of Defense, Chinese Communist Party).
_GAP = r"[ \u00a0]+(?:[a-z]{1,4}[ \u00a0]+)?"
#: After the first capital of ``_lead``: the rest of a word (a-z, then no word character) and one or more
#: capitalised words apart by ``_GAP``. Possessive: a word takes all its a-z and a gap all its spaces either
#: way (``_lead``), and a failed try does not give letters back one by one.
_RUN_REST = r"[a-z]++(?:[ \u00a0]++(?:[a-z]{1,4}+[ \u00a0]++)?+[A-Z][a-z]++(?!\w))++"
_CHAIN_WORD = re.compile(r"[A-Z][a-z]+")
_INITIAL = re.compile(r"[A-Z]")
#: The body must switch between an abbreviation and its full name this many times (E A E, A E E A) before it
#: is held to one: once (E ... A A A) is how a name is introduced and then abbreviated.
SWITCHES = 2
#: A currency sign right after an acronym: US$, HK$ name a currency, not the country.
_CURRENCY_AFTER = re.compile(r"[$€£¥]")
#: A quoted term: in double quotes of any language, corner brackets, or single quotes that are no apostrophes.
_QUOTED_PATTERN = (r"[“„«»\"「『'‘‚](?<![^\W_]['‘‚])(?P<q>[^\n“”„«»\"「」『』]{1,60}?)"
                   r"(?:[”“»«\"」』]|['’‘](?![^\W_]))")


@lru_cache(maxsize=1)
def _quoted() -> re.Pattern:
    """``_QUOTED_PATTERN`` compiled on first use (only with a source version: its negated classes of
    non-Latin quotation marks take milliseconds to compile)."""
    return re.compile(_QUOTED_PATTERN)


#: A quoted term has at most this many words (a quoted sentence is speech, not a term).
TERM_WORDS = 6


@lru_cache(maxsize=32)
def _lead(letter: str) -> re.Pattern:
    """Two or more capitalised words apart by ``_GAP``, the first starting with ``letter`` after no word
    character or dot, and then all the capitalised words that follow it so: the run an expansion of an
    acronym that starts with ``letter`` lies in.

    The full names of an acronym were ``re.compile(L1(?<![\\w.]L1)[a-z]+ GAP L2[a-z]+ ... (?!\\w))``
    searched from left to right: a pattern whose every step can go one way only (a word takes all its a-z,
    a gap all its spaces, and a short word only when spaces follow it). Its matches are the words, inside
    one of these runs, whose initials are the acronym's letters, taken from left to right without overlap
    (``_expansions``): one pattern per first letter, not per acronym, led by the letter (the search skips
    to it in C)."""
    return re.compile(letter + r"(?<![\w.]" + letter + ")" + _RUN_REST)


def _lead_runs(text: str, letter: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """(start, end, initials) of the ``_lead(letter)`` runs in ``text[a:b]``."""
    find = _INITIAL.findall
    return [(m.start(), m.end(), "".join(find(text, m.start(), m.end()))) for m in _lead(letter).finditer(text, a, b)]


def _expansions(text: str, letters: str, a: int, b: int,
                runs: dict[str, list[tuple[int, int, str]]]) -> list[tuple[int, int]]:
    """Spans of the capitalised words whose initials are ``letters`` (US → United States) in ``text[a:b]`` (a
    window cut at line breaks: a run does not cross one), from left to right, none overlapping. ``runs``
    keeps the window's ``_lead_runs`` by letter."""
    got = runs.get(letters[0])
    if got is None:
        got = runs[letters[0]] = _lead_runs(text, letters[0], a, b)
    out, k = [], len(letters)
    for s, e, initials in got:
        i = initials.find(letters)
        if i < 0:
            continue
        words = [w.span() for w in _CHAIN_WORD.finditer(text, s, e)]
        while i >= 0:
            out.append((words[i][0], words[i + k - 1][1]))
            i = initials.find(letters, i + k)
    return out


def _has_expansion(text: str, letters: str) -> bool:
    """True when ``text`` writes the capitalised words whose initials are ``letters`` (``_expansions``)."""
    return any(letters in initials for _, _, initials in _lead_runs(text, letters[0], 0, len(text)))


@per_text
def _headline_end(text: str) -> int:
    """Where the body starts: after the first line when it reads as a headline (other lines follow, it is
    at most 200 characters and does not end a sentence), else 0."""
    end = text.find("\n")
    if end < 0 or end > 200:
        return 0
    first = text[:end].rstrip()
    return end + 1 if first and first[-1] not in ".!?:;,\"”’'»“" and text[end + 1:].strip() else 0


def _in_compound(text: str, s: int, e: int) -> bool:
    """True for a word joined to another by a hyphen (US-China, Sino-US)."""
    return text[s - 1: s] == "-" or (text[e: e + 1] == "-" and text[e + 1: e + 2].isalnum())


def _quoted_terms(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    for m in _quoted().finditer(text, start, end):
        q = m.group("q").strip(" ,.;:")
        if q and len(q.split()) <= TERM_WORDS and (" " in q or len(q) <= 30) and any(c.isalpha() for c in q):
            s = m.start("q") + m.group("q").find(q)
            out.append((s, s + len(q), q))
    return out


@register
class InconsistentTerm(Rule):
    """One term named two ways in one story: abbreviation and full name in turn, or two renderings.

    What it flags:
        In a story whose body goes back and forth between an acronym and the capitalised words it abbreviates,
        each form written twice or more and taken up again after the other ("the United States" ... "US
        officials" ... "the United States" ... "US ships"), every mention in the other form than the body's
        first one; also one mention in the other form amid a form the body has set by writing it twice first
        ("the US" ... "US technology" ... "The United States" ... "US officials"), not one between two others
        ("U.S." ... "the United States" ... "US"), which sets nothing. Introducing a name and then abbreviating
        it ("the European Union (EU) ... the EU ... the EU") is the normal order and is not flagged; a headline
        (it abbreviates to save space), an acronym in a hyphenated compound ("US-China", "Sino-US") or before a
        currency sign ("US$"), and a mix that the source version has too do not count. With the source version:
        a term the source quotes in several lines ("lender watch", “基金E账户”) that the translation, line for line,
        quotes in different words ("Lender Watch", then "Kreditgeberbeobachtung"; a line that keeps the source's
        words unquoted renders them as they are): the rendering other than the one most lines use (on a tie, the
        first one). Renderings that differ only by capitals, hyphens or spaces are ART006's.
    Why it matters:
        A source names a country, a body or a catchword the same way each time; translated sentence by
        sentence it comes out as a mix of names, and a reader sees two things where there is one.
    Example:
        "The United States said talks would go on."
        "US officials met on Monday. The United States then left. US ships stayed."
        Use instead: "The United States said talks would go on."
        "US officials met on Monday. US diplomats then left. US ships stayed."
    Fix safety:
        Display only for an abbreviation (switching forms can need "the" and other edits; a house style
        that spells the name out as a noun and abbreviates it before a noun, "the United States" and "US
        forces", may accept the mix and ignore ART007); unsafe for a quoted rendering (the story's usual
        rendering replaces it, but the better one may be the rarer).
    Data:
        None: a full name is found by the acronym's letters (capitalised words with those initials); a
        quoted term is paired with the source's when both versions have the same number of lines (one
        segment per line) and a line holds as many quoted terms in each.
    """

    code = "ART007"
    name = "inconsistent-term"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        text = ctx.doc.text
        for a, b in windows(text):
            found: dict[str, list[tuple[int, int]]] = {}
            for s, w in _capitals_in(text, a, b):
                if _ACRONYM.fullmatch(w):
                    found.setdefault(w.replace(".", ""), []).append((s, s + len(w)))
            if not found:
                continue
            runs: dict[str, list[tuple[int, int, str]]] = {}
            for letters in found:
                full = _expansions(text, letters, a, b, runs)
                if full and len(full) + len(found[letters]) > 2 and not self._source_mixes(ctx, letters):
                    yield from self._abbreviation(ctx, text, found[letters], full)
        if ctx.source is not None:
            yield from self._renderings(ctx, text)

    @staticmethod
    def _source_mixes(ctx, letters: str) -> bool:
        """True when the source version itself writes both the acronym and its full name (an English source
        of a German story): the translation follows it, and the mix is the author's, not a translation slip."""
        if ctx.source is None:
            return False
        src = ctx.source.text
        dotted = ".".join(letters) + "."
        return (_in_source(ctx, letters) or _in_source(ctx, dotted)) and _has_expansion(src, letters)

    def _abbreviation(self, ctx, text: str, short: list, full: list) -> Iterator[Finding]:
        full_ends = {e for _, e in full}
        # "European Union (EU)": the acronym in brackets right after the name introduces it, not a mention
        short = [(s, e) for s, e in short if not (text[s - 1: s] == "(" and (s - 2) in full_ends)]
        # a headline abbreviates to save space, and an acronym in a hyphenated compound (US-China, Sino-US) has no
        # full form: neither sets the term nor counts as a switch
        body = _headline_end(text)
        mentions = sorted([(s, e, "full") for s, e in full if s >= body]
                          + [(s, e, "short") for s, e in short if s >= body and not _in_compound(text, s, e)
                             and not _CURRENCY_AFTER.match(text, e)])
        if not mentions:
            return
        switches = sum(1 for x, y in zip(mentions, mentions[1:], strict=False) if x[2] != y[2])
        if switches < SWITCHES:
            return
        if min(sum(1 for m in mentions if m[2] == f) for f in ("full", "short")) < 2 and \
                mentions[0][2] != mentions[1][2]:
            return  # a form written once is a slip only where the story had set its form first: A A B A, not A B A
        s0, e0, first = mentions[0]
        line = ctx.doc.lines.position(s0)[0]
        other = "its abbreviation" if first == "full" else "the full name"
        for s, e, form in mentions:
            if form == first:
                continue
            msg = (f"{text[s:e]!r}: this story switches {switches} times between {text[s0:e0]!r} (first, line "
                   f"{line}) and {other}; one term, one form")
            yield self.finding(ctx, s, e, msg, [], Applicability.DISPLAY, _related(ctx, s0, e0, "first form"))

    def _renderings(self, ctx, text: str) -> Iterator[Finding]:
        src = ctx.source
        stext = src.text
        lines, slines = ctx.doc.lines.starts, src.lines.starts
        if len(lines) != len(slines) or not _quoted().search(stext):
            return
        renderings: dict[str, list[tuple[int, int, str]]] = {}
        ends = lines[1:] + [len(text)]
        if "\r" in stext:  # a line may end at a lone carriage return: each line is searched on its own
            quoted = [(k, _quoted_terms(stext, sa, sb))
                      for k, (sa, sb) in enumerate(zip(slines, slines[1:] + [len(stext)], strict=True))]
        else:  # one search of the whole source (a quotation does not run past its line), its terms by line
            by_line: dict[int, list[tuple[int, int, str]]] = {}
            for got in _quoted_terms(stext, 0, len(stext)):
                by_line.setdefault(bisect.bisect_right(slines, got[0]) - 1, []).append(got)
            quoted = list(by_line.items())
        for k, sq in quoted:
            if not sq:
                continue
            a, b = lines[k], ends[k]
            tq = _quoted_terms(text, a, b)
            if len(sq) == len(tq):
                for (_, _, term), hit in zip(sq, tq, strict=True):
                    renderings.setdefault(term.casefold(), []).append(hit)
                continue
            for _, _, term in sq:  # no quotes to pair: a Latin-script term the line keeps as it is, unquoted
                if term.isascii():
                    m = re.search(r"(?<!\w)" + re.escape(term) + r"(?!\w)", text[a:b], re.I)
                    if m is not None:
                        renderings.setdefault(term.casefold(), []).append((a + m.start(), a + m.end(), m.group(0)))
        for term, hits in renderings.items():
            forms: dict[str, list[tuple[int, int, str]]] = {}
            for h in hits:
                forms.setdefault(_key(h[2]), []).append(h)
            if len(forms) < 2:
                continue
            top = max(forms, key=lambda k: (len(forms[k]), -forms[k][0][0]))
            s0, e0, model = forms[top][0]
            line = ctx.doc.lines.position(s0)[0]
            for k, group in forms.items():
                if k == top:
                    continue
                for s, e, w in group:
                    msg = (f"{w!r} renders the source's quoted {term!r}, which line {line} renders {model!r}: "
                           "one term, one rendering")
                    yield self.finding(ctx, s, e, msg, [model], Applicability.UNSAFE,
                                       _related(ctx, s0, e0, f"rendered {model!r} here"))


# ------------------------------------------------------------------------------- forms of address

#: A quotation that is closed before a point on its line: removed before asking whether a quote is still open.
_CLOSED_QUOTE = r"„[^“”\n]*[“”]|“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»|»[^«\n]*«"
_OPEN_QUOTE = r"[„“\"«»]"


@lru_cache(maxsize=1)
def _quote_patterns() -> tuple[re.Pattern, re.Pattern]:
    """``_CLOSED_QUOTE`` and ``_OPEN_QUOTE`` compiled on first use (ART010 runs in few languages; their
    classes of non-Latin marks take a millisecond to compile)."""
    return re.compile(_CLOSED_QUOTE), re.compile(_OPEN_QUOTE)
#: What ends a sentence before a word: a capital after it starts the sentence, not a form of address.
_SENTENCE_END = frozenset(".!?:;\"„“”«»–—-(")


@lru_cache(maxsize=16)
def _address_pattern(lang: str) -> tuple[re.Pattern, frozenset[str], frozenset[str]] | None:
    """One pattern for every pronoun of the formal and the informal address (``address_formal``,
    ``address_informal`` in ``data/consistency/<lang>.tsv``), and the two sets of forms."""
    facts = _language_facts(lang)
    formal, informal = facts.get("address_formal"), facts.get("address_informal")
    if not formal or not informal:
        return None
    informal = frozenset(informal | {w[:1].upper() + w[1:] for w in informal})
    by_first: dict[str, list[str]] = {}
    for w in sorted(formal | informal, key=len, reverse=True):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    # one branch per first letter, the lookbehind after it: the search skips to the candidates in C
    pat = re.compile("(?:" + "|".join(f"{re.escape(c)}(?<![^\\W\\d_]{re.escape(c)})(?:{'|'.join(rest)})"
                              for c, rest in by_first.items()) + r")(?![^\W_])")
    return pat, frozenset(formal), informal


def _in_quotes(text: str, line_start: int, s: int) -> bool:
    """True when a quotation opened earlier on the line is still open at ``s`` (reported speech keeps the
    speaker's own form of address)."""
    closed, open_ = _quote_patterns()
    return open_.search(closed.sub("", text[line_start:s])) is not None


@register
class MixedAddress(Rule):
    """A text that addresses its reader both formally and informally: "Sie" in one sentence, "du" in the next.

    What it flags:
        In a language with a formal and an informal "you" (German "Sie", "Ihnen", "Ihr" against "du", "dich",
        "dir", "dein"), every pronoun of the form of address the text uses less often (on a tie, the one it
        uses second), when it uses both. A capitalised "Sie" or "Ihr" counts only inside a sentence: at the
        start of one it can be "she", "they" or "her". Quoted speech keeps the speaker's own form and does
        not count.
    Why it matters:
        A translation from a language with one "you" (English) picks the German form sentence by sentence,
        and the reader is addressed as a stranger in one line and as a friend in the next.
    Example:
        "Der Film, den Sie nie sehen wollten, kommt zurück." (de) "Ein Jingle, den Sie nie vergessen werden."
        "Ein Werbespot, der dir Bier verkauft."
        Use instead: "Der Film, den Sie nie sehen wollten, kommt zurück."
        "Ein Jingle, den Sie nie vergessen werden." "Ein Werbespot, der Ihnen Bier verkauft."
    Fix safety:
        Display only: switching the form changes verbs and possessives too ("du hast" → "Sie haben").
    Data:
        ``data/consistency/<lang>.tsv`` (``address_formal``, ``address_informal``: the pronouns of each form);
        a language without them is not checked. A file longer than a story is compared in windows of about
        10,000 characters.
    """

    code = "ART010"
    name = "mixed-address"

    def check(self, ctx) -> Iterator[Finding]:
        got = _address_pattern(ctx.lang)
        if got is None:
            return
        pat, formal, informal = got
        text = ctx.doc.text
        for a, b in windows(text):
            found: dict[bool, list[tuple[int, int]]] = {True: [], False: []}
            for m in pat.finditer(text, a, b):
                s, w = m.start(), m.group(0)
                is_formal = w in formal
                if not is_formal and w not in informal:
                    continue  # "sie", "ihnen": she, them
                line_start = text.rfind("\n", 0, s) + 1
                if is_formal:
                    before = text[line_start:s].rstrip()
                    if not before or before[-1] in _SENTENCE_END:
                        continue
                if _in_quotes(text, line_start, s):
                    continue
                found[is_formal].append((s, m.end()))
            if not found[True] or not found[False]:
                continue
            usual = max((True, False), key=lambda f: (len(found[f]), -found[f][0][0]))
            s0, e0 = found[usual][0]
            n = len(found[usual])
            how, other = ("formally", "informally") if usual else ("informally", "formally")
            for s, e in found[not usual]:
                msg = (f"{text[s:e]!r} addresses the reader {other}; this text addresses the reader {how} "
                       f"{n} times ({text[s0:e0]!r} first, line {ctx.doc.lines.position(s0)[0]}): one form of "
                       "address")
                yield self.finding(ctx, s, e, msg, [], Applicability.DISPLAY,
                                   _related(ctx, s0, e0, f"addressed {how} here"))
