#!/usr/bin/env python3
"""Build checker/data/formats/<lang>.yml: the date, time, number, currency and quotation-mark conventions
of each language, for the FMT rules.

Sources:
* Unicode CLDR via babel (Unicode License v3): date and time patterns, month names (format and stand-alone,
  wide and abbreviated), decimal and group symbols, compact number forms (Mio., Mrd., mln, тыс.),
  currency patterns, symbols and names. babel is needed only here, never at run time.
* CLDR ``common/main/<locale>.xml`` ``<delimiters>`` (babel does not carry them), copied below from the npm
  package cldr-misc-full 48.2.0, ``main/<locale>/delimiters.json``: quotation marks, primary and secondary.
* Hand-authored additions, each with its source in a comment in ``HAND`` below.

Usage: ``python scripts/build_format_data.py`` (add a language: add it to ``LOCALES`` and, where CLDR lacks
its quotation marks, to ``DELIMITERS``; run again).
"""

from __future__ import annotations

import re
from pathlib import Path

import babel
import yaml
from babel import Locale

OUT = Path(__file__).resolve().parent.parent / "checker" / "data" / "formats"

# The locales whose conventions count as a language's own (the news markets of each language).
LOCALES = {
    "en": ["en", "en_GB"], "de": ["de", "de_AT", "de_CH"], "fr": ["fr"], "es": ["es"], "it": ["it"],
    "pl": ["pl"], "nl": ["nl"], "pt": ["pt", "pt_PT"], "cs": ["cs"], "ru": ["ru"], "uk": ["uk"],
    "zh": ["zh"], "ja": ["ja"], "ko": ["ko"],
}

# CLDR 48.2 <delimiters> (npm cldr-misc-full 48.2.0): quotationStart, quotationEnd,
# alternateQuotationStart, alternateQuotationEnd.
DELIMITERS = {
    "en": "“”‘’", "de": "„“‚‘", "fr": "«»«»", "es": "“”‘’", "it": "«»“”", "pl": "„”«»", "nl": "‘’‘’",
    "pt": "“”‘’", "cs": "„“‚‘", "ru": "«»„“", "uk": "«»„“", "zh": "“”‘’", "ja": "「」『』", "ko": "“”‘’",
}

# Hand-authored additions (the source of each named in its comment).
HAND = {
    "en": {
        # AP Stylebook "months": Jan., Feb., Aug., Sept., Oct., Nov., Dec. (CLDR has Sep/Sept without dot).
        "month_abbreviations_extra": ["Sept"],
        # AP Stylebook "a.m., p.m." (lowercase, with periods); CLDR gives only AM/PM.
        "day_periods_extra": ["a.m.", "p.m.", "am", "pm"],
        # Wire copy sends straight quotes (AP and Reuters wire text is ASCII); ASCII "…" is not an error in English.
        "ascii_quotes_ok": True,
        # AP Stylebook "yuan" and Reuters Handbook of Journalism "yuan": the Chinese currency is written "yuan"
        # after the amount; "RMB" (renminbi) is the Chinese abbreviation.
        "currency_aliases": {"RMB": "yuan"},
        # English press abbreviations of magnitudes (Reuters "mln", "bln"; BBC/Guardian/FT "m", "bn", "tn").
        "compact_extra": ["bn", "mn", "mln", "bln", "tn", "trn", "m", "k"],
        # Words that follow an ordinal that is not a day of the month ("the 18th century", "the 9th floor").
        "ordinal_nouns": ["century", "centuries", "anniversary", "floor", "time", "times", "round", "day", "days",
                          "week", "month", "year", "place", "grade", "generation", "birthday", "minute", "term",
                          "amendment", "district", "division", "army", "brigade", "battalion", "regiment", "fleet",
                          "session", "edition", "season", "stage", "lap", "hole", "inning", "innings", "game",
                          "match", "round", "largest", "biggest", "most", "straight", "consecutive", "congress",
                          "plenary", "party", "person", "member", "president", "century's", "percentile",
                          "overall", "seed", "spot", "position", "highest", "lowest", "best", "worst", "time,"],
        # A bare ordinal day ("on the 9th") is a date when a verb form follows it ("on the 9th showing"), as
        # well as a function word, punctuation or the line end; another word makes the ordinal a modifier
        # ("of the 19th batch"). English inflection: present participle -ing, past participle -ed.
        "ordinal_day_verb_endings": ["ing", "ed"],
    },
    "de": {
        # DIN 5008 (2020) allows the ISO form 2026-01-06 in German text beside 06.01.2026.
        "numeric_dates_extra": ["y-m-d"],
        # Duden, "Anführungszeichen": »…« and ›…‹ are German quotation marks beside „…“ and ‚…‘.
        "quotes_extra": ["»«", "›‹"],
        # Duden "Abkürzungen": Tsd. (Tausend) beside CLDR's Mio., Mrd., Bio.
        "compact_extra": ["Tsd."],
        # Duden, "Uhrzeit": 19 Uhr, 19.30 Uhr; the word that marks a clock time.
        "clock_words": ["Uhr"],
    },
    "fr": {"quotes_extra": ["“”"]},  # Imprimerie nationale, Lexique des règles typographiques: “…” inside «…»
    "es": {"quotes_extra": ["«»"]},  # RAE, Ortografía 2010 §3.4.8: «…» first, then “…”, then ‘…’
    "pt": {"quotes_extra": ["«»"]},  # European Portuguese (pt_PT) press uses «…»
    "pl": {"quotes_extra": ["»«"]},  # PWN, Słownik interpunkcyjny: »…« as an alternative
    "nl": {"quotes_extra": ["“”"]},  # Taalunie, Leestekens: dubbele aanhalingstekens “…” also used
    "cs": {"quotes_extra": ["»«"]},  # Internetová jazyková příručka (ÚJČ AV ČR): »…« also used
    "ru": {"numeric_dates_extra": []},
    "uk": {"numeric_dates_extra": []},
}

NEWS_CURRENCIES = ["EUR", "USD", "GBP", "CHF", "JPY", "CNY", "RUB", "UAH", "PLN", "CZK"]


def numeric_layout(pattern: str) -> str | None:
    """'dd.MM.yy' → 'd.m.y'; 'M/d/yy' → 'm/d/y'; None for a pattern with month names."""
    if "MMM" in pattern or "LLL" in pattern:
        return None
    fields = re.findall(r"([dMLy])+|([./-])", re.sub(r"'[^']*'|\s", "", pattern))
    letters = [f.lower().replace("l", "m") for f, _ in fields if f]
    seps = {s for _, s in fields if s}
    if sorted(letters) != ["d", "m", "y"] or len(seps) != 1:
        return None
    return seps.pop().join(letters)


def literal(pattern: str) -> str:
    """The letters of a compact-number pattern: "0\\xa0Mio'.'" → 'Mio.'."""
    return pattern.replace("'", "").strip("0").replace("\xa0", " ").strip()


def build(lang: str) -> dict:
    locs = [Locale.parse(code) for code in LOCALES[lang]]
    main = locs[0]
    hand = HAND.get(lang, {})
    numeric = sorted({lay for loc in locs for w in ("short", "medium")
                      if (lay := numeric_layout(str(loc.date_formats[w].pattern)))}
                     | set(hand.get("numeric_dates_extra", [])))
    longs = [str(loc.date_formats["long"].pattern) for loc in locs]
    months_wide = [[main.months[ctx]["wide"][i] for ctx in ("format", "stand-alone")] for i in range(1, 13)]
    months_abbr = [[loc.months[ctx]["abbreviated"][i].rstrip(".") for loc in locs for ctx in ("format", "stand-alone")]
                   for i in range(1, 13)]
    if "month_abbreviations_extra" in hand:
        months_abbr[8] += hand["month_abbreviations_extra"]
    times = sorted({str(loc.time_formats["short"].pattern) for loc in locs})
    periods = [main.day_periods["format"]["abbreviated"].get(p) for p in ("am", "pm")]
    compact = sorted({literal(str(p.pattern)) for loc in locs for form in loc.compact_decimal_formats["short"].values()
                      for p in form.values()} - {""} | set(hand.get("compact_extra", [])))
    compact_long = sorted({literal(str(p.pattern)) for form in main.compact_decimal_formats.get("long", {}).values()
                           for p in form.values()} - {""})
    currency_pattern = str(main.currency_formats["standard"].pattern).split(";")[0]
    symbol_first = currency_pattern.index("¤") < min(currency_pattern.index(c) for c in "#0" if c in currency_pattern)
    currencies = {}
    for code in NEWS_CURRENCIES:
        plural = main._data.get("currency_names_plural", {}).get(code, {})
        names = {main.currencies.get(code, code), *plural.values()}
        currencies[code] = {"symbol": main.currency_symbols.get(code, code),
                            "names": sorted(n for n in names if n)}
    d = DELIMITERS[lang]
    syms = main.number_symbols["latn"]
    return {
        "lang": lang,
        "locales": LOCALES[lang],
        "dates": {
            "numeric": numeric,
            "long_patterns": sorted(set(longs)),
            "month_first": any(p.index("M") < p.index("d") for p in longs if "M" in p and "d" in p),
            "day_first": any(p.index("d") < p.index("M") for p in longs if "M" in p and "d" in p),
            "day_dot_month": any(re.search(r"d\.\s*M", p) for p in longs),
            "months": [sorted(set(w)) for w in months_wide],
            "months_abbreviated": [sorted(set(a)) for a in months_abbr],
        },
        "times": {
            "patterns": times,
            "twelve_hour": any("h" in t and "a" in t for t in times),
            "twenty_four_hour": any("H" in t for t in times),
            "clock_words": hand.get("clock_words", []),
            "day_periods": sorted({p for p in periods if p} | set(hand.get("day_periods_extra", []))),
        },
        "numbers": {
            "decimal": syms["decimal"],
            "group": syms["group"],
            "compact": compact,
            "compact_long": compact_long,
        },
        "currency": {"pattern": currency_pattern, "symbol_first": symbol_first, "currencies": currencies,
                     "aliases": hand.get("currency_aliases", {})},
        "quotes": {
            "primary": d[:2],
            "secondary": d[2:],
            "accepted": hand.get("quotes_extra", []),
            "ascii_ok": hand.get("ascii_quotes_ok", False),
        },
        "ordinal_nouns": hand.get("ordinal_nouns", []),
        "ordinal_day_verb_endings": hand.get("ordinal_day_verb_endings", []),
    }


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    header = (f"# Built by scripts/build_format_data.py from Unicode CLDR via babel {babel.__version__} "
              "(Unicode License v3),\n# CLDR 48.2 <delimiters> (npm cldr-misc-full 48.2.0) and the hand-authored "
              "entries named in that script.\n# Do not edit: change the script and run it again.\n")
    for lang in LOCALES:
        data = build(lang)
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)
        (OUT / f"{lang}.yml").write_text(header + text, encoding="utf-8")
        print(f"wrote {OUT / (lang + '.yml')}")


if __name__ == "__main__":
    main()
