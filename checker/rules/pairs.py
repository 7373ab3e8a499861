"""Source against translation: what the source names, the translation must name too."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate, compress
from operator import and_

from ..datafiles import tsv_rows
from ..documents import language_name
from ..findings import Applicability, Finding
from . import Rule, register

#: A currency code or symbol, or a currency word that is also an ordinary word ("dollars", "sol"), counts next
#: to an amount: a digit this many characters before it or after it ("EUR 100", "100 Kč", "$5"); a rarer
#: currency word or a full name counts anywhere ("tens of kronor").
AMOUNT_BEFORE = 12
AMOUNT_AFTER = 12
_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1)
def _rows() -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for row in tsv_rows("currencies.tsv"):
        out.setdefault(row[0], []).append(row[1:])
    return out


_TOKEN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=16)
def _currencies(lang: str) -> tuple[dict[str, tuple[frozenset[str], str]], int, re.Pattern | None,
                                    dict[str, frozenset[str]], dict[str, str]] | None:
    """For ``lang``: phrase (lower-case words joined by spaces) → (currencies, how it counts: ``word``
    anywhere, ``amount`` next to an amount, ``code`` next to an amount and in capitals); the longest
    phrase in words; a pattern for the symbols that are no words ("$", "€", "US$") and symbol →
    currencies; code → the name for an amount. A bare word that may mean the language's home currency means
    that one ("korun" in Czech copy). None for a language without the data."""
    rows = _rows()
    home = next((r[1] for r in rows.get("home", ()) if r[0] == lang), None)
    if home is None:
        return None
    phrases: dict[str, tuple[frozenset[str], str]] = {}
    signs: dict[str, frozenset[str]] = {}
    for r in rows.get("symbol", ()):
        if r[0] == lang:
            if _TOKEN.fullmatch(r[1]):  # a symbol of letters (Kč, zł): a word next to an amount
                phrases[r[1].lower()] = (frozenset(r[2].split()), "amount")
            else:
                signs[r[1]] = frozenset(r[2].split())
    for kind in ("word", "name"):  # a full name says which currency, over its noun alone
        for r in rows.get(kind, ()):
            if r[0] != lang:
                continue
            key = " ".join(_TOKEN.findall(r[1]))
            codes = frozenset(r[2].split())
            if kind == "word":
                codes = frozenset({home}) if home in codes else codes
                phrases[key] = (codes, "amount" if r[3:4] == ["amount"] else "word")
            elif " " in key or key not in phrases:
                phrases[key] = (codes, "word")
    for codes, _ in list(phrases.values()):
        for c in codes:
            phrases.setdefault(c.lower(), (frozenset({c}), "code"))
    longest = max((k.count(" ") + 1 for k in phrases), default=1)
    sign_pattern = re.compile("|".join(re.escape(x) for x in sorted(signs, key=len, reverse=True))) if signs else None
    names = {r[1]: r[2] for r in rows.get("plural", ()) if r[0] == lang}
    return phrases, longest, sign_pattern, signs, names


@lru_cache(maxsize=16)
def _first_words(lang: str) -> frozenset[str]:
    """The first words of ``lang``'s currency phrases (``_currencies``)."""
    data = _currencies(lang)
    return frozenset(phrase.split(" ")[0] for phrase in data[0]) if data else frozenset()


def _near_amount(text: str, start: int, end: int) -> bool:
    """True when a digit stands within ``AMOUNT_BEFORE`` characters before ``start`` or ``AMOUNT_AFTER`` after
    ``end``."""
    return bool(_DIGIT.search(text, max(0, start - AMOUNT_BEFORE), start)
                or _DIGIT.search(text, end, end + AMOUNT_AFTER))


def _mentions(text: str, lang: str) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, currencies) of every currency named, and of every code or symbol next to an amount:
    the longest phrase at each word, looked up by its lower-case words."""
    data = _currencies(lang)
    if data is None:
        return []
    phrases, longest, sign_pattern, signs, _ = data
    firsts = _first_words(lang)
    out = []
    tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(text)]
    low = [t[2].lower() for t in tokens]
    i = 0
    while i < len(tokens):
        if low[i] not in firsts:  # most words begin no currency phrase
            i += 1
            continue
        for n in range(min(longest, len(tokens) - i), 0, -1):
            got = phrases.get(low[i] if n == 1 else " ".join(low[i:i + n]))
            if got is None:
                continue
            s, e = tokens[i][0], tokens[i + n - 1][1]
            if any(text[tokens[k][1]:tokens[k + 1][0]].strip(" \u00a0-") for k in range(i, i + n - 1)):
                continue  # the words of a name stand apart only by spaces and hyphens
            codes, how = got
            if how == "code" and not tokens[i][2].isupper() or how != "word" and not _near_amount(text, s, e):
                continue
            out.append((s, e, codes))
            i += n - 1
            break
        i += 1
    if sign_pattern is not None:
        out += [(m.start(), m.end(), signs[m.group(0)]) for m in sign_pattern.finditer(text)
                if _near_amount(text, m.start(), m.end())]
    return sorted(out, key=lambda x: x[0])


@register
class CurrencyMismatch(Rule):
    """A currency the source does not name: "kronor" for the source's "korun".

    What it flags:
        With a source version, an amount in a currency that no amount of the source is in: Swedish kronor
        in an English story whose Czech source counts in korun (the Czech koruna), euros where the German
        source writes Dollar. A currency word means what its full name says ("švédských korun"); a bare
        word that may be the source language's own currency is that one ("korun" in Czech copy is the
        Czech koruna). A code, a symbol or a currency word that is also an ordinary word counts next to an
        amount ("EUR 100", "100 Kč", "$5", "5 dollars"), a rarer currency word anywhere ("tens of kronor");
        the rule speaks only when the source names some currency: a source without one says nothing.
    Why it matters:
        Machine translation picks the currency word it has seen most ("kronor" for any "korun"), and a
        wrong currency changes the amount by a factor that no reader can undo.
    Example:
        Source (de): "Die Firma verdiente 5 Millionen Euro."
        "The company earned 5 million dollars."
        Use instead: "The company earned 5 million euros."
    Fix safety:
        Display only: the suggestion is the source's currency, but a translation may convert the amount
        on purpose.
    Data:
        ``data/currencies.tsv`` (built by ``scripts/build_currency_data.py`` from CLDR via babel): every
        current currency's names, last words and symbols per language, each language's home currency, and a few
        currency words that are also ordinary words ("mark", "won", "pounds") left to the full names.
    """

    code = "PAIR001"
    name = "currency-mismatch"

    def check(self, ctx) -> Iterator[Finding]:
        if ctx.source is None or ctx.source.lang == ctx.lang or _currencies(ctx.lang) is None:
            return
        source = _mentions(ctx.source.text, ctx.source.lang)
        named = frozenset().union(*(c for _, _, c in source)) if source else frozenset()
        if not named:
            return
        names = _currencies(ctx.lang)[4]
        # the source's one currency, as this language writes an amount in it
        wanted = [names[c] for c in named if c in names] if len(named) == 1 else []
        said = ", ".join(sorted({ctx.source.text[a:b] for a, b, _ in source})[:3])
        text = ctx.doc.text
        for s, e, codes in _mentions(text, ctx.lang):
            if codes & named:
                continue
            yield self.finding(
                ctx, s, e,
                f"{text[s:e]!r} is a currency the {language_name(ctx.source.lang)} source does not name; "
                f"its amounts are in {said}", wanted, Applicability.DISPLAY)


#: Two given names differ when their Latin letters are less alike than this (rapidfuzz ratio, 0-100): a
#: romanisation of one name (Kassym-Jomart, Kassym-Schomart; Alikhan, Älichan) stays above it, another
#: name (Klaudia, Klasius) falls below.
GIVEN_NAME_SIMILARITY = 75


def _name_pairs(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, first word, second word) of every two capitalised words (``names.mentions.WORD``) one
    space apart, neither in capitals nor a hyphenated compound with a lower-case part ("Corbyn-supporting")."""
    parts = _word_split().split(text)  # what stands before each word, the word, ..., the rest
    words = parts[1::2]
    capital = [w[:1].isupper() for w in words]
    out = []
    bounds = None
    for i in compress(range(len(words) - 1), map(and_, capital, capital[1:])):
        if parts[2 * i + 2] not in (" ", "\u00a0"):
            continue
        w1, w2 = words[i], words[i + 1]
        if all(not w.isupper() and not any(p[:1].islower() for p in w.split("-")) for w in (w1, w2)):
            if bounds is None:
                bounds = list(accumulate(map(len, parts)))
            out.append((bounds[2 * i], bounds[2 * i + 1], w1, w2))
    return out


@lru_cache(maxsize=1)
def _word_split() -> re.Pattern:
    """``names.mentions.WORD`` as one group: a text splits on it into the words and what stands between."""
    from ..names.mentions import WORD

    return re.compile(f"({WORD.pattern})")


@register
class GivenNameMismatch(Rule):
    """A person's given name that the source does not give them: "Klasius Tanner" for "Klaudia Tanner".

    What it flags:
        With a source version, a given name before a surname that the source writes too, where the source
        names that person with another given name: the two do not key alike (transliteration-aware, case
        endings undone) and their Latin letters are far apart (``GIVEN_NAME_SIMILARITY``), so it is not a
        romanisation of the same name (Kassym-Jomart, Kassym-Schomart). Only words that are no ordinary words
        of either language count as given names (not "Minister", "President" or a German noun before a name),
        and a surname the source gives two people (Bill and Hillary Clinton) is left alone when the given
        name is one of theirs.
    Why it matters:
        Machine translation sometimes "corrects" a rare given name into another word or another name, and
        the story then names a person who does not exist; no reader can tell.
    Example:
        Source (de): "Verteidigungsministerin Klaudia Tanner verteidigte das Vorgehen."
        "Defense Minister Klasius Tanner defends the procedure."
        Use instead: "Defense Minister Klaudia Tanner defends the procedure."
    Fix safety:
        Display only: the suggestion is the source's given name as the source writes it (Latin script only);
        a translation may anglicise a name on purpose.
    Data:
        None of its own: name keys (``data/names/keys``), the languages' word frequencies (``data/lang/vocab``)
        to tell ordinary words.
    """

    code = "PAIR002"
    name = "given-name-mismatch"

    def check(self, ctx) -> Iterator[Finding]:
        if ctx.source is None or ctx.source.lang == ctx.lang:
            return
        from rapidfuzz import fuzz

        from ..documents import letter_script, vocabulary_languages, word_zipfs
        from ..names import keys

        src_lang = ctx.source.lang
        if ctx.lang not in vocabulary_languages() or src_lang not in vocabulary_languages():
            return  # no way to tell a given name from an ordinary word
        source_pairs = _name_pairs(ctx.source.text)
        if not source_pairs:
            return
        # a word's keys and its base forms' (keys.base_keys: Klaudii is Klaudia)
        by_surname: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for _s, _e, given, surname in source_pairs:
            entry = (given, frozenset(keys.base_keys(given, src_lang)))
            for k in keys.base_keys(surname, src_lang):
                by_surname.setdefault(k, []).append(entry)
        text = ctx.doc.text
        for s, e, given, surname in _name_pairs(text):
            named = {g: gk for k in keys.base_keys(surname, ctx.lang) for g, gk in by_surname.get(k, ())}
            if not named or given in named:
                continue
            own = frozenset(keys.base_keys(given, ctx.lang))
            if any(own & gk for gk in named.values()):
                continue
            latin = keys.latin_form(given, ctx.lang)
            if any(fuzz.ratio(latin, keys.latin_form(g, src_lang)) >= GIVEN_NAME_SIMILARITY for g in named):
                continue
            if word_zipfs(ctx.lang, [given.lower()])[0] or any(word_zipfs(src_lang, [g.lower() for g in named])):
                continue  # an ordinary word: a title, a noun, a common word before a name
            wanted = sorted(g for g in named if all(letter_script(c) == "Latin" for c in g if c.isalpha()))
            said = " or ".join(repr(f"{g} {surname}") for g in sorted(named))
            yield self.finding(
                ctx, s, e,
                f"{given!r} {surname}: the {language_name(src_lang)} source names this person {said}",
                wanted, Applicability.DISPLAY)
