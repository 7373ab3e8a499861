"""Names that a translation carries over from a source in another script in an inflected case.

A Ukrainian or Russian source declines place and person names ("в Бучі", locative of Буча); machine
translation transliterates the inflected word ("in Buchi") or chops its ending ("in Buch") where English
copy writes the nominative ("Bucha"). Within one script the inflected source word is written as is
("Putins") and ``ctx.in_source`` finds it; across scripts only the transliteration-aware keys
(``keys.token_key``) and the source language's case endings (``keys.base_forms``) connect them.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import keys
from .mentions import WORD, Mention, MentionFinder

#: A rendered word shorter than this is too likely to meet a source stem by chance.
MIN_LETTERS = 4


def transliterated_inflections(mentions: Iterable[Mention], lang: str, source_text: str,
                               source_lang: str, finder: MentionFinder) -> dict[str, tuple[str, str]]:
    """Surface → (inflected source word, the name's form in ``lang``) for one-word mentions that render an
    inflected source word written in another script.

    A mention counts when its key is the key of a capitalised source word or of one of that word's base
    forms in ``source_lang`` (the stem "Буч" of "Бучі" for "Buch"), and another base form of the same
    source word ("Буча") has the key of a one-word table form valid in ``lang``: the one the document
    writes ("Bucha"), else the table's only such form. Mentions that are themselves valid table forms in
    ``lang`` are never flagged.
    """
    table = finder.table
    mentions = list(mentions)
    valid: dict[str, str] = {}  # key → the document's valid one-word table form with that key
    loose: dict[str, list[str]] = {}  # key → one-word surfaces that are not valid table forms in ``lang``
    for m in mentions:
        if " " in m.text:
            continue
        if m.infos and table.is_valid(m.form, lang):
            if m.text == m.form:
                valid.setdefault(keys.token_key(m.form, lang), m.form)
        elif len(m.text) >= MIN_LETTERS and m.text[:1].isupper():
            loose.setdefault(keys.token_key(m.text, lang), []).append(m.text)
    loose.pop("", None)
    if not loose:
        return {}
    script = {keys.script_of(w) for ws in loose.values() for w in ws}
    out: dict[str, tuple[str, str]] = {}
    for word in sorted({m.group() for m in WORD.finditer(source_text)}):
        if not word[:1].isupper() or keys.script_of(word) in script:
            continue
        forms = keys.base_forms(word, source_lang)
        if len(forms) < 2:
            continue  # no case ending of the source language: nothing declined
        form_keys = [keys.token_key(f, source_lang) for f in forms]
        targets = [valid[k] if k in valid else _table_form(finder, k, lang) for k in form_keys]
        targets = [t for t in targets if t]
        if not targets:
            continue
        for k in form_keys:
            for surface in loose.get(k, ()):
                base = next((t for t in targets if keys.token_key(t, lang) != k), None)
                if base is not None and surface not in out:
                    out[surface] = (word, base)
    return out


def _table_form(finder: MentionFinder, key: str, lang: str) -> str | None:
    """The form ``lang`` copy uses for the one entity that has a one-word table form with this key
    valid in ``lang`` (its preferred form when that is one word too); None for none or several."""
    table = finder.table
    infos = [i for f in finder.key_index.get(key, ()) if " " not in f and table.is_valid(f, lang)
             for i in table.lookup(f) if i.lang == lang and i.status != "deprecated" and i.part != "given"]
    if len({i.entity.id for i in infos}) != 1:
        return None
    info = infos[0]
    preferred = table.preferred(info.entity, lang, info.part)
    return preferred if preferred and " " not in preferred else info.full if info.part == "full" else None
