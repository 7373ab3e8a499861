"""Build the default canonical name table ``checker/data/names/default.json`` (format ``checker-names/1``).

Inputs (see ``checker/data/names/SOURCES.md`` for origins and licences):

* reference data in ``../shared/data`` (``--data``): CLDR territory and exemplar-city names, iso-codes
  country and subdivision names, GeoNames big cities, the cited house-style forms
  (``style_forms_web_evidence.tsv``);
* hand-authored seeds in ``scripts/sources/``: ``people.yaml`` (people with native-script names and the
  press forms that no scheme gives), ``places.yaml`` (war-news cities and regions, press forms of
  country names), ``organisations.yaml``;
* the transliteration schemes of ``checker.names.translit`` (package tables and the press
  transcriptions authored in ``checker/data/translit/custom/``), which generate each language's press
  form of Cyrillic-script names (Ukrainian -> German gives "Selenskyj", Russian -> German "Peskow").

Homographs: every table form (and, for people, every name token) of one language that is not a valid
form in language L but is a frequent lower-case word of L (``wordfreq`` Zipf frequency >= 3.0 for the
lower-cased form, and no more than 0.5 below its frequency in the form's own language, so that English
names quoted in German web text do not count as German words) goes into ``homographs[L]``, with the
hand-authored additions of ``scripts/sources/homographs.yaml``, as do single-token forms of 1-3 letters (abbreviations
such as "UE", "ONU"), so that they are never reported as foreign there. ``wordfreq`` (3.x, ships its
word lists; Apache-2.0 code, CC BY-SA 4.0 data) is a dependency of this build script only, not of the
package: ``pip install wordfreq``.

Usage: ``python scripts/build_default_table.py [--data ../shared/data] [--out checker/data/names/default.json]``
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml

from checker.names.translit import transliterate

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "scripts" / "sources"
#: The languages of people and organisations (hand-authored press forms and transliteration schemes) ...
LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "ru", "uk"]
LATIN = [lg for lg in LANGS if lg not in ("ru", "uk")]
#: ... and of places, which CLDR also names in the other languages of Slavic news copy (Bulgarian,
#: Croatian, Slovak, Slovene): a Slovene "Nemčija" is the Czech "Německo" and the Bulgarian "Германия".
PLACE_LANGS = LANGS + ["bg", "hr", "sk", "sl"]
PLACE_LATIN = [lg for lg in PLACE_LANGS if lg not in ("ru", "uk", "bg")]
CYRILLIC = ("ru", "uk", "be")
#: wordfreq's code for a language where it differs (Croatian is in its Serbo-Croatian list).
WORDFREQ_CODE = {"hr": "sh"}
# Languages where a diacritic-free spelling of a preferred form is an accepted variant
# (Erdogan/Erdoğan, Sanchez/Sánchez); not pl/cs/de, where the letters are distinctive (Zełenski).
STRIP_OK = ("en", "fr", "es", "it", "pt", "nl")

# Which scheme generates which language's press form of a Cyrillic-script name. Languages not listed
# fall back to the English press form (it/pt/nl follow the English forms for Ukrainian names).
SCHEMES = {
    "uk": {"en": "UkrainianKMU", "de": "UkrainianGermanPress", "pl": "UkrainianPolish", "cs": "UkrainianCzech"},
    "ru": {
        "en": "iuliia:wikipedia",
        "de": "RussianGermanDuden",
        "pl": "RussianPolish",
        "cs": "RussianCzech",
        "fr": "RussianFrench",
        "nl": "RussianDutch",
        "es": "RussianSpanish",
    },
}
RU_BASED_REASON = "Russian-based transliteration of a Ukrainian name (from the Russian form {ru})"
HOMOGRAPH_ZIPF = 3.0
HOMOGRAPH_MARGIN = 0.5
# Forms that must stay detectable as leaks even if wordfreq counts them as words of the language
# (their frequency there comes from the leak itself).
NEVER_HOMOGRAPH = {"de": {"Kremlin", "Kyiv", "Zelensky", "Putin"}, "en": {"Kiev", "Kiew", "Kreml"}}


def split_forms(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        out = []
        for v in value:
            out += split_forms(v)
        return out
    return [f.strip() for f in str(value).split("|") if f.strip()]


def strip_diacritics(s: str) -> str:
    s = s.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_diacritics(s).lower()).strip("-")


class Entity:
    def __init__(self, eid: str, etype: str, sources: list[str]):
        self.id, self.type, self.sources = eid, etype, list(sources)
        self.names: dict[str, dict] = {}

    def lang(self, lg: str) -> dict:
        return self.names.setdefault(lg, {"preferred": None, "accepted": [], "deprecated": [], "house": {}})

    def add(self, lg: str, form: str | None, status: str = "accepted", reason: str | None = None) -> None:
        if not form:
            return
        form = form.strip()
        e = self.lang(lg)
        if status == "preferred":
            if e["preferred"] and e["preferred"] != form:
                self.add(lg, e["preferred"])
            e["preferred"] = form
        elif status == "deprecated":
            if form not in [d["form"] for d in e["deprecated"]]:
                e["deprecated"].append({"form": form, "reason": reason} if reason else {"form": form})
        elif form not in e["accepted"]:
            e["accepted"].append(form)

    def valid(self, lg: str) -> set[str]:
        e = self.names.get(lg)
        if not e:
            return set()
        return {f for f in [e["preferred"], *e["accepted"], *e["house"].values()] if f}

    def source(self, name: str) -> None:
        if name not in self.sources:
            self.sources.append(name)

    def to_json(self) -> dict:
        names = {}
        for lg in PLACE_LANGS:
            e = self.names.get(lg)
            if not e:
                continue
            if not e["preferred"]:
                if not e["accepted"]:
                    continue
                e["preferred"] = e["accepted"][0]
            out: dict = {"preferred": e["preferred"]}
            valid_other = [a for a in e["accepted"] if a != e["preferred"]]
            if valid_other:
                out["accepted"] = valid_other
            if e["house"]:
                out["house"] = dict(sorted(e["house"].items()))
            valid = self.valid(lg)
            dep = [d for d in e["deprecated"] if d["form"] not in valid]
            if dep:
                out["deprecated"] = dep
            if e.get("surname"):
                out["surname"] = e["surname"]
            names[lg] = out
        return {"id": self.id, "type": self.type, "sources": self.sources, "names": names}


def read_tsv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


# ----------------------------------------------------------------------------------------- people
def build_people(people: list[dict]) -> list[Entity]:
    out = []
    for p in people:
        ent = Entity(str(p["id"]), "PER", ["scripts/sources/people.yaml"])
        native, name = p["n"], p["name"]
        ru_forms = split_forms(p.get("ru")) or ([name] if native == "ru" else [])
        uk_forms = split_forms(p.get("uk")) or ([name] if native == "uk" else [])
        if native in ("uk", "ru"):
            scheme_src, schemes = name, SCHEMES[native]
        elif native == "be" and ru_forms:
            scheme_src, schemes = ru_forms[0], SCHEMES["ru"]
        else:
            scheme_src, schemes = None, {}
        for lg, forms in (("ru", ru_forms), ("uk", uk_forms)):
            for i, f in enumerate(forms):
                ent.add(lg, f, "preferred" if i == 0 else "accepted")
        cyr_native = native in CYRILLIC
        en_forms = split_forms(p.get("en")) or ([] if cyr_native else [name])
        for lg in LATIN:
            explicit = split_forms(p.get(lg))
            generated = transliterate(scheme_src, schemes[lg]) if scheme_src and lg in schemes else None
            if explicit:
                forms = explicit + ([generated] if generated else [])
            elif generated:
                forms = [generated]
            elif cyr_native:
                forms = list(en_forms)
            else:
                forms = [name]
            for i, f in enumerate(forms):
                ent.add(lg, f, "preferred" if i == 0 else "accepted")
            if not cyr_native and name != strip_diacritics(name):
                if lg in STRIP_OK:
                    ent.add(lg, strip_diacritics(name))
                if native == "de" and lg == "en":  # Söder -> Soeder (wire-service ASCII)
                    ent.add(lg, name.replace("ö", "oe").replace("ü", "ue").replace("ä", "ae"))
            if lg in STRIP_OK:
                for f in sorted(ent.valid(lg)):
                    if cyr_native and strip_diacritics(f) != f and lg != "fr":
                        ent.add(lg, strip_diacritics(f))
        for house, form in (p.get("house_en") or {}).items():
            ent.lang("en")["house"][house] = form
        # Russian-based forms of Ukrainian people's names are deprecated in en and de.
        if native == "uk" and ru_forms:
            ru = ru_forms[0]
            for lg, scheme in (("en", "iuliia:wikipedia"), ("de", "RussianGermanDuden")):
                form = transliterate(ru, scheme)
                if form not in ent.valid(lg):
                    ent.add(lg, form, "deprecated", RU_BASED_REASON.format(ru=ru))
        for lg, items in (p.get("dep") or {}).items():
            for item in items:
                form, _, reason = item.partition(": ")
                ent.add(lg, form, "deprecated", reason or None)
        sn = p.get("sn")
        if sn:
            for lg in LANGS:
                if lg not in ent.names:
                    continue
                if sn == "self":
                    ent.names[lg]["surname"] = ent.names[lg]["preferred"]
                elif isinstance(sn, dict):
                    val = sn.get(lg) or (sn.get("all") if lg in LATIN else None)
                    if val:
                        ent.names[lg]["surname"] = val
                elif lg in LATIN:
                    ent.names[lg]["surname"] = sn
        out.append(ent)
    return out


# ----------------------------------------------------------------------------------------- places
def cldr_territory_names(data: Path) -> dict[str, dict[str, str]]:
    """CLDR territory code → language → name, for the languages of places (``places_territories_cldr.tsv``)."""
    cldr: dict[str, dict[str, str]] = defaultdict(dict)
    for r in read_tsv(data / "places_territories_cldr.tsv"):
        if r["lang"] in PLACE_LANGS:
            cldr[r["code"]][r["lang"]] = r["name"]
    return cldr


def build_countries(data: Path, press: dict) -> list[Entity]:
    rig = {r["code"].upper(): r for r in read_tsv(data / "places_territories_rigour_qids.tsv")}
    cldr = cldr_territory_names(data)
    iso = defaultdict(lambda: defaultdict(list))
    for r in read_tsv(data / "places_countries_isocodes.tsv"):
        if r["lang"] in PLACE_LANGS and ", " not in r["name"] and "(" not in r["name"]:
            iso[r["alpha2"]][r["lang"]].append(r["name"])
    out = []
    for code in sorted(cldr):
        rr = rig.get(code)
        if not (len(code) == 2 and code.isalpha() and rr and rr["is_country"] == "1" and rr["is_historical"] == "0"):
            continue
        ent = Entity(rr["qid"] or f"loc:iso:{code.lower()}", "LOC", ["places_territories_cldr.tsv"])
        for lg in PLACE_LANGS:
            ent.add(lg, cldr[code].get(lg), "preferred")
            for f in iso[code].get(lg, []):
                ent.add(lg, f)
                ent.source("places_countries_isocodes.tsv")
        extra = press.get(code) or {}
        for lg in PLACE_LANGS:
            for f in split_forms(extra.get(lg)):
                ent.add(lg, f)
                ent.source("scripts/sources/places.yaml")
        for lg, f in (extra.get("pref") or {}).items():
            ent.add(lg, f, "preferred")
        for lg, items in (extra.get("dep") or {}).items():
            for item in items:
                form, _, reason = item.partition(": ")
                ent.add(lg, form, "deprecated", reason or None)
                ent.source("scripts/sources/places.yaml")
        for lg in STRIP_OK:
            for f in sorted(ent.valid(lg)):
                if lg == "en" and strip_diacritics(f) != f:
                    ent.add(lg, strip_diacritics(f))  # Turkiye, Cote d'Ivoire
        out.append(ent)
    return out


def authored_place(item: dict, etype: str, src: str) -> Entity:
    ent = Entity(str(item["id"]), etype, [src])
    for lg in PLACE_LANGS:
        for i, f in enumerate(split_forms(item.get(lg))):
            ent.add(lg, f, "preferred" if i == 0 else "accepted")
    ru = split_forms(item.get("ru"))
    uk = split_forms(item.get("uk"))
    if ru and uk and (ent.id.startswith("loc:ua:") or ent.id == "Q1899"):
        form = transliterate(ru[0], "iuliia:wikipedia")
        if form not in ent.valid("en"):
            ent.add("en", form, "deprecated", f"Russian-based spelling (from the Russian form {ru[0]})")
    for lg, items in (item.get("dep") or {}).items():
        for it in items:
            form, _, reason = it.partition(": ")
            ent.add(lg, form, "deprecated", reason or None)
    return ent


def build_cities(data: Path, authored: list[dict]) -> list[Entity]:
    ents = [authored_place(c, "LOC", "scripts/sources/places.yaml") for c in authored]
    by_tz = {c["tz"]: e for c, e in zip(authored, ents, strict=True) if c.get("tz")}
    taken = defaultdict(set)  # country -> forms of authored cities (any language/status)
    for e in ents:
        cc = "UA" if e.id == "Q1899" else e.id.split(":")[1].upper()
        for lg in PLACE_LANGS:
            n = e.names.get(lg, {})
            taken[cc] |= e.valid(lg) | {d["form"] for d in n.get("deprecated", [])}
    geo = read_tsv(data / "places_cities_geonames.tsv")
    tz_rows = defaultdict(dict)
    tz_country = {}
    for r in read_tsv(data / "places_cities_cldr_exemplar.tsv"):
        if r["lang"] in PLACE_LANGS:
            tz_rows[r["tzid"]][r["lang"]] = r["city"]
            tz_country[r["tzid"]] = r["country"]
    geo_index = defaultdict(list)
    for g in geo:
        for nm in {g["name"], *g["alternatenames"].split("|")}:
            geo_index[(g["country"], nm)].append(g)
    used_geo = set()
    for tz in sorted(tz_rows):
        names, cc = tz_rows[tz], tz_country[tz]
        en = names.get("en")
        if not en:
            continue
        if tz in by_tz:
            ent = by_tz[tz]
            for lg, f in names.items():
                ent.add(lg, f)
            ent.source("places_cities_cldr_exemplar.tsv")
            continue
        cands = sorted(geo_index.get((cc, en), []), key=lambda g: -int(g["population"]))
        if not cands:
            continue
        g = cands[0]
        gnames = {g["name"], *g["alternatenames"].split("|")}
        if gnames & taken[cc] or g["geonameid"] in used_geo:
            continue
        used_geo.add(g["geonameid"])
        ent = Entity(f"loc:{cc.lower()}:{slug(en)}", "LOC", ["places_cities_cldr_exemplar.tsv",
                                                                  "places_cities_geonames.tsv"])
        for lg in PLACE_LANGS:
            f = names.get(lg) or (en if lg in PLACE_LATIN else None)
            ent.add(lg, f, "preferred")
        if g["name"] != en and g["name"] in gnames and strip_diacritics(g["name"]) == strip_diacritics(en):
            ent.add("en", g["name"])
        if strip_diacritics(en) != en:
            ent.add("en", strip_diacritics(en))
        ents.append(ent)
    # big cities and capitals that are not CLDR exemplar cities: GeoNames name in Latin-script languages
    for g in geo:
        if g["geonameid"] in used_geo:
            continue
        if not (int(g["population"]) >= 1_000_000 or g["is_capital"] == "1"):
            continue
        gnames = {g["name"], *g["alternatenames"].split("|")}
        if gnames & taken[g["country"]]:
            continue
        eid = f"loc:{g['country'].lower()}:{slug(g['name'])}"
        if any(e.id == eid for e in ents):
            eid = f"loc:geonames:{g['geonameid']}"
        ent = Entity(eid, "LOC", ["places_cities_geonames.tsv"])
        for lg in PLACE_LATIN:
            ent.add(lg, g["name"], "preferred")
        if strip_diacritics(g["name"]) != g["name"]:
            ent.add("en", strip_diacritics(g["name"]))
        used_geo.add(g["geonameid"])
        ents.append(ent)
    return ents


def build_regions(data: Path, authored: list[dict]) -> list[Entity]:
    iso = defaultdict(lambda: defaultdict(list))
    for r in read_tsv(data / "places_subdivisions_isocodes.tsv"):
        if r["lang"] in PLACE_LANGS:
            iso[r["code"]][r["lang"]].append(r["name"])
    out = []
    for item in authored:
        ent = authored_place(item, "LOC", "scripts/sources/places.yaml")
        code = item.get("iso")
        if code and code in iso:
            # iso-codes names are often transliterations, not newsroom exonyms: accepted, never preferred
            for lg, forms in iso[code].items():
                for f in forms:
                    if ", " not in f:
                        ent.add(lg, f)
            ent.source("places_subdivisions_isocodes.tsv")
        out.append(ent)
    return out


def build_world_regions(data: Path, regions: list[dict]) -> list[Entity]:
    """Continents and world regions (``world_regions`` of places.yaml: UN M.49 codes) with every language's
    CLDR name as its preferred form; id ``loc:m49:<code>``."""
    cldr = cldr_territory_names(data)
    out = []
    for item in regions:
        code = str(item["code"])
        if not cldr.get(code):
            sys.exit(f"world region {code}: not in places_territories_cldr.tsv")
        ent = Entity(f"loc:m49:{code}", "LOC", ["places_territories_cldr.tsv"])
        for lg in PLACE_LANGS:
            ent.add(lg, cldr[code].get(lg), "preferred")
        out.append(ent)
    return out


# ----------------------------------------------------------------------------------- organisations
def build_orgs(data: Path, orgs: list[dict]) -> list[Entity]:
    cldr = cldr_territory_names(data)
    out = []
    for o in orgs:
        ent = Entity(str(o["id"]), "ORG", ["scripts/sources/organisations.yaml"])
        for lg in PLACE_LANGS:
            for i, f in enumerate(split_forms(o.get(lg))):
                ent.add(lg, f, "preferred" if i == 0 else "accepted")
        if o.get("cldr"):
            for lg, f in cldr[o["cldr"]].items():
                ent.add(lg, f)
            ent.source("places_territories_cldr.tsv")
        out.append(ent)
    return out


# ----------------------------------------------------------------------------------------- evidence
def merge_evidence(data: Path, ents: list[Entity]) -> None:
    """Add the cited forms of style_forms_web_evidence.tsv (full forms only for people)."""
    by_en = {}
    for e in ents:
        for f in sorted(e.valid("en")):
            by_en.setdefault(f, e)
    for r in read_tsv(data / "style_forms_web_evidence.tsv"):
        e = by_en.get(r["entity"])
        lg, form, status = r["lang"], r["form"], r["status"]
        if e is None or lg not in PLACE_LANGS:
            continue
        if e.type == "PER" and len(form.split()) < 2:
            continue  # surname-only rows: the loader derives surnames from full forms
        e.source("style_forms_web_evidence.tsv")
        if status in ("preferred", "accepted"):
            e.add(lg, form)
        elif status == "deprecated":
            e.add(lg, form, "deprecated", f"{r['house_or_scope']} (evidence)")
        elif status == "foreign_form":
            e.add(lg, form, "deprecated", "foreign form leaking into this language")


# ----------------------------------------------------------------------------------------- checks
def resolve_conflicts(ents: list[Entity]) -> int:
    """Drop deprecated forms that are valid (preferred/accepted/house) in that language for any entity."""
    valid = defaultdict(set)
    for e in ents:
        for lg in e.names:
            valid[lg] |= e.valid(lg)
    dropped = 0
    for e in ents:
        for lg, n in e.names.items():
            keep = [d for d in n["deprecated"] if d["form"] not in valid[lg]]
            dropped += len(n["deprecated"]) - len(keep)
            n["deprecated"] = keep
    return dropped


def name_tokens(e: Entity, form: str, lg: str) -> list[str]:
    toks = [form]
    if e.type == "PER":
        toks += form.split()
        sn = e.names.get(lg, {}).get("surname")
        toks.append(sn or " ".join(form.split()[1:]))
    return [t for t in toks if t]


def build_homographs(ents: list[Entity], extra: dict) -> dict[str, list[str]]:
    from wordfreq import zipf_frequency

    valid = defaultdict(set)
    for e in ents:
        for lg in e.names:
            valid[lg] |= e.valid(lg)
            if e.type == "PER":
                for f in e.valid(lg):
                    valid[lg] |= set(name_tokens(e, f, lg)[1:])
    cands = defaultdict(set)  # token -> languages it comes from
    for e in ents:
        for lg, n in e.names.items():
            forms = e.valid(lg) | {d["form"] for d in n["deprecated"]}
            for f in forms:
                for t in name_tokens(e, f, lg):
                    if " " not in t:
                        cands[t].add(lg)
    homo = defaultdict(set)
    for lg, words in extra.items():
        homo[lg] |= {w for w in words if w not in valid[lg]}
    for lg in PLACE_LANGS:
        for t, origins in cands.items():
            if t in valid[lg] or t in NEVER_HOMOGRAPH.get(lg, set()):
                continue
            word = t.strip(".").lower()
            if len(word) <= 3:
                homo[lg].add(t)
                continue
            z = zipf_frequency(word, WORDFREQ_CODE.get(lg, lg))
            # a word of L, not a name borrowed from the form's own language (wordfreq lower-cases
            # proper nouns: "germany" is frequent in German web text because of English quotes)
            if z >= HOMOGRAPH_ZIPF and z >= max(zipf_frequency(word, WORDFREQ_CODE.get(o, o))
                                                for o in origins) - HOMOGRAPH_MARGIN:
                homo[lg].add(t)
    return {lg: sorted(homo[lg]) for lg in PLACE_LANGS if homo[lg]}


#: How many of each language's most frequent words are checked for a key shared with a table form.
KEY_HOMOGRAPH_WORDS = 60000
#: Slurs among the frequent words: not shipped in the product's data (at worst, one is reported as a
#: spelling of a name).
NOT_SHIPPED_WORDS = {"nigger", "niggers"}


def add_key_homographs(ents: list[Entity], homographs: dict) -> int:
    """Add to ``homographs[L]`` the frequent words of L that share a name key with a table form without
    being one (German "Rabatt" meets Rabat, English "Being" meets Beijing): the rules would otherwise take
    them for unlisted spellings of that name. Keys come from checker.names.keys, as at run time."""
    from wordfreq import top_n_list

    from checker.names.keys import name_key

    forms = {f for e in ents for lg in e.names for f in e.valid(lg) | {d["form"] for d in e.names[lg]["deprecated"]}}
    tokens = {t for f in forms for t in [f, *f.split()] if len(t) >= 4}
    table_keys = {name_key(t) for t in tokens}
    folded = {t.casefold() for t in tokens}
    added = 0
    for lg in PLACE_LANGS:
        found = set(homographs.get(lg, ()))
        for word in top_n_list(WORDFREQ_CODE.get(lg, lg), KEY_HOMOGRAPH_WORDS):
            if len(word) < 4 or not word.isalpha() or word.casefold() in folded or word in NOT_SHIPPED_WORDS:
                continue
            cap = word[0].upper() + word[1:]
            if name_key(cap) in table_keys and cap not in found:
                found.add(cap)
                added += 1
        homographs[lg] = sorted(found)
    return added


def write_table(ents: list[Entity], homographs: dict, out: Path) -> None:
    rows = [json.dumps(e.to_json(), ensure_ascii=False, separators=(",", ":"), sort_keys=True)
            for e in sorted(ents, key=lambda e: (e.type, e.id))]
    text = ('{"format":"checker-names/1",\n"entities":[\n' + ",\n".join(rows) + "\n],\n"
            '"homographs":' + json.dumps(homographs, ensure_ascii=False, separators=(",", ":"),
                                         sort_keys=True) + "}\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "checker" / "data" / "names" / "default.json")
    args = ap.parse_args(argv)
    people = yaml.safe_load((SOURCES / "people.yaml").read_text(encoding="utf-8"))
    places = yaml.safe_load((SOURCES / "places.yaml").read_text(encoding="utf-8"))
    orgs = yaml.safe_load((SOURCES / "organisations.yaml").read_text(encoding="utf-8"))
    ents = build_people(people)
    ents += build_countries(args.data, places["countries"])
    ents += build_cities(args.data, places["cities"])
    ents += build_regions(args.data, places["regions"])
    ents += build_world_regions(args.data, places["world_regions"])
    ents += build_orgs(args.data, orgs)
    merge_evidence(args.data, ents)
    ids = [e.id for e in ents]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        sys.exit(f"duplicate ids: {dup}")
    dropped = resolve_conflicts(ents)
    extra = yaml.safe_load((SOURCES / "homographs.yaml").read_text(encoding="utf-8"))
    homographs = build_homographs(ents, extra)
    key_homographs = add_key_homographs(ents, homographs)
    write_table(ents, homographs, args.out)
    types = defaultdict(int)
    per_lang = defaultdict(int)
    for e in ents:
        types[e.type] += 1
        for lg in e.names:
            per_lang[lg] += len(e.valid(lg)) + len(e.names[lg]["deprecated"])
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes): {len(ents)} entities {dict(types)}; "
          f"{dropped} conflicting deprecated forms dropped")
    print("forms per language:", dict(sorted(per_lang.items())))
    print("homographs per language:", {lg: len(v) for lg, v in homographs.items()},
          f"({key_homographs} of them frequent words that share a name key with a table form)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
