"""Translation artefacts: calques and source-inflected names. Untranslated text and mixed-script words are in
``untranslated.py``, duplicated text in ``duplicates.py``. Every word list lives in data
(``data/calques/<src>-<tgt>.tsv``, the name table and its inflection rules)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from .. import segments
from ..datafiles import tsv_rows
from ..documents import (
    language_name,
)
from ..findings import Applicability, Finding
from ..names import keys
from ..segments import paragraph_around
from . import Rule, register

# --------------------------------------------------------------------------------------------- calques


@lru_cache(maxsize=32)
def _calques(target: str) -> tuple[re.Pattern | None, list[tuple[str, list[str], re.Pattern | None, bool, str]]]:
    """One regex with a group per calque of every ``data/calques/*-<target>.tsv``, and per group (source
    lang, alternatives, right-when regex, right inside quotes, source term)."""
    entries, alts_re = [], []
    folder = resources.files("checker").joinpath("data", "calques")
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
            entries.append((src, [a for a in alts.split("|") if a], right_re, "quote" in right.split("|"), note))
    if not entries:
        return None, []
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts_re) + r")(?![\w-])"), entries


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
        for m in pattern.finditer(text):
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
    Example:
        "Putins spokesman Dmitry Peskov declined to comment."
        Use instead: "Putin's spokesman Dmitry Peskov declined to comment."
    Fix safety:
        Unsafe: the base form is sure, but the sentence may need a possessive ('s) or another case.
    Data:
        The name table and the per-language case endings of ``data/names/keys/inflection.tsv``.
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
        longest = max(map(len, endings))
        doc_words = None
        for m in ctx.mentions:
            t = m.text
            if " " in t or not t[:1].isupper() or t.endswith(("'s", "’s", "s'", "s’")) or "-" in t:
                continue
            low = t.lower()
            if not any(low[-k:] in endings for k in range(1, min(longest, len(t) - 2) + 1)):
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
                doc_words = doc_words if doc_words is not None else set(segments.LETTERS.findall(ctx.doc.text))
                base = next((b for b in keys.base_forms(t, src_lang)[1:]
                             if len(b) >= 3 and len(t) - len(b) >= 2 and t.startswith(b[:-1]) and b in doc_words), None)
                lang = language_name(src_lang)
            if not base or lang is None:
                continue
            ending = t[len(base):] if t.startswith(base) else t
            yield self.finding(
                ctx, m.start, m.end,
                f"{t!r} carries the {lang} case ending {ending!r}; "
                f"{language_name(ctx.lang)} copy writes {base!r}"
                + (" (with 's for a possessive)" if ctx.lang == "en" else ""),
                [base], Applicability.UNSAFE)


@lru_cache(maxsize=32)
def _endings(langs: tuple[str, ...]) -> frozenset[str]:
    """The case endings of ``langs`` (``data/names/keys/inflection.tsv``)."""
    return frozenset(r[1].lower() for r in keys._rows("inflection.tsv", 5) if r[0] in langs and r[1])
