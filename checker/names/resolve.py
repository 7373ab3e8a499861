"""Group the mentions of one document into entities and say what each mention is in the document's
language: a listed form (with its status), another language's form, or an unlisted spelling.

Table mentions join the entity their form belongs to (an ambiguous form goes to the entity the rest of
the document mentions, else to the one for which it is valid in the document's language). Unlisted
spellings that share a key with a table form join that entity. The remaining candidates group by key.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from ..datafiles import tsv_rows
from .mentions import Mention, Mentions, Spelling
from .table import STATUS_RANK, Entity, FormInfo, NameTable


@dataclass(slots=True)
class Resolved:
    """A mention with its entity and its standing in the document's language."""

    mention: Mention
    entity: Entity | None
    infos: list[FormInfo]  # meanings of the form for ``entity`` (all languages)
    status: str | None  # best status in the document's language: preferred/house/accepted/deprecated
    part: str  # full | surname | given | unknown
    reason: str = ""
    listed: bool = True  # False for an unlisted spelling reached by key
    #: the surface is a base form plus a case ending of the source language (German "Ortegas")
    source_inflected: bool = False

    @property
    def foreign_langs(self) -> list[str]:
        return sorted({i.lang for i in self.infos})


@dataclass
class EntityGroup:
    """All mentions of one entity (table entity or key group) in one document, in text order."""

    key: str
    entity: Entity | None
    members: list[Resolved] = field(default_factory=list)


def _best(infos: list[FormInfo]) -> FormInfo | None:
    return min(infos, key=lambda i: STATUS_RANK[i.status]) if infos else None


def _entity_rank(eid: str, infos: list[FormInfo], votes: Counter, lang: str) -> tuple:
    """Which entity an ambiguous form means: the one the document mentions most, then the one for
    which the form is best in the document's language."""
    best = _best([i for i in infos if i.lang == lang])
    return (-votes[eid], STATUS_RANK[best.status] if best else 9, eid)


#: Keys of unlisted names this similar (rapidfuzz ratio, 0-100) may be one name spelt two ways ...
FUZZY_KEY_RATIO = 80
#: ... when both keys are at least this long and start alike.
FUZZY_MIN_KEY = 6


def _is_gender_pair(a: str, b: str) -> bool:
    """Zelensky/Zelenska, Navalny/Navalnaya, Ivanov/Ivanova: a masculine and a feminine surname."""
    a, b = sorted((a, b), key=len)
    return b.startswith(a[:-1]) and len(b) - len(a) <= 2 and b[-1] == "a" and a[-1] != "a"


def _spelling_twins(a: str, b: str) -> bool:
    """Two keys of one surname spelt two ways (mekola / mesola, pfosheim / profsheim): alike overall,
    same first letter, and not differing only in the ending (Ukraine / Ukrainian, German / Germany,
    Zelensky / Zelenska are derivations, inflections or gender pairs)."""
    from rapidfuzz import fuzz

    if a[0] != b[0] or _is_gender_pair(a, b):
        return False
    prefix = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        prefix += 1
    if prefix >= min(len(a), len(b)) - 2:
        return False
    return fuzz.ratio(a, b, score_cutoff=FUZZY_KEY_RATIO) > 0


@lru_cache(maxsize=1)
def capitalised_noun_languages() -> frozenset[str]:
    """Languages that capitalise every noun (``data/lang/orthography.tsv``)."""
    rows = dict(tsv_rows("lang", "orthography.tsv"))
    return frozenset(rows["capitalised_nouns"].split())


#: (form, language) → the group keys of the form's base forms in that language (``_base_targets``)
_TARGETS: dict[tuple[str, str], tuple[str, ...]] = {}
_TARGETS_MAX = 200_000


def _base_targets(wanted: list[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, ...]]:
    """The group keys ("key:" + name key) of the base forms other than itself (``keys.base_forms``) of each
    (form, language) in ``wanted``, kept across documents: they depend on the form and language alone.
    Those not yet known are keyed in one block (``keys.prime_name_keys``)."""
    from . import keys

    new = {memo: keys.base_forms(*memo)[1:] for memo in wanted if memo not in _TARGETS}
    if new:
        if len(_TARGETS) + len(new) > _TARGETS_MAX:
            _TARGETS.clear()
            new = {memo: keys.base_forms(*memo)[1:] for memo in wanted}
        keys.prime_name_keys(base for bases in new.values() if bases for base in bases)
        for memo, bases in new.items():
            _TARGETS[memo] = tuple("key:" + keys.name_key(base) for base in bases)
    return _TARGETS


#: Latin letters whose plain form in English-language copy is not what anyascii gives (Đoković: Djokovic).
_PLAIN_LATIN = str.maketrans({"đ": "dj", "Đ": "Dj"})


def plain_latin(form: str) -> str | None:
    """A Latin-script name as copy without diacritics writes it, case-folded ("Vučić" → "vucic",
    "Đoković" → "djokovic"); None for a name in another script or already plain."""
    if form.isascii():
        return None
    from ..documents import letter_script

    if not all(ch.isascii() or ch.isalpha() and letter_script(ch) == "Latin" for ch in form):
        return None
    from anyascii import anyascii

    return anyascii(form.translate(_PLAIN_LATIN)).casefold()


def _merge_same_letters(unlisted: dict[str, list[Spelling]]) -> None:
    """Join the unlisted spellings that are one name with and without its diacritics ("Vučić" and
    "Vucic", "Đoković" and "Djokovic"): the phonetic keys keep č apart from c (Вучич is "Vuchich"),
    while news copy in English most often just drops the marks."""
    if "".join(m.form for ms in unlisted.values() for m in ms).isascii():
        return  # no marks to drop: spellings written alike already share their key
    plain_key: dict[str, str] = {}
    latin: dict[str, str | None] = {}  # form → plain_latin(form), worked out once
    for k, ms in unlisted.items():
        for m in ms:
            if m.form not in latin:
                latin[m.form] = plain_latin(m.form)
            plain = m.form.casefold() if m.form.isascii() else latin[m.form]
            if plain is not None:
                plain_key.setdefault(plain, k)
    for k in list(unlisted):
        ms = unlisted.get(k)
        if not ms:
            continue
        plain = next((p for p in (latin[m.form] for m in ms) if p is not None), None)
        target = plain_key.get(plain) if plain is not None else None
        if target is not None and target != k and target in unlisted:
            unlisted[target].extend(unlisted.pop(k))


def _merge_unlisted(unlisted: dict[str, list[Spelling]], lang: str, source_lang: str | None,
                    source_words: frozenset[str]) -> set[int]:
    """Join unlisted one-word spellings (key → spellings, in text order of first mention) to the group of
    another spelling of the same name: an inflected form to its base (Ukraine's → Ukraine; Ortegas →
    Ortega where the German source writes "Ortegas"), a near-identical key to its twin (Mecola / Metsola).
    Returns the ids of the spellings that carry the source language's case ending."""

    inflected: set[int] = set()
    # the base forms each spelling may stand for, in the copy's language and, for a word the source
    # writes too, in the source's: their group keys (``_base_targets``)
    todo = []
    for k, ms in unlisted.items():
        form = ms[0].form
        for code in (lang, source_lang) if source_lang and form in source_words else (lang,):
            todo.append((k, code, (form, code)))
    targets_of = _base_targets([memo for _k, _code, memo in todo])
    for k, code, memo in todo:
        targets = targets_of[memo]
        if not targets or k not in unlisted:
            continue
        for target in targets:
            if target != k and target in unlisted and k in unlisted:
                moved = unlisted.pop(k)
                if code != lang:
                    inflected.update(id(m) for m in moved)
                unlisted[target].extend(moved)
    if lang in capitalised_noun_languages():
        return inflected
    surnames = [k for k, ms in unlisted.items()
                if " " not in k and len(k) - 4 >= FUZZY_MIN_KEY
                and all(m.position in ("single", "last") for m in ms)
                and not all(m.sentence_initial for m in ms)]
    surnames.sort(key=lambda k: unlisted[k][0].start)
    # twins share the first letter: compare within each first-letter block (rapidfuzz's C loop finds
    # the similar keys for each key) and check the few similar pairs in full
    blocks: dict[str, list[str]] = {}
    for k in surnames:
        blocks.setdefault(k[4], []).append(k)
    for block in blocks.values():
        if len(block) < 2:
            continue
        from rapidfuzz import fuzz, process  # here: most short documents never need it

        bare = [k[4:] for k in block]
        for i, a in enumerate(block):
            if a not in unlisted:
                continue
            for _, _, j in process.extract(bare[i], bare, scorer=fuzz.ratio, score_cutoff=FUZZY_KEY_RATIO,
                                           limit=None):
                b = block[j]
                if j > i and b in unlisted and _spelling_twins(bare[i], bare[j]):
                    unlisted[a].extend(unlisted.pop(b))
    return inflected


def _resolve_form(infos: list[FormInfo], votes: Counter, lang: str, listed: bool) -> tuple:
    """(entity id, its meanings, status in ``lang``, part, reason) for one form's table meanings."""
    by_entity: dict[str, list[FormInfo]] = defaultdict(list)
    for info in infos:
        by_entity[info.entity.id].append(info)
    eid = min(by_entity, key=lambda e: _entity_rank(e, by_entity[e], votes, lang))
    chosen = by_entity[eid]
    own = _best([i for i in chosen if i.lang == lang])
    status = own.status if own and listed else None
    part = own.part if own else chosen[0].part
    reason = own.reason if own and own.status == "deprecated" else ""
    return eid, chosen, status, part, reason


def resolve(mentions: Sequence[Mention], table: NameTable, lang: str, source_lang: str | None = None,
            source_words: frozenset[str] = frozenset()) -> list[EntityGroup]:
    """Entity groups of one document, ordered by first mention. ``source_lang`` and ``source_words``
    (the version the document was translated from, when known) tell inflected forms that leaked
    through from the source (German "Ortegas" in English copy).

    Names the table does not know are grouped by spelling (``Mentions.spellings``): only a group of two
    spellings or more is made of mentions."""
    mentions = Mentions.of(mentions)
    votes: Counter[str] = Counter()
    for m in mentions.known:
        votes.update({i.entity.id for i in m.infos or m.keyed})
    groups: dict[str, EntityGroup] = {}
    meaning: dict[tuple[str, bool], tuple] = {}  # (form, listed) → resolution, fixed within a document
    for m in mentions.known:
        listed = bool(m.infos)
        infos = m.infos or m.keyed
        # a given name joined to its surname keeps only that person's meanings: the key says which
        memo = (m.form, listed, len(infos), infos[0].entity.id, infos[-1].entity.id)
        hit = meaning.get(memo)
        if hit is None:
            hit = meaning[memo] = _resolve_form(infos, votes, lang, listed)
        eid, chosen, status, part, reason = hit
        group = groups.get("id:" + eid)
        if group is None:
            group = groups["id:" + eid] = EntityGroup("id:" + eid, chosen[0].entity)
        group.members.append(Resolved(m, chosen[0].entity, chosen, status, part, reason, listed))
    unlisted: dict[str, list[Spelling]] = {}  # key → spellings of names the table does not know
    for spelling in mentions.spellings:
        key = "key:" + spelling.key
        same = unlisted.get(key)
        if same is None:
            unlisted[key] = [spelling]
        else:
            same.append(spelling)
    _merge_same_letters(unlisted)
    inflected = _merge_unlisted(unlisted, lang, source_lang, source_words)
    for key, spelt in unlisted.items():
        # an unknown name written one way has nothing to report: its group is not built (most candidates)
        if any(s.form != spelt[0].form for s in spelt):
            members = [Resolved(m, None, [], None, "unknown", listed=False, source_inflected=id(s) in inflected)
                       for s in spelt for m in s.mentions()]
            members.sort(key=lambda r: r.mention.start)
            groups[key] = EntityGroup(key, None, members)
    return sorted(groups.values(), key=lambda g: g.members[0].mention.start)
