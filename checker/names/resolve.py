"""Group the mentions of one document into entities and say what each mention is in the document's
language: a listed form (with its status), another language's form, or an unlisted spelling.

Table mentions join the entity their form belongs to (an ambiguous form goes to the entity the rest of
the document mentions, else to the one for which it is valid in the document's language). Unlisted
spellings that share a key with a table form join that entity. The remaining candidates group by key.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .mentions import Mention
from .table import STATUS_RANK, Entity, FormInfo, NameTable


@dataclass
class Resolved:
    """A mention with its entity and its standing in the document's language."""

    mention: Mention
    entity: Entity | None
    infos: list[FormInfo]  # meanings of the form for ``entity`` (all languages)
    status: str | None  # best status in the document's language: preferred/house/accepted/deprecated
    part: str  # full | surname | given | unknown
    reason: str = ""
    listed: bool = True  # False for an unlisted spelling reached by key

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


def resolve(mentions: list[Mention], table: NameTable, lang: str) -> list[EntityGroup]:
    """Entity groups of one document, ordered by first mention."""
    votes: Counter[str] = Counter()
    for m in mentions:
        for eid in {i.entity.id for i in (m.infos or m.keyed)}:
            votes[eid] += 1
    groups: dict[str, EntityGroup] = {}
    for m in mentions:
        listed = bool(m.infos)
        infos = m.infos or m.keyed
        if not infos:
            if m.sentence_initial and " " not in m.form:
                continue
            key = "key:" + m.key
            groups.setdefault(key, EntityGroup(key, None)).members.append(
                Resolved(m, None, [], None, "unknown", listed=False))
            continue
        by_entity: dict[str, list[FormInfo]] = defaultdict(list)
        for info in infos:
            by_entity[info.entity.id].append(info)

        eid = min(by_entity, key=lambda e: _entity_rank(e, by_entity[e], votes, lang))
        chosen = by_entity[eid]
        own = _best([i for i in chosen if i.lang == lang])
        status = own.status if own and listed else None
        part = own.part if own else chosen[0].part
        reason = own.reason if own and own.status == "deprecated" else ""
        group = groups.setdefault("id:" + eid, EntityGroup("id:" + eid, chosen[0].entity))
        group.members.append(Resolved(m, chosen[0].entity, chosen, status, part, reason, listed))
    return sorted(groups.values(), key=lambda g: g.members[0].mention.start)
