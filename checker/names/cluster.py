"""Cluster name mentions of one scope (a topic, a document set) into entities.

``cluster_mentions(records)`` takes records ``{"mention_index", "set", "mention", "lang", "type"?}``
and returns one cluster id per record (ids are compared within a set only).

Method (all per set, union-find with precision guards):

1. Every mention is tokenised; each token gets the keys of itself and of its candidate base forms
   (:func:`checker.names.keys.base_keys`). The token's *canonical* key is the first base-form key
   that is attested in the set as the key of an uninflected token of another mention, of the same
   language first (``Trumpa`` -> ``trump`` because ``Trump``/``Трамп`` occur), else the base key shared
   by most surface forms, else the token's own key. A given name in a language that latinises it
   (Ioannes McCain) counts at least as its initial would.
2. Mentions whose canonical token keys are equal (spaces ignored: ``NordStream`` = ``Nord Stream``)
   and whose types agree are merged; so are mentions written alike (casefolded) in two languages of the
   set, whose keys may differ (Нафтогаз read as Ukrainian and as Russian), and Latin names that differ
   only in diacritics (Đoković, Djokovic: ``resolve.plain_latin``).
3. Partial names: a one-token mention (surname or given name), a name with an initial
   (``D. Trumpa``) or with extra middle tokens (``Donald John Trump``) joins the unique full-name
   cluster it is compatible with; it stays alone when several clusters qualify, unless one of them
   is much larger (the dominant bearer of a surname in a topic), or its form as written, ending and all,
   is in the full names of one of them only (Czech Clintonová: Hillary, not Bill). A group of partial
   names joins one cluster or none, so that it never chains two people. An acronym joins the one name
   of its language and type with its initials (TLP: Tehreek-e-Labbaik Pakistan); an organisation named
   without its place joins the one named with it (Нафтогаз / Нафтогаз Украины); a demonym typed as a
   place joins the place it is made from (Pakistanka -> Pakistan: ``data/names/keys/demonyms.tsv``).
4. Fuzzy and cross-script links between names with the same number of tokens: token keys close
   by rapidfuzz ratio, keys that meet in their vowel classes (people only: Malook, Mulook), or equal
   consonant skeletons across scripts (the syllabic one for Chinese, kana and hangul); names whose
   tokens point different compass ways never link (``directions.tsv``). A link between two clusters
   is accepted only when their average similarity stays high or at least half of their form pairs
   link on their own (one bad link cannot chain people; transcriptions in two lossy scripts need not
   meet each other).
5. An optional name table (``checker/data/names/default.json``; format in docs/name-table.md)
   links the forms it lists for one entity.

Types are respected: mentions of different types are never merged.
Run ``python -m checker.names.cluster FILE`` to cluster a JSONL file and print
``{"clusters": [{"mention_index": i, "cluster": "c17"}, ...]}``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from math import prod
from pathlib import Path

from checker.datafiles import package_file, tsv_rows
from checker.names import keys as K
from checker.names.resolve import plain_latin

__all__ = ["cluster_mentions", "main"]


# ------------------------------------------------------------------------------------------ data
def _key_rows(name: str, ncols: int) -> list[list[str]]:
    """The rows of ``data/names/keys/<name>`` (``datafiles.tsv_rows``), padded to ``ncols`` columns."""
    return [(row + [""] * ncols)[:ncols] for row in tsv_rows("names", "keys", name)]


def _without_final_vowel(key: str) -> set[str]:
    """A key, and the key less a final vowel: English writes a silent e (Joe: ioe) that a transcription into
    another script leaves out (Джо: io)."""
    return {key, key[:-1]} if len(key) > 2 and key[-1] in "aeiouy" else {key}


@lru_cache(maxsize=1)
def _nickname_keys() -> frozenset[frozenset[str]]:
    """The keys of English given names and their short forms, as pairs (``nicknames.tsv``: Joseph, Joe),
    each also less a final vowel (``_without_final_vowel``)."""
    pairs = set()
    for a, b in _key_rows("nicknames.tsv", 2):
        for ka in _without_final_vowel(K.token_key(a, "en")):
            for kb in _without_final_vowel(K.token_key(b, "en")):
                if ka != kb:
                    pairs.add(frozenset((ka, kb)))
    return frozenset(pairs)


@lru_cache(maxsize=1)
def _name_part_values() -> dict[str, list[tuple[str, str]]]:
    """kind → [(value, extra), ...] of ``name_parts.tsv``, read once for every kind."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for kind, value, extra in _key_rows("name_parts.tsv", 3):
        out[kind].append((value, extra))
    return out


@lru_cache(maxsize=1)
def _latinising() -> frozenset[str]:
    """Languages whose labels latinise given names (``name_parts.tsv`` kind ``latinising``: Ioannes McCain,
    Georgius Allen): their given name counts at least as its initial would."""
    return frozenset(value for value, _extra in _name_part_values()["latinising"])


@lru_cache(maxsize=1)
def _articles() -> frozenset[str]:
    """The definite articles that may open a name (``name_parts.tsv`` kind ``article``)."""
    return frozenset(value for value, _extra in _name_part_values()["article"])


@lru_cache(maxsize=1)
def _name_parts() -> tuple[tuple[str, ...], frozenset[str], dict[str, str]]:
    parts = _name_part_values()
    return (tuple(value for value, _extra in parts["patronymic"]),
            frozenset(value for value, _extra in parts["particle"]),
            dict(parts["roman"]))


@lru_cache(maxsize=1)
def _directions() -> dict[str, tuple[tuple[str, str], ...]]:
    """lang → ((stem, direction), ...) of ``data/names/keys/directions.tsv``."""
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for direction, lang, stems in _key_rows("directions.tsv", 3):
        out[lang] += [(stem, direction) for stem in stems.split()]
    return {lang: tuple(pairs) for lang, pairs in out.items()}


def _pointing(token: str, lang: str) -> frozenset[str]:
    """The compass points a name token names in ``lang`` (Czech jihovýchodní: south and east)."""
    low = token.lower()
    return frozenset(d for stem, d in _directions().get(lang, ()) if stem in low)


def load_table_forms(path: str | Path | None = None) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(entity id, type, [(lang, form), ...]) from a name-table JSON file (default table if present).

    Deliberately small: the lead's ``checker.names.table`` loader can replace it.
    """
    if path is None:
        p = package_file("data", "names", "default.json")
        if not p.is_file():
            return []
        text = p.read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    try:
        doc = json.loads(text)
    except ValueError:
        return []
    out = []
    for ent in doc.get("entities", []) if isinstance(doc, dict) else []:
        forms: list[tuple[str, str]] = []
        for lang, entry in (ent.get("names") or {}).items():
            if isinstance(entry, str):
                forms.append((lang, entry))
                continue
            if not isinstance(entry, dict):
                continue
            vals = [entry.get("preferred")] + list(entry.get("accepted") or [])
            vals += list((entry.get("house") or {}).values())
            for d in entry.get("deprecated") or []:
                vals.append(d.get("form") if isinstance(d, dict) else d)
            forms += [(lang, v) for v in vals if isinstance(v, str) and v]
        if forms:
            out.append((str(ent.get("id")), str(ent.get("type") or ""), forms))
    return out


def _forms_of_name_table(table) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """The same triples from a loaded ``checker.names.table.NameTable`` (duck-typed)."""
    out = []
    for ent in table.entities.values():
        forms = [(lang, form) for lang, ln in ent.names.items() for form, _status in ln.forms()]
        if forms:
            out.append((str(ent.id), str(ent.type or ""), forms))
    return out


# ------------------------------------------------------------------------------------ union-find
class _UF:
    def __init__(self, n: int):
        self.p = list(range(n))
        self.size = [1] * n

    def find(self, x: int) -> int:
        p = self.p
        while p[x] != x:
            p[x] = p[p[x]]
            x = p[x]
        return x

    def union(self, a: int, b: int) -> int:
        a, b = self.find(a), self.find(b)
        if a == b:
            return a
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.p[b] = a
        self.size[a] += self.size[b]
        return a


# ------------------------------------------------------------------------------------ mentions
@dataclass
class _M:
    i: int  # position within the set
    text: str
    lang: str
    type: str
    script: str
    tokens: list[str]
    cands: list[tuple[str, ...]]  # base keys per token (own key first)
    canon: list[str] = None  # canonical key per token
    skel: list[str] = None
    points: list[frozenset[str]] = None  # compass points per token (_pointing)
    skels: list[frozenset[str]] = None  # every skeleton of each token (keys.skeletons)
    sskel: list[str] = None  # syllabic skeletons (keys.syllabic_skeleton_of_key)
    stems: list[frozenset[str]] = None
    loose: list[frozenset[str]] = None


#: The name word a generational suffix stands for, by its ``name_parts.tsv`` value, and the other namesake's.
_GENERATIONS = {"jr": "Junior", "sr": "Senior"}
_OTHER_GENERATION = {"Junior": "Senior", "Senior": "Junior"}


@lru_cache(maxsize=1)
def _generational() -> dict[str, str]:
    """Word after a person's name → the name word it stands for, "Junior" or "Senior" (``name_parts.tsv``
    kind ``generational``: Jr., младший, جونیور)."""
    return {value: _GENERATIONS[extra] for value, extra in _name_part_values()["generational"]}


def _prepare_tokens(text: str, lang: str, typ: str) -> list[str]:
    patronymic, _particles, roman = _name_parts()
    generational = _generational() if typ in ("PER", "") else {}
    s = text
    if s.count(",") == 1 and typ in ("PER", ""):
        a, b = (x.strip() for x in s.split(","))
        if b.rstrip(".").casefold() in generational:
            s = f"{a} {b}"  # "Bob Casey, Jr.": a suffix, not "Surname, Given"
        elif a and b and len(K.tokenize(a)) <= 2 and len(K.tokenize(b)) <= 3:
            s = f"{b} {a}"  # "Франкен, Эл" -> "Эл Франкен"
    toks = K.tokenize(s)
    out = []
    for i, t in enumerate(toks):
        low = t.lower()
        if low in roman and len(toks) > 1 and t.isupper():
            out.append(roman[low])
            continue
        if i >= 2 and low in generational:  # after a given name and a surname: Bob Casey Jr
            out.append(generational[low])
            continue
        out.append(t)
    if typ in ("PER", "") and len(out) >= 3:
        kept = [t for t in out if not K.latin_form(t, lang).endswith(patronymic)]
        if len(kept) >= 2:
            out = kept
    return out


def _canonicalise(ms: list[_M]) -> None:
    """Choose each token's canonical key among its base-form keys, by attestation in the set."""
    raw: Counter[str] = Counter()
    raw_in: set[tuple[str, str]] = set()  # (language, key) of the uninflected tokens
    support: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    for m in ms:
        for t, c in zip(m.tokens, m.cands, strict=True):
            if (m.lang, t) in seen:
                continue
            seen.add((m.lang, t))
            if c:
                raw[c[0]] += 1
                raw_in.add((m.lang, c[0]))
            for k in c:
                support[k] += 1
    cache: dict[tuple[str, tuple[str, ...]], str] = {}
    for m in ms:
        canon = []
        for c in m.cands:
            if not c:
                canon.append("")
                continue
            got = cache.get((m.lang, c))
            if got is None:
                got = c[0]
                if len(c) > 1:
                    # a base form that the same language writes wins over one another language writes
                    # (Czech Německa is Německo, which Czech copy writes, not the key of Polish Niemiec)
                    att = [k for k in c[1:] if (m.lang, k) in raw_in] or [k for k in c[1:] if raw[k] > 0]
                    if att:
                        got = att[0]
                    else:
                        best = max(c[1:], key=lambda k: support[k])
                        if support[best] >= 2 and support[best] > support[c[0]]:
                            got = best
                cache[(m.lang, c)] = got
            canon.append(got)
        m.canon = canon
        m.skel = [K.skeleton_of_key(k) for k in canon]
        m.points = [_pointing(t, m.lang) for t in m.tokens]
        m.skels = [K.skeletons(t, m.lang, k) for t, k in zip(m.tokens, canon, strict=True)]
        m.sskel = [K.syllabic_skeleton_of_key(k) for k in canon]
        m.stems = [K.stem_keys(t, m.lang) | {k} for t, k in zip(m.tokens, canon, strict=True)]
        m.loose = [frozenset(K.loose_key(k) for k in st) for st in m.stems]


# ------------------------------------------------------------------------------------ similarity
#: Scripts whose keys spell vowels as the Latin press does; a name in any other script (an abjad, an
#: Indic script, kana, hangul) is compared on its consonant skeleton too.
_ALPHABETS = frozenset({"Latin", "Cyrillic", "Greek"})
#: Scripts that spell a foreign name with their own syllables (桑德斯 sang-de-si, サンダース sa-n-da-a-su,
#: 샌더스 saen-deo-seu = Sanders): compared on the syllabic skeleton as well.
_SYLLABARIES = frozenset({"Cjk", "Katakana", "Hiragana", "Hangul"})
#: The similarity of two tokens that meet only on their syllabic skeletons.
_SYLLABIC_SIM = 0.86
#: The similarity of two given names (not last tokens) in two scripts whose skeletons are one equal consonant.
_GIVEN_SKELETON_SIM = 0.80
#: The similarity of an initial and a word that begins with it (D., Donald).
_INITIAL_SIM = 0.85
#: The similarity of a given name and its short form (nicknames.tsv: Joseph, Joe), beside a surname.
_NICKNAME_SIM = 0.85
#: ... which, for the last token (the surname), hold this many consonants: a shorter skeleton meets too
#: many other names (Tower, 에드워즈 Edwards).
_SYLLABIC_MIN_LAST = 3


def _tok_sim(a: _M, i: int, b: _M, j: int) -> float:
    """Similarity of token i of a and token j of b, in [0, 1]."""
    ka, kb = a.canon[i], b.canon[j]
    if ka == kb:
        return 1.0
    if not ka or not kb:
        return 0.0
    if len(ka) == 1 or len(kb) == 1:  # initial
        return _INITIAL_SIM if ka[:1] == kb[:1] else 0.0
    if i < len(a.canon) - 1 and a.type in ("PER", ""):  # a person's given name
        nicknames = _nickname_keys()
        if any(frozenset((x, y)) in nicknames for x in _without_final_vowel(ka) for y in _without_final_vowel(kb)):
            return max(_NICKNAME_SIM, _tok_sim_plain(a, i, b, j))  # Joe, Joseph; Ted, Edward; Джо, Joseph
        if ka[:1] == kb[:1] and (a.lang in _latinising() or b.lang in _latinising()):
            # a given name in Latin (Ioannes, Georgius, Iacobus) counts at least as its initial would; its
            # own letters may still meet better (Hadriana, Jadranka)
            return max(_INITIAL_SIM, _tok_sim_plain(a, i, b, j))
    return _tok_sim_plain(a, i, b, j)


def _tok_sim_plain(a: _M, i: int, b: _M, j: int) -> float:
    """``_tok_sim`` past the equal keys and initials."""
    from rapidfuzz import fuzz

    ka, kb = a.canon[i], b.canon[j]
    if ka.isdigit() or kb.isdigit():
        return 0.0
    common = a.stems[i] & b.stems[j]
    if common and (max(len(k) for k in common) >= 4 or ka in common or kb in common):
        return 0.95
    if a.script == b.script:
        sim = fuzz.ratio(ka, kb) / 100.0
        if sim < _LOOSE_SIM and a.type == "PER" and min(len(ka), len(kb)) >= 4 and a.loose[i] & b.loose[j]:
            # a person's name romanised from a script that leaves short vowels out (Urdu, Arabic, Persian)
            # varies in its vowels from one Latin-script language to the next (Malook, Mulook, Malúk): keys
            # that meet in their vowel classes meet here as they do across scripts. Places keep exact keys:
            # their forms are fixed per language, and Slovinsko (Slovenia) is not Slovensko (Slovakia)
            return _LOOSE_SIM
        return sim
    common = a.loose[i] & b.loose[j]
    if common and max(len(k) for k in common) >= 4:
        return _LOOSE_SIM
    best = fuzz.ratio(K.loose_key(ka), K.loose_key(kb)) / 100.0
    if a.script not in _ALPHABETS or b.script not in _ALPHABETS:
        shared = a.skels[i] & b.skels[j]
        if any(len(s) >= 2 for s in shared):
            best = max(best, 0.88)
        elif i < len(a.canon) - 1 and any(shared - {""}):
            # a given name of one consonant (Lech: l-ch, לך, 莱赫): enough beside a surname that meets
            best = max(best, _GIVEN_SKELETON_SIM)
    if (a.script in _SYLLABARIES or b.script in _SYLLABARIES) and a.sskel[i] == b.sskel[j] \
            and len(a.sskel[i]) >= (1 if i < len(a.canon) - 1 else _SYLLABIC_MIN_LAST):
        best = max(best, _SYLLABIC_SIM)
    return best


def _name_sim(a: _M, b: _M) -> float:
    """Similarity of two mentions with the same number of tokens (0 if any token pair is weak)."""
    n = len(a.canon)
    if n != len(b.canon) or n == 0:
        return 0.0
    tot = 0.0
    for i in range(n):
        if a.points[i] and b.points[i] and a.points[i] != b.points[i]:
            return 0.0  # North and South Carolina, Western and Eastern Europe
        s = _tok_sim(a, i, b, i)
        if n == 1:
            floor = _SINGLE_MIN
        elif i == n - 1 or a.canon[i].isdigit():
            floor = _LAST_MIN
        else:
            floor = _TOKEN_MIN
        if s < floor:
            return 0.0
        tot += s
    return tot / n


def _related_same_lang(a: _M, b: _M) -> bool:
    """Two names of one language in one cluster must be inflections of each other (or not comparable)."""
    if a.lang != b.lang or len(a.canon) != len(b.canon) or len(a.canon) < 2 or a.type not in ("PER", ""):
        return True
    for i in range(len(a.canon)):
        x, y = a.canon[i], b.canon[i]
        if x == y or len(x) == 1 or len(y) == 1:
            continue
        if not (a.stems[i] & b.stems[i] or a.loose[i] & b.loose[i]):
            return False  # a name romanised with other vowels (Тасир, Тасеер) is still one name
    return True


#: the similarity of two tokens whose keys meet only in their vowel classes (``keys.loose_key``)
_LOOSE_SIM = 0.92
_TOKEN_MIN = 0.70  # given names, other non-final tokens
_LAST_MIN = 0.84  # surname / head token
_SINGLE_MIN = 0.92  # one-token names: only stem / cross-script class matches, no plain fuzz
_LINK_MIN = 0.84
#: ... or, below that average, this share of the pairs linked on their own
_STRONG_SHARE = 0.5
_AVG_MIN = 0.80


# ------------------------------------------------------------------------------------ clustering
def _cluster_set(ms: list[_M], table_links: list[list[int]]) -> list[int]:
    n = len(ms)
    uf = _UF(n)

    def same_type(a: _M, b: _M) -> bool:
        return not a.type or not b.type or a.type == b.type

    # 2. exact canonical keys; and the text as written ("t"): the same written name in two languages of
    # the set (Нафтогаз in Russian and in Ukrainian copy) is one name, whichever way each language's key
    # reads it, and so is a Latin name with and without its diacritics (Đoković, Djokovic), which the keys
    # keep apart so that č meets Cyrillic ч, not c
    by_key: dict[tuple[str, str, str], int] = {}
    for m in ms:
        for kind, joined in (("c", "".join(m.canon)), ("r", "".join(c[0] for c in m.cands if c)),
                             ("t", plain_latin(m.text) or m.text.casefold())):
            if not joined:
                continue
            k = (kind, joined, m.type)
            if k in by_key:
                uf.union(by_key[k], m.i)
            else:
                by_key[k] = m.i
    for group in table_links:
        for x in group[1:]:
            if same_type(ms[group[0]], ms[x]):
                uf.union(group[0], x)

    # 4. fuzzy / cross-script links between equal-length names (blocked)
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for m in ms:
        if not m.canon or not any(m.canon):
            continue
        n_tok = len(m.canon)
        last = m.canon[-1]
        blocks[(m.type, n_tok, "s", m.skel[-1])].append(m.i)
        blocks[(m.type, n_tok, "y", m.sskel[-1])].append(m.i)
        blocks[(m.type, n_tok, "p", last[:3])].append(m.i)
        blocks[(m.type, n_tok, "l", K.loose_key(last)[:3])].append(m.i)
    cand_pairs: dict[tuple[int, int], float] = {}
    for members in blocks.values():
        if len(members) < 2 or len(members) > 400:
            continue
        # one representative per distinct canonical tuple+script keeps the blocks small
        reps: dict[tuple, int] = {}
        for x in members:
            reps.setdefault((tuple(ms[x].canon), ms[x].script), x)
        rl = list(reps.values())
        for ai in range(len(rl)):
            a = ms[rl[ai]]
            for bi in range(ai + 1, len(rl)):
                b = ms[rl[bi]]
                key = (a.i, b.i) if a.i < b.i else (b.i, a.i)
                if key in cand_pairs:
                    continue
                if uf.find(a.i) == uf.find(b.i):
                    continue
                s = _name_sim(a, b)
                if s >= _LINK_MIN:
                    cand_pairs[key] = s
    _guarded_merge(ms, uf, sorted(cand_pairs.items(), key=lambda kv: -kv[1]))

    # 3. partial names -> unique compatible full-name cluster
    _link_partials(ms, uf)
    _link_place_qualified(ms, uf)
    _link_self_qualified_places(ms, uf)
    _link_demonyms(ms, uf)
    return [uf.find(i) for i in range(n)]


def _members(uf: _UF, n: int) -> dict[int, list[int]]:
    g: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        g[uf.find(i)].append(i)
    return g


def _guarded_merge(ms: list[_M], uf: _UF, pairs: list[tuple[tuple[int, int], float]]) -> None:
    """Merge clusters along candidate links, best first, if the clusters stay similar on average."""
    groups = _members(uf, len(ms))
    for (a, b), _s in pairs:
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        ga, gb = groups[ra], groups[rb]
        if ms[a].type != ms[b].type and ms[a].type and ms[b].type:
            continue
        # average link over distinct canonical forms (capped sample)
        na, nb = len(ms[a].canon), len(ms[b].canon)
        fa = list({(tuple(ms[x].canon), ms[x].lang): x for x in ga if len(ms[x].canon) == na}.values())
        fb = list({(tuple(ms[x].canon), ms[x].lang): x for x in gb if len(ms[x].canon) == nb}.values())
        verdict = _similar_on_average(ms, fa[:12], fb[:12])
        if verdict is None:
            continue  # two forms of one language that are no variants of each other
        if not verdict:
            # forms of a language both clusters hold may still agree where the languages apart do not (a
            # cluster the table has joined across languages holds forms that differ by nature)
            shared = {ms[x].lang for x in fa} & {ms[y].lang for y in fb}
            if not shared or not _similar_on_average(ms, [x for x in fa if ms[x].lang in shared][:12],
                                                     [y for y in fb if ms[y].lang in shared][:12]):
                continue
        r = uf.union(ra, rb)
        groups[r] = ga + gb
        groups.pop(rb if r == ra else ra, None)


def _similar_on_average(ms: list[_M], fa: list[int], fb: list[int]) -> bool | None:
    """Whether forms ``fa`` and ``fb`` of two clusters are similar on average (or mostly strongly linked);
    None when two of them in one language are no variants of each other (``_related_same_lang``)."""
    tot = cnt = strong = 0
    for x in fa:
        for y in fb:
            if not _related_same_lang(ms[x], ms[y]):
                return None
            sim = _name_sim(ms[x], ms[y])
            tot += sim
            cnt += 1
            strong += sim >= _LINK_MIN
    return not cnt or tot / cnt >= _AVG_MIN or strong >= _STRONG_SHARE * cnt


@lru_cache(maxsize=1)
def _demonym_endings() -> dict[str, tuple[tuple[str, ...], tuple[str, ...], dict[str, str]]]:
    """lang → (the endings of demonyms made from place names, longest first; those that end words for
    people only; the stem's last letter as written → as the place writes it) (``demonyms.tsv``)."""
    return {lang: (tuple(sorted(set(endings.split()), key=len, reverse=True)), tuple(people.split()),
                   dict(pair.split(":", 1) for pair in alternations.split()))
            for lang, endings, people, alternations in _key_rows("demonyms.tsv", 4)}


def _link_demonyms(ms: list[_M], uf: _UF) -> None:
    """A word for the people of a place, typed as a place (the corpus's convention), joins the place:
    Pakistanka, Pakistańczyków, пакистанец -> Pakistan; Ukrajinci -> Ukrajina; Rosjanie -> Rosja. The word
    less a demonym ending of its language must key as a one-word place name of the set, or as that name less
    its final vowel; it joins when one cluster of such places qualifies. A word with an ending for people
    only (Slovenci, written like a nominative) is no place to join."""
    endings = _demonym_endings()

    def stems(m: _M) -> list[str]:
        low = m.tokens[0].lower()
        ends, _people, alternations = endings.get(m.lang, ((), (), {}))
        out = []
        for e in ends:
            if low.endswith(e) and len(low) - len(e) >= 4:
                stem = m.tokens[0][:-len(e)]
                out.append(K.token_key(stem, m.lang))
                if stem[-1].lower() in alternations:  # Američ(an) -> Amerik(a)
                    out.append(K.token_key(stem[:-1] + alternations[stem[-1].lower()], m.lang))
        return out

    def people_only(m: _M) -> bool:
        return m.tokens[0].lower().endswith(endings.get(m.lang, ((), (), {}))[1])

    def place_keys(m: _M) -> list[str]:
        k, word = m.canon[0], m.tokens[0]
        if k[-1] not in "aeiouy":
            return [k]
        # the place less its final vowel, keyed from the key and as written: the key may have read the
        # vowel with the letter before it (Polish Rosja keys as rosa, its stem Rosj- as rosi)
        return [k, k[:-1], K.token_key(word[:-1], m.lang)]

    # places as written in the nominative (own key = canonical key), not a case form
    nominative = [m for m in ms if m.type == "LOC" and len(m.canon) == 1 and len(m.canon[0]) >= 4
                  and m.cands[0] and m.cands[0][0] == m.canon[0]]
    if not nominative:
        return
    places: dict[str, set[int]] = defaultdict(set)
    for m in nominative:
        if not people_only(m):  # Slovenci, written like a nominative, is no place to join
            for k in place_keys(m):
                places[k].add(uf.find(m.i))
    links = []
    for m in ms:
        if m.type != "LOC" or len(m.tokens) != 1:
            continue
        for stem in stems(m):
            roots = {uf.find(r) for r in places.get(stem, ())} - {uf.find(m.i)}
            if len(roots) == 1:
                links.append((m.i, next(iter(roots))))
                break
    for a, b in links:
        uf.union(a, b)


def _connector(token: str) -> bool:
    """A short lower-case word that may stand between a name and the place after it (of, w, на)."""
    return token.islower() and len(token) <= 3


def _link_place_qualified(ms: list[_M], uf: _UF) -> None:
    """An organisation named with and without the place it belongs to is one organisation: Верховный суд
    and Верховный суд Пакистана, Нафтогаз and Нафтогаз Украины, Sąd Najwyższy and Sąd Najwyższy w
    Pakistanie. The longer name is the shorter one and then only names of places of the set (and short
    lower-case words: w, of, на); the shorter one joins when one cluster of longer names qualifies."""
    places = {m.canon[0] for m in ms if m.type == "LOC" and len(m.canon) == 1 and len(m.canon[0]) > 2}
    if not places:
        return
    longer: dict[tuple[str, str, tuple[str, ...]], set[int]] = defaultdict(set)
    for m in ms:
        if m.type not in _INSTITUTION_TYPES or len(m.canon) < 2:
            continue
        for k in range(1, len(m.canon)):
            if f"-{m.tokens[k]}" in m.text:
                continue  # a branch named with a hyphen is its own organisation: Интерфакс-Украина
            tail = list(zip(m.tokens[k:], m.canon[k:], strict=True))
            if any(c in places for _t, c in tail) and all(c in places or _connector(t) for t, c in tail):
                longer[(m.type, m.lang, tuple(m.canon[:k]))].add(uf.find(m.i))
                break
    links = []
    for m in ms:
        if m.type not in _INSTITUTION_TYPES:
            continue
        roots = {uf.find(r) for r in longer.get((m.type, m.lang, tuple(m.canon)), ())} - {uf.find(m.i)}
        if len(roots) == 1:
            links.append((m.i, next(iter(roots))))
    for a, b in links:
        uf.union(a, b)


def _link_self_qualified_places(ms: list[_M], uf: _UF) -> None:
    """A place's long name that is its short name followed by another name of the same place is that place:
    Соединенных Штатов Америки, Stanów Zjednoczonych Ameryki, Сполучених Штатах Америки join the cluster that
    holds both Соединенных Штатов (Stanów Zjednoczonych) and Америки (Ameryki). The head must key as a place
    name of the set and every capitalised word after it as a one-word place name of the set, all in one
    cluster; short lower-case words (of, w) may stand between. Unlike an organisation named with its place
    (``_link_place_qualified``), nothing here joins two places: the words already name one."""
    heads: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for m in ms:
        if m.type == "LOC" and m.canon and all(m.canon):
            heads[tuple(m.canon)].add(uf.find(m.i))
    links = []
    for m in ms:
        if m.type != "LOC" or len(m.canon) < 2 or not all(m.canon):
            continue
        for k in range(1, len(m.canon)):
            roots = heads.get(tuple(m.canon[:k]), set())
            for t, c in zip(m.tokens[k:], m.canon[k:], strict=True):
                if _connector(t):
                    continue
                roots = roots & heads.get((c,), set())
            if len(roots) == 1 and next(iter(roots)) != uf.find(m.i):
                links.append((m.i, next(iter(roots))))
                break
    for a, b in links:
        uf.union(a, b)


def _link_partials(ms: list[_M], uf: _UF) -> None:
    _patr, particles, _roman = _name_parts()
    # clusters of multi-token mentions, indexed by last / first token key
    by_last: dict[tuple[str, str], set[int]] = defaultdict(set)
    by_first: dict[tuple[str, str], set[int]] = defaultdict(set)
    by_first_last: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    #: the same by the last token's own key, ending and all: a surname as a full name writes it
    by_last_as_written: dict[tuple[str, str], set[int]] = defaultdict(set)
    size: Counter[int] = Counter()
    for m in ms:
        size[uf.find(m.i)] += 1
    for m in ms:
        c = [k for k in m.canon if k]
        if len(c) >= 2 and all(len(k) > 1 for k in c):
            r = uf.find(m.i)
            by_last[(m.type, c[-1])].add(r)
            by_first[(m.type, c[0])].add(r)
            by_first_last[(m.type, c[0], c[-1])].add(r)
            if m.cands[-1]:
                by_last_as_written[(m.type, m.cands[-1][0])].add(r)

    def pick(roots: set[int], dominant: bool) -> int | None:
        roots = {uf.find(r) for r in roots}
        if len(roots) == 1:
            return next(iter(roots))
        if dominant and roots:
            ranked = sorted(roots, key=lambda r: -size[r])
            if size[ranked[0]] >= 4 * size[ranked[1]] and size[ranked[0]] >= 8:
                return ranked[0]
        return None

    # the initials of names of organisations and things: an acronym stands for the one name of its
    # language whose words begin with its letters (TLP: Tehreek-e-Labbaik Pakistan; EK: Evropská komise)
    by_initials: dict[tuple[str, str, str], set[int]] = defaultdict(set)
    for m in ms:
        if m.type in _ACRONYM_TYPES and len(m.tokens) >= 2:
            for initials in _initials(m.tokens):
                by_initials[(m.type, m.lang, initials)].add(uf.find(m.i))

    links: list[tuple[int, int]] = []
    for m in ms:
        c = [k for k in m.canon if k]
        if not c:
            continue
        target = None
        acronym = _acronym_key(m.text) if m.type in _ACRONYM_TYPES else None
        if acronym:
            cands = by_initials.get((m.type, m.lang, acronym[1:].casefold()), set()) - {uf.find(m.i)}
            target = pick(cands, False)
        elif len(c) == 1:
            k = c[0]
            if len(k) < 3 or k.isdigit():
                continue
            last = by_last.get((m.type, k), set())
            first = by_first.get((m.type, k), set())
            if last and not first:
                target = pick(last, m.type == "PER")
                if target is None and m.type == "PER" and m.cands[0] and m.cands[0][0] != k:
                    # several people share the surname, but its form here (Czech Clintonová, a woman)
                    # is written in the full names of one of them only
                    target = pick(by_last_as_written.get((m.type, m.cands[0][0]), set()), False)
            elif first and not last and m.type == "PER":
                target = pick(first, True)
        elif len(c) >= 2:
            if len(c[0]) == 1:  # initial + surname(s): "D. Trumpa"
                cands = {r for (t, f, la), rs in by_first_last.items()
                         if t == m.type and la == c[-1] and f[:1] == c[0] for r in rs}
                target = pick(cands, False)
            elif len(c) >= 3:  # extra middle tokens: "Donald John Trump"
                cands = by_first_last.get((m.type, c[0], c[-1]), set())
                cands = {r for r in cands if r != uf.find(m.i)}
                target = pick(cands, False)
                if target is None and m.tokens[-1] in _OTHER_GENERATION:
                    # "Georgi Pirinski, Jr." where the other languages leave the suffix out: the one
                    # cluster of the name without it, unless the other namesake's suffix is in it
                    other = _OTHER_GENERATION[m.tokens[-1]]
                    cands = {r for r in by_first_last.get((m.type, c[0], c[-2]), set()) if r != uf.find(m.i)}
                    target = pick(cands, False)
                    if target is not None and any(x.tokens[-1] == other for x in ms if uf.find(x.i) == target):
                        target = None
        if target is not None:
            links.append((m.i, target))
    # a group of partial names joins one full-name cluster, or none: two members that point at two
    # people (Czech Clintonovi at Bill, Clintonová at Hillary) would chain the two people together
    targets: dict[int, set[int]] = defaultdict(set)
    for a, b in links:
        targets[uf.find(a)].add(uf.find(b))
    for a, b in links:
        if len(targets[uf.find(a)]) == 1:
            uf.union(a, b)


#: The longest acronym, in letters.
_ACRONYM_MAX = 6
#: The types whose names are written as acronyms of their words (not people's initials, not places).
_ACRONYM_TYPES = ("ORG", "PRO", "EVT", "LOC")
#: The types of names that may be qualified by the place they belong to (Нафтогаз Украины).
_INSTITUTION_TYPES = ("ORG", "PRO", "EVT")


def _initials(tokens: list[str]) -> set[str]:
    """The initials of a multi-word name, casefolded, but for an opening article: of every word, and of
    its capitalised words only (a connector such as "i" or "e" may be in the acronym, UOKiK, or not, TLP)."""
    words = [t for t in tokens if t[:1].isalpha()]
    if words and words[0].casefold() in _articles():
        words = words[1:]  # Die Welt is not DW (Deutsche Welle)
    if not words:
        return set()
    out = {"".join(t[0] for t in words).casefold()}
    caps = [t for t in words if t[0].isupper()]
    if len(caps) >= 2:
        out.add("".join(t[0] for t in caps).casefold())
    return {i for i in out if 1 < len(i) <= _ACRONYM_MAX}


def _acronym_key(text: str) -> str | None:
    """An acronym's letters as written ("=EEUU" for EE.UU., "=EU", "=PiS"), or None for a name that is not one.
    An acronym is matched letter for letter: a key folds doubled letters and drops dots, and EE.UU. (the
    United States in Spanish) met EU (the European Union)."""
    letters = "".join(ch for ch in text if ch.isalpha())
    if 1 < len(letters) <= _ACRONYM_MAX and letters[0].isupper() and letters[-1].isupper() \
            and sum(ch.islower() for ch in letters) <= 1 and all(ch.isalpha() or ch in ". " for ch in text):
        return "=" + letters  # one small letter may stand for a connector: PiS, UOKiK
    return None


#: A mention is looked up in the table by every combination of its words' base forms up to this many.
TABLE_LOOKUP_COMBINATIONS = 64


def _table_lookup_keys(m: _M) -> set[str]:
    """The keys a mention is looked up by in the table: its canonical key, its words as written, and each
    combination of its words' base forms (Съединените щати: Съединени щати), while there are few."""
    out = {"".join(m.canon), "".join(c[0] for c in m.cands if c)}
    cands = [c for c in m.cands if c]
    if cands and prod(len(c) for c in cands) <= TABLE_LOOKUP_COMBINATIONS:
        out.update("".join(p) for p in product(*cands))
    return out


def cluster_mentions(records: list[dict], table=None) -> list[str]:
    """One cluster id per record, in input order (ids are unique across sets).

    ``table``: None (use ``checker/data/names/default.json`` if it exists), False (no table), a path,
    a loaded ``NameTable`` (``checker.names.table``), or a list as returned by :func:`load_table_forms`.
    """
    if table is None:
        forms = load_table_forms()
    elif table is False:
        forms = []
    elif isinstance(table, (str, Path)):
        forms = load_table_forms(table)
    elif hasattr(table, "entities"):
        forms = _forms_of_name_table(table)
    else:
        forms = list(table)
    # table form key -> entity number
    table_index: dict[str, set[int]] = defaultdict(set)
    for e, (_id, _typ, fs) in enumerate(forms):
        for lang, f in fs:
            table_index[_acronym_key(f) or K.name_key(f, lang).replace(" ", "")].add(e)

    by_set: dict[str, list[int]] = defaultdict(list)
    for pos, r in enumerate(records):
        by_set[str(r.get("set", ""))].append(pos)
    out: list[str] = [""] * len(records)
    for positions in by_set.values():
        ms: list[_M] = []
        for i, pos in enumerate(positions):
            r = records[pos]
            text, lang, typ = str(r.get("mention", "")), str(r.get("lang") or ""), str(r.get("type") or "")
            toks = _prepare_tokens(text, lang, typ)
            ms.append(_M(i, text, lang, typ, K.script_of(text), toks, [K.base_keys(t, lang) for t in toks]))
        _canonicalise(ms)
        links: list[list[int]] = []
        if table_index:
            ent_members: dict[int, list[int]] = defaultdict(list)
            for m in ms:
                acronym = _acronym_key(m.text)
                for k in {acronym} if acronym else _table_lookup_keys(m):
                    for e in table_index.get(k, ()):
                        ent_members[e].append(m.i)
            links = [sorted(set(v)) for v in ent_members.values() if len(set(v)) > 1]
        roots = _cluster_set(ms, links)
        ids: dict[int, str] = {}
        for i, pos in enumerate(positions):
            out[pos] = ids.setdefault(roots[i], f"c{len(ids)}")
    # make ids unique across sets (callers compare within a set, but this avoids surprises)
    set_no = {s: n for n, s in enumerate(by_set)}
    return [f"s{set_no[str(records[p].get('set', ''))]}{out[p]}" for p in range(len(records))]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        sys.stderr.write("usage: python -m checker.names.cluster MENTIONS.jsonl\n")
        return 2
    records = []
    with open(argv[0], encoding="utf-8") as f:
        for line in f:
            if line.strip():
                records.append(json.loads(line))
    ids = cluster_mentions(records)
    out = [
        {"mention_index": r.get("mention_index", n), "cluster": c}
        for n, (r, c) in enumerate(zip(records, ids, strict=True))
    ]
    json.dump({"clusters": out}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
