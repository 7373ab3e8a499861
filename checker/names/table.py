"""The canonical name table: load (YAML, JSON, TSV), validate with file:line errors, layer, look up.

Format: ``docs/name-table.md``. The built-in default is ``checker/data/names/default.json`` (built by
``scripts/build_default_table.py``); ``--table`` files layer on top of it in order.
"""

from __future__ import annotations

import csv
import json
import marshal
from collections import defaultdict
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from ..datafiles import package_file
from ..errors import TableError

FORMAT = "checker-names/1"
ENTITY_TYPES = ("PER", "LOC", "ORG", "EVT", "MISC")
VALID_STATUSES = ("preferred", "house", "accepted")
STATUS_RANK = {"preferred": 0, "house": 1, "accepted": 2, "deprecated": 3}


@dataclass(slots=True)
class LangNames:
    """The forms of one entity in one language."""

    preferred: str | None = None
    accepted: list[str] = field(default_factory=list)
    deprecated: dict[str, str] = field(default_factory=dict)  # form → reason ("" if none given)
    house: dict[str, str] = field(default_factory=dict)  # house style → form
    surname: str | None = None

    def forms(self) -> list[tuple[str, str]]:
        """(form, status) pairs, best status first, each form once."""
        out: dict[str, str] = {}
        if self.preferred:
            out[self.preferred] = "preferred"
        for form in self.house.values():
            out.setdefault(form, "house")
        for form in self.accepted:
            out.setdefault(form, "accepted")
        for form in self.deprecated:
            out.setdefault(form, "deprecated")
        return list(out.items())


@dataclass(eq=False, slots=True)
class Entity:
    id: str
    type: str
    names: dict[str, LangNames] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)

    def display_name(self, lang: str = "en") -> str:
        for code in (lang, "en"):
            if code in self.names and self.names[code].preferred:
                return self.names[code].preferred
        for names in self.names.values():
            if names.preferred:
                return names.preferred
        return self.id


def entity_from_raw(item: dict) -> Entity:
    """An Entity from its table-file mapping (already validated)."""
    ent = Entity(item["id"], item["type"], sources=list(item.get("sources", ())))
    for lang, body in item.get("names", {}).items():
        deprecated = {}
        for d in body.get("deprecated", ()):
            if isinstance(d, str):
                deprecated[d] = ""
            else:
                deprecated[d["form"]] = d.get("reason", "")
        ent.names[lang] = LangNames(body.get("preferred"), list(body.get("accepted", ())), deprecated,
                                    dict(body.get("house", {})), body.get("surname"))
    return ent


def entity_to_raw(ent: Entity) -> dict:
    """The table-file mapping of an Entity (inverse of ``entity_from_raw``)."""
    names = {}
    for lang, n in ent.names.items():
        body: dict = {}
        if n.preferred:
            body["preferred"] = n.preferred
        if n.accepted:
            body["accepted"] = list(n.accepted)
        if n.deprecated:
            body["deprecated"] = [{"form": f, "reason": r} if r else f for f, r in n.deprecated.items()]
        if n.house:
            body["house"] = dict(n.house)
        if n.surname:
            body["surname"] = n.surname
        names[lang] = body
    raw = {"id": ent.id, "type": ent.type, "names": names}
    if ent.sources:
        raw["sources"] = list(ent.sources)
    return raw


class EntityStore(MutableMapping):
    """Entities by id. Entities from the built-in table stay plain mappings until first used, and those
    read back from the compiled-table cache stay their marshal bytes (``names.compiled``): start-up builds
    only the handful a document mentions."""

    def __init__(self) -> None:
        self._items: dict[str, Entity | dict | bytes] = {}

    def __getitem__(self, key: str) -> Entity:
        item = self._items[key]
        if not isinstance(item, Entity):
            item = self._items[key] = entity_from_raw(marshal.loads(item) if isinstance(item, bytes) else item)
        return item

    def __setitem__(self, key: str, value: Entity | dict | bytes) -> None:
        self._items[key] = value

    def __delitem__(self, key: str) -> None:
        del self._items[key]

    def __iter__(self):
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key) -> bool:
        return key in self._items

    def raw(self) -> dict[str, dict]:
        """Every entity as its table-file mapping (for the compiled-table cache)."""
        return {k: (v if isinstance(v, dict) else marshal.loads(v) if isinstance(v, bytes) else entity_to_raw(v))
                for k, v in self._items.items()}


class PackedForms(dict):
    """The forms index (``NameTable.forms``) as read back from the compiled-table cache: form → its meanings
    kept as marshal bytes until a document has the form (a look-up decodes and keeps them). A membership
    test is the plain dict's; ``get``, ``[]``, ``values`` and ``items`` give the meanings."""

    def __getitem__(self, form: str) -> list[RawInfo]:
        value = dict.__getitem__(self, form)
        if isinstance(value, bytes):
            value = marshal.loads(value)
            dict.__setitem__(self, form, value)
        return value

    def get(self, form: str, default=None):
        return self[form] if dict.__contains__(self, form) else default

    def values(self):
        return [self[form] for form in self]

    def items(self):
        return [(form, self[form]) for form in self]

    def __eq__(self, other) -> bool:
        return dict(self.items()) == (dict(other.items()) if isinstance(other, dict) else other)

    def __ne__(self, other) -> bool:
        return not self == other

    __hash__ = None  # a dict: unhashable


#: How the forms index stores a meaning: (entity id, lang, status, part, full form, reason).
RawInfo = tuple[str, str, str, str, str, str]


class FormInfo(NamedTuple):
    """What one surface form means: a form of ``entity`` in ``lang`` with a status and a part."""

    entity: Entity
    lang: str
    status: str  # preferred | house | accepted | deprecated
    part: str  # full | surname | given
    full: str  # the full form this part was derived from (== form for part "full")
    reason: str = ""


def split_person(full: str, surname: str | None) -> tuple[str | None, str | None]:
    """(given, surname) parts of a person's full name; None where there is no such part."""
    tokens = full.split()
    if len(tokens) < 2:
        return None, None
    if surname and full.endswith(" " + surname):
        given = full[: -len(surname) - 1].split()
        return (given[0] if len(given) == 1 else None), surname
    return tokens[0], " ".join(tokens[1:])


class NameTable:
    """Entities by id, layered; lookup structures are built lazily and cached."""

    def __init__(self) -> None:
        self.entities = EntityStore()
        self.homographs: dict[str, set[str]] = defaultdict(set)
        self.sources: list[str] = []

    # -- lookup -----------------------------------------------------------------------------------
    @cached_property
    def forms(self) -> dict[str, list[RawInfo]]:
        """Every surface form (full names and, for people, their surname and given-name parts) with its
        meanings as plain tuples; ``lookup`` turns them into FormInfo."""
        index: dict[str, list[RawInfo]] = defaultdict(list)
        for ent in self.entities.values():
            for lang, names in ent.names.items():
                for form, status in names.forms():
                    reason = names.deprecated.get(form, "") if status == "deprecated" else ""
                    index[form].append((ent.id, lang, status, "full", form, reason))
                    if ent.type == "PER":
                        given, surname = split_person(form, names.surname if form == names.preferred else None)
                        for part, value in (("surname", surname), ("given", given)):
                            if value and value != form:
                                index[value].append((ent.id, lang, status, part, form, reason))
        return dict(index)

    @cached_property
    def languages(self) -> frozenset[str]:
        return frozenset(info[1] for infos in self.forms.values() for info in infos)

    @cached_property
    def _valid(self) -> dict[str, frozenset[str]]:
        valid: dict[str, set[str]] = defaultdict(set)
        for form, infos in self.forms.items():
            for info in infos:
                if info[2] in VALID_STATUSES:
                    valid[info[1]].add(form)
        return {lang: frozenset(forms) for lang, forms in valid.items()}

    def invalidate(self) -> None:
        """Forget the derived indexes (after a layer changed the entities)."""
        for attr in ("forms", "languages", "_valid", "_lookups"):
            self.__dict__.pop(attr, None)

    def is_valid(self, form: str, lang: str) -> bool:
        """True when ``form`` is a preferred, house or accepted form in ``lang`` of any entity,
        or an ordinary word there (``homographs``)."""
        return form in self._valid.get(lang, ()) or form in self.homographs.get(lang, ())

    def preferred(self, entity: Entity, lang: str, part: str = "full", house: str | None = None) -> str | None:
        """The form ``lang`` copy should use for ``entity`` (the house style's where it has one)."""
        names = entity.names.get(lang)
        if names is None:
            return None
        full = names.house.get(house) if house else None
        full = full or names.preferred
        if not full or part == "full" or entity.type != "PER":
            return full
        given, surname = split_person(full, names.surname)
        return (surname if part == "surname" else given) or full

    def info(self, raw: RawInfo) -> FormInfo:
        return FormInfo(self.entities[raw[0]], *raw[1:])

    def lookup(self, form: str) -> list[FormInfo]:
        """The meanings of ``form`` (a shared list: do not change it)."""
        cache = self.__dict__.setdefault("_lookups", {})
        found = cache.get(form)
        if found is None:
            found = cache[form] = [self.info(raw) for raw in self.forms.get(form, ())]
        return found


# -- loading --------------------------------------------------------------------------------------
def _where(node, path: str) -> str:
    return f"{path}:{node.start_mark.line + 1}" if node is not None and hasattr(node, "start_mark") else path


class _Loader:
    """Turns a parsed table (YAML node tree, or plain JSON data) into entities, with file:line errors."""

    def __init__(self, table: NameTable, path: str) -> None:
        self.table, self.path = table, path

    def fail(self, node, message: str):
        raise TableError(f"{_where(node, self.path)}: {message}")

    # YAML nodes carry lines; plain data (the built JSON) does not. Both go through these helpers.
    def mapping(self, node, what: str) -> list[tuple[str, object, object]]:
        import yaml

        if isinstance(node, dict):
            return [(k, v, None) for k, v in node.items()]
        if isinstance(node, yaml.MappingNode):
            out = []
            for knode, vnode in node.value:
                if not isinstance(knode, yaml.ScalarNode):
                    self.fail(knode, f"{what}: keys must be plain strings")
                out.append((knode.value, vnode, knode))
            return out
        self.fail(node, f"{what} must be a mapping")

    def seq(self, node, what: str) -> list:
        import yaml

        if isinstance(node, list):
            return node
        if isinstance(node, yaml.SequenceNode):
            return node.value
        self.fail(node, f"{what} must be a list")

    def string(self, node, what: str) -> str:
        import yaml

        value = node.value if isinstance(node, yaml.ScalarNode) else node
        if not isinstance(value, str) or not value.strip() or (
            isinstance(node, yaml.ScalarNode) and node.tag.endswith((":int", ":float", ":bool", ":null"))
        ):
            self.fail(node, f"{what} must be a non-empty string")
        if value != value.strip() or "\n" in value:
            self.fail(node, f"{what} {value!r} has surrounding or inner line-break whitespace")
        return value

    def load(self, root) -> None:
        seen_fmt = False
        for key, value, knode in self.mapping(root, "the table"):
            if key == "format":
                seen_fmt = True
                if self.string(value, "format") != FORMAT:
                    self.fail(value, f"unsupported table format (expected {FORMAT!r})")
            elif key == "entities":
                for item in self.seq(value, "entities"):
                    self.entity(item)
            elif key == "homographs":
                for lang, forms, lnode in self.mapping(value, "homographs"):
                    self.table.homographs[self.lang(lang, lnode)].update(
                        self.string(f, f"homograph in {lang}") for f in self.seq(forms, f"homographs.{lang}")
                    )
            elif key == "sources":
                self.table.sources.extend(self.string(s, "source") for s in self.seq(value, "sources"))
            else:
                self.fail(knode, f"unknown top-level key {key!r} (expected format, entities, homographs, sources)")
        if not seen_fmt:
            self.fail(root, f"missing 'format: {FORMAT}'")

    def lang(self, code: str, node) -> str:
        from ..documents import known_languages

        if code not in known_languages():
            self.fail(node, f"unknown language code {code!r}")
        return code

    def entity(self, node) -> None:
        fields = {k: (v, kn) for k, v, kn in self.mapping(node, "an entity")}
        if "id" not in fields:
            self.fail(node, "entity without 'id'")
        ent_id = self.string(fields["id"][0], "id")
        what = f"entity {ent_id}"
        known = {"id", "type", "names", "sources", "remove_entity"}
        for k, (_, kn) in fields.items():
            if k not in known:
                self.fail(kn or node, f"{what}: unknown key {k!r} (expected one of {', '.join(sorted(known))})")
        existing = self.table.entities.get(ent_id)
        if "remove_entity" in fields:
            self.table.entities.pop(ent_id, None)
            return
        etype = self.string(fields["type"][0], f"{what}: type") if "type" in fields else None
        if etype is not None and etype not in ENTITY_TYPES:
            self.fail(fields["type"][0], f"{what}: type {etype!r} is not one of {', '.join(ENTITY_TYPES)}")
        if existing is None:
            if etype is None:
                self.fail(node, f"{what}: new entity needs a 'type'")
            existing = self.table.entities[ent_id] = Entity(ent_id, etype)
        elif etype:
            existing.type = etype
        if "sources" in fields:
            for src in self.seq(fields["sources"][0], "sources"):
                existing.sources.append(self.string(src, f"{what}: source"))
        if "names" not in fields:
            return
        for lang, body, lnode in self.mapping(fields["names"][0], f"{what}: names"):
            self.lang_names(existing, self.lang(lang, lnode), body, f"{what}: {lang}")

    def lang_names(self, ent: Entity, lang: str, node, what: str) -> None:
        names = ent.names.setdefault(lang, LangNames())
        for key, value, knode in self.mapping(node, what):
            if key == "preferred":
                names.preferred = self.string(value, f"{what}: preferred")
            elif key == "surname":
                names.surname = self.string(value, f"{what}: surname")
            elif key == "accepted":
                for item in self.seq(value, f"{what}: accepted"):
                    form = self.string(item, f"{what}: accepted form")
                    if form not in names.accepted:
                        names.accepted.append(form)
            elif key == "house":
                for house, form, _ in self.mapping(value, f"{what}: house"):
                    names.house[house] = self.string(form, f"{what}: house {house}")
            elif key == "deprecated":
                for item in self.seq(value, f"{what}: deprecated"):
                    form, reason = self.deprecated_item(item, what)
                    names.deprecated[form] = reason
            elif key == "remove":
                for item in self.seq(value, f"{what}: remove"):
                    form = self.string(item, f"{what}: form to remove")
                    names.accepted = [f for f in names.accepted if f != form]
                    names.deprecated.pop(form, None)
                    names.house = {h: f for h, f in names.house.items() if f != form}
                    if names.preferred == form:
                        names.preferred = None
            else:
                self.fail(knode or node, f"{what}: unknown key {key!r}"
                          " (expected preferred, accepted, deprecated, house, surname, remove)")
        if names.preferred is None and not (names.accepted or names.deprecated or names.house):
            del ent.names[lang]

    def deprecated_item(self, item, what: str) -> tuple[str, str]:
        import yaml

        if isinstance(item, (str, yaml.ScalarNode)):
            return self.string(item, f"{what}: deprecated form"), ""
        fields = {k: v for k, v, _ in self.mapping(item, f"{what}: deprecated entry")}
        if "form" not in fields:
            self.fail(item, f"{what}: deprecated entry needs 'form'")
        reason = self.string(fields["reason"], f"{what}: reason") if "reason" in fields else ""
        return self.string(fields["form"], f"{what}: deprecated form"), reason


def _load_tsv(table: NameTable, path: str, text: str) -> None:
    """``from<TAB>to<TAB>lang[<TAB>source]`` rows: ``from`` is a deprecated form of ``to`` in ``lang``."""
    from ..documents import known_languages

    reader = csv.reader(text.splitlines(), delimiter="\t")
    for lineno, row in enumerate(reader, 1):
        if not row or row[0].startswith("#") or (lineno == 1 and row[:3] == ["from", "to", "lang"]):
            continue
        if len(row) < 3 or not row[0].strip() or not row[1].strip():
            raise TableError(f"{path}:{lineno}: expected from<TAB>to<TAB>lang, got {len(row)} field(s)")
        old, new, lang = row[0].strip(), row[1].strip(), row[2].strip()
        if lang not in known_languages():
            raise TableError(f"{path}:{lineno}: unknown language code {lang!r}")
        ent_id = f"tsv:{lang}:{new}"
        ent = table.entities.setdefault(ent_id, Entity(ent_id, "MISC"))
        names = ent.names.setdefault(lang, LangNames(preferred=new))
        names.deprecated[old] = f"the table {Path(path).name} replaces it by {new!r}"


def load_table_file(table: NameTable, path: str | Path) -> None:
    """Layer one table file (YAML, JSON or TSV) onto ``table``."""
    import yaml

    from ..documents import read_text_file

    name = str(path)
    text = read_text_file(path, TableError, "table file")
    if not text.strip():
        raise TableError(f"{name}: empty table file")
    if name.endswith((".tsv", ".tab")):
        _load_tsv(table, name, text)
    else:
        try:
            root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            line = f":{mark.line + 1}" if mark else ""
            problem = getattr(err, "problem", None) or str(err).splitlines()[0]
            raise TableError(f"{name}{line}: not valid YAML/JSON: {problem}") from None
        _Loader(table, name).load(root)
    table.sources.append(name)
    table.invalidate()


DEFAULT_TABLE = "default.json"


def default_table_path():
    return package_file("data", "names", DEFAULT_TABLE)


def load_trusted(table: NameTable, data: dict) -> None:
    """Load a table already validated by the strict loader (the built-in one: its test runs the strict
    loader on it). Entities stay plain mappings until used."""
    for item in data["entities"]:
        table.entities[item["id"]] = item
    for lang, forms in data.get("homographs", {}).items():
        table.homographs[lang].update(forms)
    table.sources.extend(data.get("sources", ()))


def load_default_into(table: NameTable) -> None:
    try:
        data = json.loads(default_table_path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    load_trusted(table, data)
    table.sources.append(f"built-in:{DEFAULT_TABLE}")


def load_table(paths: list[str | Path] | tuple = (), default: bool = True) -> NameTable:
    """The built-in default table (unless ``default`` is False) with ``paths`` layered on top."""
    table = NameTable()
    if default:
        load_default_into(table)
    for path in paths:
        load_table_file(table, path)
    return table
