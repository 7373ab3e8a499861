#!/usr/bin/env python3
"""Build checker/data/currencies.tsv: the words each language names a currency by, for PAIR001.

Source: Unicode CLDR via babel (Unicode License v3), needed only here, never at run time:
* the currencies that are legal tender in some territory on 2026-01-01 (``get_territory_currencies``);
* each one's display names in each language, singular and every plural form (``get_currency_name`` with
  counts 1, 2, 5, 1.5: one, few, many, other): "Czech korunas", "českých korun", "Schwedische Kronen";
* the language's home territory (CLDR likely subtags: cs → CZ) and its currency, which a bare currency word
  means in that language ("korun" in Czech copy is the Czech koruna, "Kronen" in German copy is not one).

Rows (tab-separated):
* ``name  <lang>  <form>  <code>``: a full display name, lower-cased;
* ``word  <lang>  <word>  <code> <code> ...  [amount]``: the noun of the names (of a name's words, the
  one most currencies' names share, then the rarer: "US-Dollar" → "dollar", "доларів США" → "доларів",
  "Czech koruna" → "koruna"), with every currency whose name has it; ``amount`` where the word is frequent
  enough to be something else too, and counts only next to an amount; none for the words that are mostly
  ordinary words (``ORDINARY``, ``ORDINARY_ZIPF``);
* ``symbol  <lang>  <symbol>  <code> ...``: the currency symbols of the language ("Kč", "€", "$"), with
  every currency that writes so;
* ``home  <lang>  <code>``;
* ``plural  <lang>  <code>  <form>``: the name a translation would write for an amount (count 5).

Usage: ``python scripts/build_currency_data.py``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import babel
from babel import Locale
from babel.core import get_global
from babel.numbers import get_currency_name, get_currency_symbol, get_territory_currencies

OUT = Path(__file__).resolve().parent.parent / "checker" / "data" / "currencies.tsv"
LANGS = ["en", "de", "fr", "es", "it", "pl", "nl", "pt", "cs", "ru", "uk"]
DATE = datetime.date(2026, 1, 1)
COUNTS = (None, 1, 2, 5, 1.5)
#: Last words of currency names that are also ordinary words of the language, after a number too ("the
#: 1,000 mark", "lost 20 pounds", "won 3 games"...: "won" follows a score; Rand is German for edge, Pfund,
#: libra, livre, funt, фунт a weight): only the full names count for these ("British pounds").
#: Hand-authored from the dictionaries' senses of each word.
#: A currency word that is this frequent an ordinary word of its language (Zipf × 10, from the project's
#: wordfreq vocabularies, ``checker/data/lang/vocab``) is left to the full names: "вона" (she; the won in
#: Ukrainian), "tak", "jen" (so, only; the taka and the yen in Czech); not a word of the language's own
#: currency, which is frequent for being it.
ORDINARY_ZIPF = 55
#: A currency word at least this frequent counts only next to an amount ("5 Millionen Dollar"): "sol",
#: "corona", "dolarů" are words or names too; rarer ones count anywhere ("tens of kronor").
AMOUNT_ZIPF = 40
ORDINARY = {
    "en": {"mark", "marks", "won", "real", "pound", "pounds"},
    "de": {"mark", "rand", "real", "pfund"},
    "fr": {"livre", "livres", "marc", "marcs", "réal"},
    "es": {"real", "reales", "libra", "libras", "marco", "marcos"},
    "it": {"real", "marco", "marchi", "libbra", "libbre"},
    "pl": {"funt", "funty", "funtów", "funta", "marka", "marki", "marek", "real"},
    "nl": {"mark", "pond", "real"},
    "pt": {"real", "libra", "libras", "marco", "marcos"},
    "cs": {"libra", "libry", "liber", "marka", "marky", "marek", "real"},
    "ru": {"фунт", "фунта", "фунтов", "марка", "марки", "марок", "реал"},
    "uk": {"фунт", "фунта", "фунтів", "марка", "марки", "марок", "реал"},
}


def zipfs(lang: str) -> dict[str, int]:
    """word → Zipf × 10 in ``lang``'s vocabulary (``checker/data/lang/vocab``)."""
    import gzip

    path = OUT.parent / "lang" / "vocab" / f"{lang}.txt.gz"
    out: dict[str, int] = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            zipf, words = line.split("\t")
            for w in words.split():
                out.setdefault(w, int(zipf))
    return out


def current_currencies() -> list[str]:
    codes: set[str] = set()
    for territory in Locale("en").territories:
        if len(territory) == 2 and territory.isalpha():
            try:
                codes.update(get_territory_currencies(territory, DATE, tender=True))
            except Exception:  # noqa: BLE001 - a territory babel has no currency data for
                continue
    return sorted(codes)


def main() -> None:
    codes = current_currencies()
    likely = get_global("likely_subtags")
    rows = [f"# Built by scripts/build_currency_data.py from Unicode CLDR via babel {babel.__version__} "
            "(Unicode License v3). Do not edit: change the script and run it again.",
            "# kind\tlang\tform\tcodes"]
    for lang in LANGS:
        territory = likely[lang].split("_")[-1]
        home = get_territory_currencies(territory, DATE, tender=True)[0]
        rows.append(f"home\t{lang}\t{home}")
        zipf = zipfs(lang)
        names: dict[str, str] = {}
        symbols: dict[str, set[str]] = {}
        for code in codes:
            for form in ("standard", "narrow"):
                try:
                    sym = get_currency_symbol(code, locale=lang) if form == "standard" else \
                        Locale.parse(lang).currency_symbols.get(code) or ""
                except Exception:  # noqa: BLE001 - no symbol in this locale
                    sym = ""
                if sym and sym != code:
                    symbols.setdefault(sym, set()).add(code)
            for count in COUNTS:
                name = get_currency_name(code, count, locale=lang)
                if name and name != code:
                    names.setdefault(name.lower(), code)
            rows.append(f"plural\t{lang}\t{code}\t{get_currency_name(code, 5, locale=lang)}")
        # the noun of a name: of its words, the one in the most currencies' names ("dollar", "рубль" of
        # "российский рубль"), then the rarer word ("koruna" over "Czech", "гривня" over "українська")
        in_names: dict[str, set[str]] = {}
        for name, code in names.items():
            for w in name.replace("-", " ").split():
                in_names.setdefault(w, set()).add(code)
        words: dict[str, set[str]] = {}
        for name, code in names.items():
            parts = name.replace("-", " ").split()
            head = max(parts, key=lambda w: (len(in_names[w]), -zipf.get(w, 0)))
            words.setdefault(head, set()).add(code)
        rows += [f"name\t{lang}\t{n}\t{c}" for n, c in sorted(names.items())]
        rows += [f"symbol\t{lang}\t{sym}\t{' '.join(sorted(cs))}" for sym, cs in sorted(symbols.items())]
        for w, cs in sorted(words.items()):
            frequent = zipf.get(w, 0)
            if w in ORDINARY[lang] or (frequent >= ORDINARY_ZIPF and home not in cs):
                continue
            rows.append(f"word\t{lang}\t{w}\t{' '.join(sorted(cs))}\t{'amount' if frequent >= AMOUNT_ZIPF else ''}")
    OUT.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(rows)} rows)")


if __name__ == "__main__":
    main()
