"""Name rules: a name in another language's form, a deprecated form, one entity written two ways,
an unlisted spelling of a listed name."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from ..datafiles import tsv_rows
from ..documents import known_languages
from ..findings import Applicability, Finding
from ..names import keys
from ..names.resolve import EntityGroup, Resolved, plain_latin
from ..names.table import STATUS_RANK, split_person
from . import Rule, register


def language_name(code: str) -> str:
    return known_languages().get(code, code)


def _forms_langs(langs: list[str], source_lang: str | None) -> str:
    """'the German form' / 'the French and Italian form'; the source language first where it applies."""
    ordered = sorted(langs, key=lambda c: (c != source_lang, c != "en", c))
    named = [language_name(c) for c in ordered[:3]]
    if len(named) == 1:
        return f"the {named[0]} form"
    return f"the {', '.join(named[:-1])} and {named[-1]} form"


def _suggest(ctx, r: Resolved) -> str | None:
    if r.entity is None:
        return None
    return ctx.table.preferred(r.entity, ctx.lang, r.part if r.part != "unknown" else "full", ctx.config.house)


def _line_of(ctx, r: Resolved) -> int:
    return ctx.doc.lines.position(r.mention.start)[0]


def _applicability(r: Resolved) -> Applicability:
    return Applicability.UNSAFE if r.mention.inflected else Applicability.SAFE


def _valid_members(group: EntityGroup) -> list[Resolved]:
    """The members of ``group`` in a valid form of the document's language, in member order."""
    return [m for m in group.members if m.status in ("preferred", "house", "accepted")]


def _elsewhere(ctx, valid: list[Resolved], r: Resolved) -> tuple[str, list[dict]]:
    """' — this story also writes 'Zelensky' (line 7)' when a better form of the entity is used too
    (``valid``: ``_valid_members`` of the entity's group, worked out once for all its findings)."""
    for other in valid:
        if other is not r and other.mention.form != r.mention.form:
            line = _line_of(ctx, other)
            rel = [{"start": other.mention.start, "end": other.mention.end, "line": line,
                    "message": f"also written {other.mention.text!r} here"}]
            return f"; this story also writes {other.mention.text!r} (line {line})", rel
    return "", []


@lru_cache(maxsize=1)
def _connectors() -> dict[str, tuple[str, ...]]:
    """lang → words that join the words of one proper name (``data/lang/name_connectors.tsv``)."""
    return {lang: tuple(w.replace("_", " ") for w in words.split())
            for lang, words in tsv_rows("lang", "name_connectors.tsv")}


#: A capitalised word right before a foreign form that is this much more frequent (Zipf × 10: ten times) in
#: the form's language than in the document's joins it into one foreign proper name ("Radio Free Europe" in
#: German copy: "Free" is English).
FOREIGN_WORD_MARGIN = 10


def inside_foreign_name(ctx, r: Resolved) -> bool:
    """True when the mention ends a longer proper name in its own language ("Animal Welfare Board of
    India", "Radio Free Europe" in German copy): the whole name is untranslated, the place in it is not the
    slip (and replacing it would garble the name)."""
    if _after_foreign_word(ctx, r):
        return True
    before = ctx.doc.text[max(0, r.mention.start - 40):r.mention.start]
    for lang in r.foreign_langs:
        for conn in _connectors().get(lang, ()):
            tail = f" {conn} " if not conn.endswith("'") else f" {conn}"
            if before.endswith(tail):
                head = before[: -len(tail)].rstrip()
                word = head.split()[-1] if head.split() else ""
                if word[:1].isupper():
                    return True
    return False


def _after_foreign_word(ctx, r: Resolved) -> bool:
    """True when a capitalised word of the form's language, and not of the document's, stands right before
    the mention (``FOREIGN_WORD_MARGIN``). Not for a language that capitalises every noun: "Stadt Kiew" in
    English copy is a German phrase left in, not a German proper name."""
    from ..documents import vocabulary_languages, word_zipfs
    from ..names.mentions import WORD
    from ..names.resolve import capitalised_noun_languages

    start, text = r.mention.start, ctx.doc.text
    if start < 2 or text[start - 1] != " " or ctx.lang not in vocabulary_languages():
        return False
    words = WORD.findall(text, max(0, start - 40), start - 1)
    word = words[-1] if words and text.endswith(words[-1], 0, start - 1) else ""
    if not word[:1].isupper() or word.isupper():
        return False
    low = word.lower()
    own = word_zipfs(ctx.lang, [low])[0]
    return any(word_zipfs(lang, [low])[0] - own >= FOREIGN_WORD_MARGIN for lang in r.foreign_langs
               if lang in vocabulary_languages() and lang not in capitalised_noun_languages())


def _ascii_fallback(ctx, r: Resolved) -> bool:
    """An unlisted spelling that is a listed form without its diacritics (Diyarbakir, Erdogan): a
    keyboard fallback, not another spelling."""
    from anyascii import anyascii

    form = r.mention.form
    return form.isascii() and any(
        anyascii(listed) == form for info in r.infos for listed in (info.full, info.full.split()[-1]))


def _flagged_in_lang(ctx, r: Resolved) -> bool:
    """Listed or unlisted, the form is valid in the document's language: nothing to report."""
    return r.status in ("preferred", "house", "accepted") or ctx.table.is_valid(r.mention.form, ctx.lang)


@register
class ForeignNameForm(Rule):
    """A name written in another language's form.

    What it flags:
        A table form of a person, place or organisation that belongs to another language and is not a
        form of the document's language ("Selenskyj", "Kiew", "Moskau" in English copy; "Zelensky",
        "Kyiv", "Kremlin" in German copy). A form that ends a longer proper name of its own language is
        left alone ("Animal Welfare Board of India", "Radio Free Europe" in German copy).
    Why it matters:
        Machine-translated and hastily edited copy keeps the source language's spelling of names; readers
        notice, and the same story ends up with two spellings of one person.
    Example:
        "The Ukrainian head of state Volodymyr Selenskyj also took part." (English)
        Use instead: "The Ukrainian head of state Volodymyr Zelensky also took part."
    Fix safety:
        Safe when the surface is exactly the table form; unsafe when it carries an inflection ending of
        the other language ("Selenskyjs"), since the replacement may need a possessive.
    Data:
        The name table (built-in ``data/names/default.json`` plus ``--table`` files): every language's
        forms of the entity; a language's ``homographs`` are never reported.
    """

    code = "NAME001"
    name = "foreign-name-form"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        source_lang = ctx.source.lang if ctx.source else None
        for group in ctx.entities:
            valid = None
            for r in group.members:
                if r.entity is None or not r.listed or r.status is not None or _flagged_in_lang(ctx, r):
                    continue
                if inside_foreign_name(ctx, r):
                    continue
                suggestion = _suggest(ctx, r)
                if not suggestion or suggestion == r.mention.form:
                    continue
                which = _forms_langs(r.foreign_langs, source_lang)
                valid = _valid_members(group) if valid is None else valid
                more, related = _elsewhere(ctx, valid, r)
                yield self.finding(
                    ctx, r.mention.start, r.mention.end,
                    f"{r.mention.text!r} is {which} of {r.entity.display_name(ctx.lang)}; "
                    f"{language_name(ctx.lang)} copy writes {suggestion!r}{more}",
                    [suggestion], _applicability(r), related)


@register
class DeprecatedNameForm(Rule):
    """A name form the table marks as deprecated in the document's language.

    What it flags:
        A form listed as deprecated for the document's language, with the table's reason ("Kiev" in
        English copy: Kyiv since 2019; "Kharkov": the Russian-based spelling of Kharkiv).
    Why it matters:
        Wire services changed these spellings on purpose; an old form signals outdated or
        Russian-sourced copy.
    Example:
        "Explosions were heard in Kiev on Monday."
        Use instead: "Explosions were heard in Kyiv on Monday."
    Fix safety:
        Safe when the surface is exactly the deprecated form; unsafe for an inflected surface.
    Data:
        ``deprecated`` entries (form and reason) of the name table.
    """

    code = "NAME002"
    name = "deprecated-name-form"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        for group in ctx.entities:
            valid = None
            for r in group.members:
                if r.status != "deprecated" or ctx.table.is_valid(r.mention.form, ctx.lang):
                    continue
                suggestion = _suggest(ctx, r)
                if not suggestion:
                    continue
                reason = f" ({r.reason})" if r.reason else ""
                valid = _valid_members(group) if valid is None else valid
                more, related = _elsewhere(ctx, valid, r)
                yield self.finding(
                    ctx, r.mention.start, r.mention.end,
                    f"{r.mention.text!r} is a deprecated form of {r.entity.display_name(ctx.lang)}{reason}; "
                    f"use {suggestion!r}{more}",
                    [suggestion], _applicability(r), related)


@register
class NonHouseNameForm(Rule):
    """A name form the table accepts but the house style does not use (only with ``strict-house``).

    What it flags:
        With ``strict-house = true`` in the configuration, a listed form that is valid in the document's
        language but is not the form of the configured ``house`` style (or, without a house, not the
        table's preferred form): "Zelensky" for an AP desk that writes "Zelenskyy", "Zelenskiy" for one
        that follows the table's preferred "Zelensky". Without ``strict-house`` it flags nothing: an
        accepted spelling is not an error.
    Why it matters:
        A desk that has chosen one spelling wants every story to use it, even where others are correct.
    Example:
        Config: strict-house = true
        "Volodymyr Zelenskiy addressed parliament."
        Use instead: "Volodymyr Zelensky addressed parliament."
    Fix safety:
        Safe when the surface is exactly the listed form; unsafe for an inflected surface.
    Data:
        ``house`` and ``accepted`` entries of the name table; ``house`` and ``strict-house`` of checker.toml.
    """

    code = "NAME006"
    name = "non-house-name-form"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        if not ctx.config.strict_house:
            return
        for group in ctx.entities:
            for r in group.members:
                if r.status not in ("preferred", "house", "accepted") or r.part == "given":
                    continue
                suggestion = _suggest(ctx, r)
                if not suggestion or suggestion == r.mention.form:
                    continue
                house = f"the {ctx.config.house} house style" if ctx.config.house else "the table's preferred form"
                yield self.finding(
                    ctx, r.mention.start, r.mention.end,
                    f"{r.mention.text!r} is an accepted form of {r.entity.display_name(ctx.lang)}, but "
                    f"{house} writes {suggestion!r}",
                    [suggestion], _applicability(r))


def _surname_level(r: Resolved, lang: str) -> str:
    """The spelling two mentions of one entity are compared on: the surname of a person's full name,
    the last word of an unlisted multi-word name, and without the document language's own inflection
    endings (Ukraine's = Ukraine; Polish Tuska = Tusk): inflecting a name is not spelling it differently."""
    form = r.mention.form
    if r.entity is not None and r.entity.type == "PER" and r.part == "full":
        form = split_person(form, None)[1] or form
    elif r.entity is None and " " in form:
        form = form.split()[-1]
    return min(keys.base_forms(form, lang), key=len)


def _differ_in_ending_only(a: str, b: str) -> bool:
    """Neurologe / Neurologie, Ukraine / Ukrainian: the same stem with another ending."""
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    return prefix >= min(len(a), len(b)) - 2


def spellings(group: EntityGroup, lang: str) -> list[list[tuple[str, list[Resolved]]]]:
    """The distinct spellings of one entity in a document with their mentions, first seen first, in
    sets of spellings that share a key: US, USA and United States are names of one entity, not spellings
    of one name, while Zelensky and Zelenskyy are.

    Case does not count (KAZINFORM = Kazinform). Listed forms the table deprecates or marks foreign are
    left out (their own rules report them), and so are given names. For a name the table does not know,
    at least one mention must stand inside a sentence (a capital there marks a name, not a sentence
    start), and spellings that differ only in the ending are one (inflection and derivation), unless the
    ending is the source language's, leaked into the translation ("Ortegas" beside "Ortega")."""
    members = [r for r in group.members
               if r.part != "given" and r.status != "deprecated"
               and (group.entity is None or r.status is not None or not r.listed)]
    if group.entity is None and all(r.mention.sentence_initial for r in members):
        return []
    out: dict[str, tuple[str, list[Resolved]]] = {}
    joined: dict[str, str] = {}  # spelling → the earlier spelling it differs from only in the ending
    for r in members:
        surface = _surname_level(r, lang)
        folded = surface.casefold()
        if group.entity is None and not r.source_inflected:
            same = joined.get(folded)
            if same is None:
                same = joined[folded] = next((k for k in out if _differ_in_ending_only(k, folded)), folded)
            folded = same
        out.setdefault(folded, (surface, []))[1].append(r)
    if group.entity is None:
        return [list(out.values())]
    by_key: dict[str, list[tuple[str, list[Resolved]]]] = {}
    for surface, rs in out.values():
        # one name with and without its diacritics (Vučić, Vucic) is two spellings of one name
        by_key.setdefault(keys.name_key(plain_latin(surface) or surface), []).append((surface, rs))
    return list(by_key.values())


@register
class InconsistentNameForm(Rule):
    """One entity written in two forms in the same document.

    What it flags:
        The odd one of two spellings of one person, place or organisation in one story ("Zelenskyi"
        after "Zelenskyy", "Metzola" after "Metsola", "Ortegas" beside "Ortega"), with or without a table
        entry: spellings meet by transliteration-aware key, and a name written with and without its
        diacritics ("Vučić", "Vucic") is one name. Of two forms the table accepts, the story's own choice
        stands: "Kim Jong Un" once beside "Kim Jong-un" twice is the one flagged.
    Why it matters:
        A story that spells one name two ways looks careless and confuses search and archives.
    Example:
        "Roberta Metsola spoke first. ... Metzola said ..."
        Use instead: "Roberta Metsola spoke first. ... Metsola said ..."
    Fix safety:
        Unsafe: the two spellings might, rarely, be two people.
    Data:
        The configured house style's form wins, then a form the table lists over an unlisted one (of
        two unlisted ones, the spelling the source version writes, verbatim or transliterated), then
        the story's more frequent spelling, then the table's preference, then the earlier one.
        Keys: ``data/names/keys/``.
    """

    code = "NAME003"
    name = "inconsistent-name-form"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        for group in ctx.entities:
            members = group.members
            if len(members) < 2 or all(r.mention.form == members[0].mention.form for r in members):
                continue  # one form: at most one spelling
            for forms in spellings(group, ctx.lang):
                if len(forms) > 1:
                    yield from self._report(ctx, group, forms)

    def _report(self, ctx, group: EntityGroup, forms) -> Iterator[Finding]:
        """Flag every spelling but the best: the configured house style's form; then a form the table
        lists as valid over one it does not know, and of two unlisted ones the one the source writes;
        then the story's own choice, its most frequent spelling (of two valid forms, "Kim Jong-un" eight
        times and "Kim Jong Un" once, the one is the slip); then table status, then the first."""

        def rank(item):
            form, rs = item
            status = min((STATUS_RANK[r.status] for r in rs if r.status), default=5)
            unlisted = status == 5
            house = bool(ctx.config.house) and any(_suggest(ctx, r) == r.mention.form for r in rs)
            return (not house, unlisted, unlisted and not ctx.in_source(form), -len(rs), status, rs[0].mention.start)

        ordered = sorted(forms, key=rank)
        best_form, best = ordered[0]
        anchor = best[0]
        line = _line_of(ctx, anchor)
        what = "entity" if group.entity is None else group.entity.display_name(ctx.lang)
        related = [{"start": anchor.mention.start, "end": anchor.mention.end, "line": line,
                    "message": f"written {anchor.mention.text!r} here"}]
        # a whole mention written as listed ("Kim Jong Un", not inflected) takes the winning spelling of
        # the same part of the name, as the story writes it most often
        whole: dict[str, Counter] = {}
        for b in best:
            whole.setdefault(b.part, Counter())[b.mention.form] += 1
        for form, rs in ordered[1:]:
            for r in rs:
                replacement = best_form if r.mention.text == form else None
                if replacement is None and r.mention.text == r.mention.form and r.part in whole and r.part != "unknown":
                    replacement = whole[r.part].most_common(1)[0][0]
                yield self.finding(
                    ctx, r.mention.start, r.mention.end,
                    f"{r.mention.text!r} and {anchor.mention.text!r} (line {line}) name the same {what}; "
                    "write it one way",
                    [replacement] if replacement else [], Applicability.UNSAFE, related)


@register
class UnlistedNameSpelling(Rule):
    """A spelling of a listed name that the table does not know.

    What it flags:
        A capitalised name that shares its transliteration-aware key with a table entry but is none of
        its forms in any language ("Selensky", "Selenskyy" in English copy; "Saluzhnyi" in German copy),
        when the story has no other spelling of the entity (that case is ``NAME003``).
    Why it matters:
        Ad-hoc transliterations of a known name are almost always a slip of translation or editing.
    Example:
        "President Selensky said on Monday ..."
        Use instead: "President Zelensky said on Monday ..."
    Fix safety:
        Unsafe: the key match may, rarely, be a different person with a similar name.
    Data:
        Name table forms and the key rules in ``data/names/keys/``.
    """

    code = "NAME004"
    name = "unlisted-name-spelling"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        for group in ctx.entities:
            if group.entity is None:
                continue
            for r in group.members:
                if r.listed or _flagged_in_lang(ctx, r) or _ascii_fallback(ctx, r):
                    continue
                if any(o.status in ("preferred", "house", "accepted") for o in group.members):
                    continue  # reported by NAME003 against the valid spelling
                suggestion = _suggest(ctx, r)
                if not suggestion or suggestion == r.mention.form:
                    continue
                yield self.finding(
                    ctx, r.mention.start, r.mention.end,
                    f"{r.mention.text!r} looks like an unlisted spelling of {group.entity.display_name(ctx.lang)}; "
                    f"{language_name(ctx.lang)} copy writes {suggestion!r}",
                    [suggestion], Applicability.UNSAFE)


@lru_cache(maxsize=1)
def _ukrainian_romanisation() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[int, str]]:
    """(target → Ukrainian schemes, target → Russian schemes, Ukrainian letter → Russian letter) from
    ``data/names/ukrainian_romanisation.tsv``."""
    ukrainian: dict[str, list[str]] = {}
    russian: dict[str, list[str]] = {}
    premap: dict[int, str] = {}
    for kind, target, value in tsv_rows("names", "ukrainian_romanisation.tsv"):
        if kind == "premap":
            premap.update({ord(a): b for a, b in (pair.split("=") for pair in value.split())})
        else:
            (ukrainian if kind == "ukrainian" else russian)[target] = value.split()
    return ukrainian, russian, premap


def _letters(s: str) -> str:
    """The letters of ``s``, case-folded."""
    return s.casefold() if s.isalpha() else "".join(ch for ch in s if ch.isalpha()).casefold()


@register
class RussianisedUkrainianName(Rule):
    """A name from a Ukrainian source romanised by Russian rules.

    What it flags:
        In copy translated from Ukrainian (a ``.uk`` version beside it), a capitalised word that renders a
        name of the source by the Russian romanisation of its letters where every Ukrainian romanisation
        of the language gives another form: "Oleg" for Олег (English Oleh), "Vadim" for Вадим (Vadym),
        "Denis" for Денис (Denys); German "Wadim" for Wadym. Forms the table accepts in the language
        (Zelensky) are left alone.
    Why it matters:
        Agencies and broadcasters write Ukrainian names from their Ukrainian spelling; a Russian reading
        of a Ukrainian name is both an error and, for many readers, a political statement.
    Example:
        Source (uk): "Олег Ніколенко заявив, що Вадим приїде."
        "Oleg Nikolenko said that Vadim would come."
        Use instead: "Oleh Nikolenko said that Vadym would come."
    Fix safety:
        Unsafe: the person may, rarely, be Russian and named in Ukrainian by the source.
    Data:
        ``data/names/ukrainian_romanisation.tsv`` (which schemes of ``data/translit`` each language uses
        for Ukrainian and for Russian names); Ukrainian case endings from ``data/names/keys/inflection.tsv``.
    """

    code = "NAME005"
    name = "russianised-ukrainian-name"
    fix = "sometimes"

    def check(self, ctx) -> Iterator[Finding]:
        if ctx.source is None or ctx.source.lang != "uk":
            return
        ukrainian, russian, premap = _ukrainian_romanisation()
        if ctx.lang not in ukrainian or ctx.lang not in russian:
            return
        readings = self._russian_readings(ctx, ukrainian[ctx.lang], russian[ctx.lang], premap)
        if not readings:
            return
        from ..names.mentions import WORD

        for m in WORD.finditer(ctx.doc.text):
            word = m.group(0)
            if not word[:1].isupper():
                continue
            hit = readings.get(_letters(word))
            if hit is None or self._listed(ctx, word):
                continue
            source_word, ukrainian_form = hit
            suggestion = ukrainian_form if not word.isupper() else ukrainian_form.upper()
            yield self.finding(
                ctx, m.start(), m.end(),
                f"{word!r} romanises the source's Ukrainian {source_word!r} by Russian rules; "
                f"{language_name(ctx.lang)} copy writes {ukrainian_form!r}",
                [suggestion], Applicability.UNSAFE)

    @staticmethod
    def _listed(ctx, word: str) -> bool:
        """True when the table lists ``word`` in the document's language as a name or surname (Zelensky);
        a given name (Oleg) is right for Russians and wrong for Ukrainians, so it does not count."""
        return any(info.lang == ctx.lang and info.status != "deprecated" and info.part != "given"
                   for info in ctx.table.lookup(word))

    @staticmethod
    def _russian_readings(ctx, uk_schemes, ru_schemes, premap) -> dict[str, tuple[str, str]]:
        """letters of a Russian-rule reading → (source word, the language's first Ukrainian romanisation),
        for every capitalised Cyrillic word of the source and its base forms (Олега → Олег)."""
        from ..names.mentions import WORD
        from ..names.translit import transliterate

        out: dict[str, tuple[str, str]] = {}
        seen: set[str] = set()
        for m in WORD.finditer(ctx.source.text):
            word = m.group(0)
            if not word[:1].isupper() or not ("\u0400" <= word[0] <= "\u04ff") or word in seen:
                continue
            seen.add(word)
            for base in keys.base_forms(word, "uk"):
                ukr = [transliterate(base, s) for s in uk_schemes]
                ukr_letters = {_letters(u) for u in ukr}
                for scheme in ru_schemes:
                    reading = _letters(transliterate(base.translate(premap), scheme))
                    if reading and reading not in ukr_letters:
                        out.setdefault(reading, (base, ukr[0]))
        return out
