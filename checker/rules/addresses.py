"""Address rules: a street address written in another language's order. Every convention comes from
``data/formats/addresses.tsv`` (hand-compiled, each row naming its source). Like the other digit rules the rule
scans only the windows around the digits of the text (``formats._view``, computed once for every FMT rule), with
a pattern that starts at a digit or at a street word next to one; each candidate is then checked on the full
text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from ..datafiles import tsv_rows
from ..documents import language_name
from ..findings import Applicability, Finding
from . import Rule, register
from .formats import _has_digits, _scan


@cache
def _data() -> dict[str, dict[str, list[str]]]:
    """kind → lang → values, from ``data/formats/addresses.tsv``."""
    out: dict[str, dict[str, list[str]]] = {}
    for row in tsv_rows("formats", "addresses.tsv"):
        kind, lang, values = row[0], row[1], row[2].split()
        out.setdefault(kind, {}).setdefault(lang, []).extend(values)
    return out


def _position(lang: str) -> str | None:
    """'before' / 'after' where the language's own addresses put the number; None where the data has no
    row or the language is also written in countries with the other order (French: Belgium, Switzerland)."""
    data = _data()
    if lang in data.get("mixed", {}):
        return None
    pos = data.get("number", {}).get(lang)
    return pos[0] if pos else None


def _checked_languages() -> frozenset[str]:
    return frozenset(lang for lang in _data().get("number", {}) if _position(lang))


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _langs_with(position: str) -> list[str]:
    return sorted(lang for lang, pos in _data().get("number", {}).items() if pos[0] == position)


# A house number: up to four digits and a letter (221B, 12a) or a range (10-12), not a year (1800-2099: "seit 2019
# Wall Street ..."), not part of a decimal, date, amount or code.
_NUM = r"(?!(?:18|19|20)\d\d(?!\d))\d{1,4}(?:[a-zA-Z](?![\w'’]))?(?:[-–]\d{1,4}[a-zA-Z]?(?![\w'’]))?"
_NOT_BEFORE_NUM = r"(?<![0-9A-Za-z\u00C0-\u024F\u0370-\u052F.,:/+$€£¥#-])"
# A word of a street's name: capitalised (Wall, Downing, Beiyi, W.) or an ordinal (5th, 42nd).
_NAME = r"(?:[A-ZÀ-ÖØ-ÞĀ-Ž][\w'’]*\.?|\d{1,3}(?:st|nd|rd|th))"
_CAP_AFTER = r"[ \u00a0]+(?P<next>[A-ZÀ-ÖØ-Þ][\w]*)"


@cache
def _number_first_patterns(lang: str) -> tuple[re.Pattern | None, re.Pattern | None, re.Pattern | None]:
    """Number-first addresses in a language that writes the number after the street: (a number, the street's
    name and a street word that follows names in a number-first language: "40 Wall Street", "40-Wall-Street-
    Gebäude"; a number before a street word that comes before names: "10 rue de Rivoli", "5 Calle Mayor")."""
    data = _data()
    before = set(_langs_with("before"))
    suffixes = [w for x in before for w in data.get("suffix", {}).get(x, [])]
    prefixes = [w for x in data.get("prefix", {}) for w in data["prefix"][x]]
    suffix_re = prefix_re = None
    # what a candidate looks like in the windows around the digits: a digit, then a capital or a prefix word
    quick = [r"[ \u00a0-][A-ZÀ-Þ]"] if suffixes else []
    if suffixes:
        suffix_re = re.compile(
            _NOT_BEFORE_NUM + r"(?P<num>" + _NUM + r")(?P<sep>[ \u00a0]|-(?=[A-Z]))"
            r"(?P<name>" + _NAME + r"(?:[ \u00a0-]" + _NAME + r"){0,2}?)[ \u00a0-](?P<type>" + _alt(suffixes) + r")"
            r"(?:(?P<tail>-[\w-]+)|(?=" + _CAP_AFTER + r")|(?![\w'’-]|\.\w))")
    if prefixes:
        quick.append(r",?[ \u00a0](?:" + _alt(prefixes) + ")")
        prefix_re = re.compile(
            _NOT_BEFORE_NUM + r"(?P<num>" + _NUM + r"),?[ \u00a0](?P<type>" + _alt(prefixes) + r")(?!\w)[ \u00a0]?"
            r"(?P<name>(?:(?:de la|de l'|de los|de las|del|de|du|des|d'|da|do|dos|das|della|delle|dei|di)[ \u00a0]?)?"
            r"(?:" + _NAME + r"|[А-ЯЁІЇЄҐ][\w'’-]*)(?:[ \u00a0-](?:" + _NAME + r"|[А-ЯЁІЇЄҐ][\w'’-]*)){0,2})"
            r"(?![\w'’-])")
    candidate = re.compile(r"[0-9][a-zA-Z]?(?:" + "|".join(quick) + ")") if quick else None
    return suffix_re, prefix_re, candidate


@cache
def _number_after_pattern(lang: str) -> tuple[re.Pattern, re.Pattern] | None:
    """A number after the street in a language that writes it first: the street's name, one of the language's
    own street words that follow a name, an optional "No." and the number ("Baker Street 221", "Beiyi Road
    No. 555"), at the end of the address: before punctuation, a capitalised word or a word of the ``follow`` list
    (not "Wall Street 10 years ago", "Wall Street 2: Money Never Sleeps", "Street 40-year")."""
    data = _data()
    suffixes = data.get("suffix", {}).get(lang, [])
    if not suffixes:
        return None
    markers = data.get("marker", {}).get(lang, [])
    marker = r"(?:(?:" + _alt(markers) + r")[ \u00a0]?)?" if markers else ""
    # the words a house number that ends an address may stand before; any other word ("Wall Street 10 years
    # ago", "Sesame Street 50 anniversary") makes the number a count
    follow = "|(?:" + _alt(data["follow"][lang]) + r")\b" if data.get("follow", {}).get(lang) else ""
    candidate = re.compile(r"(?:" + _alt(suffixes) + r"),?[ \u00a0]" + marker + r"[0-9]")
    return candidate, re.compile(
        r"(?<![\w'’-])(?P<name>" + _NAME + r"(?:[ \u00a0]" + _NAME + r"){0,3}?)[ \u00a0](?P<type>" + _alt(suffixes)
        + r")(?P<sep>,?[ \u00a0])" + marker + r"(?P<num>" + _NUM + r")"
        r"(?=[ \u00a0]*(?:\n|$|[,.;)!?\"'”’»\]](?!\d)|[A-ZÀ-Þ]" + follow + r"))")


_WORD4 = re.compile(r"[^\W\d_]{4,}")


def _title_case(text: str, at: int) -> bool:
    """Whether the line around ``at`` is in title case (a headline): most of its words of four letters or more
    are capitalised."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = _WORD4.findall(text, start, end if end >= 0 else len(text))
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _building(lang: str, word: str) -> bool:
    low = word.lstrip("-").split("-")[0].casefold()
    return any(low.startswith(b.casefold()) for b in _data().get("building", {}).get(lang, []))


@register
class ForeignAddressOrder(Rule):
    """A street address with its house number on the side another language puts it.

    What it flags:
        In a language that writes the number after the street (German, Dutch, Polish, Czech, Italian,
        Spanish, Portuguese, Russian, Ukrainian, Chinese, Japanese, Korean): an address copied in English or
        French order, the number first ("40 Wall Street", "das 40-Wall-Street-Gebäude", "10 rue de Rivoli",
        "5 Calle Mayor"). In English, which writes it first: a number after an English street word ("Baker
        Street 221", "Beiyi Road No. 555"). A foreign address in its own form ("Hauptstraße 5", "Via Roma 10"
        in English copy) is never flagged, and French copy is not checked (France writes "10 rue de
        Rivoli", Belgium and Switzerland "Rue de la Loi 16").
    Why it matters:
        Machine translation keeps the source's address order; German readers expect "Wall Street 40" as DIN
        5008 and the German press write it, English readers "221 Baker Street". A number before a street
        name can also read as a count.
    Example:
        "Wells Fargo bedient die Hypothek für 40 Wall Street." (de)
        Use instead: "Wells Fargo bedient die Hypothek für das Gebäude Wall Street 40."
    Fix safety:
        Unsafe: the reordered address ("Wall Street 40", "221 Baker Street") is offered for ``--unsafe-fixes``
        only, because a number-first form can be the name of a building (the skyscraper 40 Wall Street) that
        the house style keeps, and the article before it may need changing. A compound ("40-Wall-Street-
        Gebäude") gets no suggestion: it needs rewording.
    Data:
        ``data/formats/addresses.tsv``: each language's number position (Universal Postal Union addressing
        sheets, Wikipedia "Address", DIN 5008, NF Z10-011), the street words (USPS Publication 28 Appendix C1
        suffixes, Royal Mail thoroughfare descriptors, the UPU sheets' street types), "No." and the nouns
        for a building named by its address (hand list).
    """

    code = "FMT009"
    name = "foreign-address-order"
    fix = "sometimes"
    languages = _checked_languages()

    def check(self, ctx) -> Iterator[Finding]:
        text = ctx.doc.text
        if not _has_digits(text):
            return
        position = _position(ctx.lang)
        if position == "after":
            yield from self._number_first(ctx, text)
        elif position == "before":
            yield from self._number_after(ctx, text)

    def _number_first(self, ctx, text: str) -> Iterator[Finding]:
        lang = ctx.lang
        suffix_re = _number_first_patterns(lang)[0]
        name = language_name(lang)
        comma = _data().get("separator", {}).get(lang, ["space"])[0] == "comma"
        src = ctx.source.lang if ctx.source is not None else None
        french = {w.casefold() for w in _data().get("prefix", {}).get("fr", [])}
        for m in number_first_matches(text, lang):
            groups = m.groupdict()
            tail, nxt = groups.get("tail"), groups.get("next")
            if tail and not _building(lang, tail):
                continue  # "20 Wall-Street-Banken": a count of banks
            if nxt and not _building(lang, nxt):
                continue  # "Wall Street Journal", "Street Food": a name goes on
            num, start = m.group("num"), m.start()
            if m.re is suffix_re:
                street = f"{m.group('name')} {m.group('type')}".replace("-", " ") \
                    if m.group("sep") == "-" else text[m.start("name"):m.end("type")]
                order = language_name(src) if src in _langs_with("before") else "English"
            else:
                street = text[m.start("type"):m.end("name")]
                order = "French" if m.group("type").casefold() in french else "English and French"
            end = m.end("tail") if tail else m.end()
            fixed = f"{street}{', ' if comma else ' '}{num}"
            if tail:
                msg = (f"{text[start:end]!r} puts the house number before the street, as {order} addresses do; "
                       f"{name} copy writes it after the street ({fixed!r}): reword the compound")
                yield self.finding(ctx, start, end, msg)
                continue
            msg = (f"{text[start:end]!r} puts the house number before the street, as {order} addresses do; "
                   f"{name} copy writes it after the street: {fixed!r}")
            yield self.finding(ctx, start, end, msg, [fixed], Applicability.UNSAFE)

    def _number_after(self, ctx, text: str) -> Iterator[Finding]:
        name = language_name(ctx.lang)
        src = ctx.source.lang if ctx.source is not None else None
        after = _langs_with("after")
        who = language_name(src) if src in after else \
            ", ".join(language_name(x) for x in ("de", "zh", "it") if x in after) + " and other languages'"
        for m in number_after_matches(text, ctx.lang):
            nxt = text[m.end():m.end() + 3].lstrip(" \u00a0")
            if nxt[:1].isupper() and _title_case(text, m.start()):
                continue  # "Wall Street 2 Years After the Crash": a headline's capitals say nothing
            num, street = m.group("num"), text[m.start("name"):m.end("type")]
            fixed = f"{num} {street}"
            msg = (f"{m.group(0)!r} puts the house number after the street, as {who} addresses do; {name} copy "
                   f"writes it first: {fixed!r}")
            yield self.finding(ctx, m.start(), m.end(), msg, [fixed], Applicability.UNSAFE)


def number_first_matches(text: str, lang: str) -> Iterator[re.Match]:
    """The matches of the number-first patterns of ``lang`` in ``text``, left to right and not overlapping:
    what ``finditer`` of each pattern over the whole text finds, from the digit windows only."""
    suffix_re, prefix_re, candidate = _number_first_patterns(lang)
    if candidate is None:
        return
    done = 0
    for hit in _scan(candidate, text):
        start = hit.start()  # the last digit of the number: back to its first ("221", "10-12")
        while start and (text[start - 1].isdigit() or text[start - 1] in "-–" and text[start - 2:start - 1].isdigit()):
            start -= 1
        if start < done:
            continue
        m = (suffix_re and suffix_re.match(text, start)) or (prefix_re and prefix_re.match(text, start))
        if m:
            done = m.end()
            yield m


def number_after_matches(text: str, lang: str) -> Iterator[re.Match]:
    """The matches of the number-after pattern of ``lang`` in ``text`` (what its ``finditer`` over the whole text
    finds), from the digit windows only."""
    patterns = _number_after_pattern(lang)
    if patterns is None:
        return
    candidate, pattern = patterns
    n, done = len(text), 0
    for hit in _scan(candidate, text):
        at = hit.start()
        if at < done:
            continue
        # the street's name is up to four words before the street word: look back far enough for it, and far
        # enough ahead that the look-ahead after the number sees the text that follows
        lo, hi = max(done, at - 160), min(n, hit.end() + 60)
        m = next((m for m in pattern.finditer(text, lo, hi) if m.start("type") == at), None)
        if m is not None and (hi == n or m.end() <= hi - 40):
            done = m.end()
            yield m
