"""Facts of the built default name table (checker/data/names/default.json), read with plain json."""

import json
from collections import defaultdict
from pathlib import Path

import pytest

TABLE = Path(__file__).resolve().parent.parent / "checker" / "data" / "names" / "default.json"
LANGS = ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs", "ru", "uk"]
#: languages of places only (CLDR names), for the other languages of Slavic news copy
PLACE_LANGS = LANGS + ["bg", "hr", "sk", "sl"]


@pytest.fixture(scope="module")
def table():
    return json.loads(TABLE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def by_id(table):
    return {e["id"]: e for e in table["entities"]}


def valid(e, lang):
    n = e["names"].get(lang, {})
    return {n.get("preferred"), *n.get("accepted", []), *n.get("house", {}).values()} - {None}


def find(table, lang, form):
    return [e for e in table["entities"] if form in valid(e, lang)]


def test_format():
    data = json.loads(TABLE.read_text(encoding="utf-8"))
    assert data["format"] == "checker-names/1"


def test_every_entity_has_id_type_and_english(table):
    ids = [e["id"] for e in table["entities"]]
    assert len(ids) == len(set(ids))
    for e in table["entities"]:
        assert e["id"] and e["type"] in {"PER", "LOC", "ORG", "EVT", "MISC"}
        assert e["names"]["en"]["preferred"]


@pytest.mark.parametrize(
    "eid,lang,form",
    [
        ("Q3874799", "en", "Volodymyr Zelensky"),
        ("Q3874799", "de", "Wolodymyr Selenskyj"),
        ("Q3874799", "pl", "Wołodymyr Zełenski"),
        ("Q3874799", "cs", "Volodymyr Zelenskyj"),
        ("Q3874799", "fr", "Volodymyr Zelensky"),
        ("Q3874799", "es", "Volodímir Zelenski"),
        ("Q3874799", "it", "Volodymyr Zelensky"),
        ("Q3874799", "ru", "Владимир Зеленский"),
        ("Q3874799", "uk", "Володимир Зеленський"),
        ("Q7747", "en", "Vladimir Putin"),
        ("Q7747", "de", "Wladimir Putin"),
        ("Q7747", "fr", "Vladimir Poutine"),
        ("Q7747", "pl", "Władimir Putin"),
        ("Q7747", "nl", "Vladimir Poetin"),
        ("Q7747", "uk", "Володимир Путін"),
        ("per:ru:sergei-lavrov", "de", "Sergej Lawrow"),
        ("per:ru:sergei-lavrov", "pl", "Siergiej Ławrow"),
        ("per:ru:sergei-lavrov", "fr", "Sergueï Lavrov"),
        ("per:ru:dmitry-peskov", "de", "Dmitri Peskow"),
        ("per:ru:yevgeny-prigozhin", "de", "Jewgeni Prigoschin"),
        ("per:ua:valerii-zaluzhnyi", "de", "Walerij Saluschnyj"),
        ("per:de:friedrich-merz", "en", "Friedrich Merz"),
        ("per:de:friedrich-merz", "ru", "Фридрих Мерц"),
        ("Q3052772", "de", "Emmanuel Macron"),
        ("per:gb:keir-starmer", "fr", "Keir Starmer"),
        ("Q22686", "uk", "Дональд Трамп"),
        ("per:pl:donald-tusk", "de", "Donald Tusk"),
        ("per:it:giorgia-meloni", "en", "Giorgia Meloni"),
        ("per:pt:antonio-costa", "en", "António Costa"),
        ("per:nl:mark-rutte", "ru", "Марк Рютте"),
        ("per:de:ursula-von-der-leyen", "uk", "Урсула фон дер Ляєн"),
        ("Q1899", "en", "Kyiv"),
        ("Q1899", "de", "Kiew"),
        ("Q1899", "pl", "Kijów"),
        ("loc:ua:kharkiv", "de", "Charkiw"),
        ("org:kremlin", "de", "Kreml"),
        ("org:kremlin", "en", "Kremlin"),
        ("org:nato", "de", "Nato"),
        ("loc:m49:150", "cs", "Evropa"),  # continents and world regions (CLDR, UN M.49 codes)
        ("loc:m49:150", "ru", "Европа"),
        ("loc:m49:151", "de", "Osteuropa"),
        ("loc:m49:002", "pl", "Afryka"),
        ("loc:m49:419", "en", "Latin America"),
    ],
)
def test_forms(by_id, eid, lang, form):
    assert form in valid(by_id[eid], lang)


def test_preferred_forms(by_id):
    assert by_id["Q3874799"]["names"]["de"]["preferred"] == "Wolodymyr Selenskyj"
    assert by_id["Q3874799"]["names"]["pl"]["preferred"] == "Wołodymyr Zełenski"
    assert by_id["Q7747"]["names"]["fr"]["preferred"] == "Vladimir Poutine"
    assert by_id["Q1899"]["names"]["de"]["preferred"] == "Kiew"
    assert by_id["org:kremlin"]["names"]["de"]["preferred"] == "Kreml"


def test_deprecated_with_reason(by_id):
    dep = {d["form"]: d.get("reason") for d in by_id["Q1899"]["names"]["en"]["deprecated"]}
    assert dep.get("Kiev")
    kh = {d["form"] for d in by_id["loc:ua:kharkiv"]["names"]["en"]["deprecated"]}
    assert "Kharkov" in kh
    zel = {d["form"] for d in by_id["Q3874799"]["names"]["en"]["deprecated"]}
    assert "Vladimir Zelensky" in zel


def test_foreign_forms_are_not_valid_elsewhere(table):
    assert not find(table, "en", "Selenskyj")
    assert not find(table, "en", "Wolodymyr Selenskyj")
    assert not find(table, "en", "Kiew")
    assert not find(table, "de", "Kyiv")
    assert not find(table, "de", "Kremlin")
    for lang, word in [("de", "Kremlin"), ("de", "Kyiv"), ("en", "Kiev"), ("en", "Kiew")]:
        assert word not in table["homographs"].get(lang, [])


def test_no_form_both_valid_and_deprecated(table):
    valid_forms = defaultdict(set)
    for e in table["entities"]:
        for lang in e["names"]:
            valid_forms[lang] |= valid(e, lang)
    for e in table["entities"]:
        for lang, n in e["names"].items():
            for d in n.get("deprecated", []):
                assert d["form"] not in valid_forms[lang], (e["id"], lang, d["form"])


def test_languages_covered(table):
    counts = defaultdict(int)
    for e in table["entities"]:
        for lang in e["names"]:
            counts[lang] += 1
    for lang in PLACE_LANGS:
        assert counts[lang] >= 300, lang


def test_places_carry_the_names_of_slavic_news_copy(by_id):
    """Germany in Bulgarian, Croatian, Slovak and Slovene copy (CLDR), beside the Czech form."""
    germany = next(e for e in by_id.values() if "Německo" in valid(e, "cs"))
    assert [germany["names"][lg]["preferred"] for lg in ("bg", "hr", "sk", "sl")] == [
        "Германия", "Njemačka", "Nemecko", "Nemčija"]


def test_homographs_are_strings(table):
    for lang, words in table["homographs"].items():
        assert lang in PLACE_LANGS
        assert all(isinstance(w, str) and w for w in words)


def test_europa_is_an_english_word_in_names(table):
    """English keeps "Europa" in names (Europa League, the moon Europa): never reported as foreign there."""
    assert "Europa" in table["homographs"]["en"]
    assert "Afrika" not in table["homographs"]["en"]
