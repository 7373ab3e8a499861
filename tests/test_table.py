"""The name table: format, file:line errors, layering, derived leaks."""

from __future__ import annotations

import pytest

from checker.errors import TableError
from checker.names.table import load_table

BASE = """format: checker-names/1
entities:
  - id: Q1899
    type: LOC
    names:
      en: {preferred: Kyiv, deprecated: [{form: Kiev, reason: "Kyiv since 2019"}]}
      de: {preferred: Kiew, accepted: [Kyjiw]}
      fr: {preferred: Kiev}
  - id: Q3874799
    type: PER
    names:
      en: {preferred: Volodymyr Zelensky, accepted: [Volodymyr Zelenskyy]}
      de: {preferred: Wolodymyr Selenskyj}
"""


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_forms_statuses_and_person_parts(tmp_path):
    t = load_table([write(tmp_path, "t.yaml", BASE)], default=False)
    kyiv = t.entities["Q1899"]
    assert t.preferred(kyiv, "de") == "Kiew"
    assert {(i.lang, i.status) for i in t.lookup("Kiev")} == {("en", "deprecated"), ("fr", "preferred")}
    assert t.is_valid("Kyjiw", "de") and not t.is_valid("Kiew", "en")
    zel = t.entities["Q3874799"]
    assert t.preferred(zel, "de", "surname") == "Selenskyj"
    assert {(i.part, i.lang) for i in t.lookup("Selenskyj")} == {("surname", "de")}
    assert {i.part for i in t.lookup("Wolodymyr")} == {"given"}


def test_layering_overrides_adds_and_removes(tmp_path):
    house = write(tmp_path, "house.yaml", """format: checker-names/1
entities:
  - id: Q1899
    names:
      de: {preferred: Kyjiw, remove: [Kiew]}
      en: {accepted: [Kyiv City]}
  - id: Q3874799
    remove_entity: true
""")
    t = load_table([write(tmp_path, "t.yaml", BASE), house], default=False)
    assert t.preferred(t.entities["Q1899"], "de") == "Kyjiw"
    assert not t.lookup("Kiew") and t.is_valid("Kyiv City", "en")
    assert "Q3874799" not in t.entities and not t.lookup("Selenskyj")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("format: checker-names/1\nentities:\n  - id: Q1\n    type: PLACE\n", ":4: entity Q1: type 'PLACE'"),
        ("format: checker-names/1\nentities:\n  - id: Q1\n    type: LOC\n    names:\n      xx: {preferred: A}\n",
         ":6: unknown language code 'xx'"),
        ("format: checker-names/1\nentities:\n  - id: Q1\n    type: LOC\n    names:\n      en: {preferred: [A]}\n",
         ":6: entity Q1: en: preferred must be a non-empty string"),
        ("format: checker-names/1\nentities:\n  - type: LOC\n", ":3: entity without 'id'"),
        ("format: checker-names/1\nentities: [\n", ":3: not valid YAML"),
        ("entities: []\n", ":1: missing 'format"),
        ("format: checker-names/1\nentities:\n  - id: Q1\n    type: LOC\n    colour: red\n",
         ":5: entity Q1: unknown key"),
    ],
)
def test_malformed_tables_name_file_and_line(tmp_path, text, where):
    p = write(tmp_path, "bad.yaml", text)
    with pytest.raises(TableError) as err:
        load_table([p], default=False)
    assert str(err.value).startswith(str(p)) and where in str(err.value)


def test_tsv_rows_are_deprecated_forms(tmp_path):
    p = write(tmp_path, "names.tsv", "from\tto\tlang\tsource\nKiew\tKyiv\ten\tcurated\nPeking\tBeijing\ten\tcurated\n")
    t = load_table([p], default=False)
    (info,) = t.lookup("Peking")
    assert info.status == "deprecated" and t.preferred(info.entity, "en") == "Beijing"
    bad = write(tmp_path, "bad.tsv", "Kiew\tKyiv\ten\nPeking\n")
    with pytest.raises(TableError, match=r"bad.tsv:2: expected from<TAB>to<TAB>lang"):
        load_table([bad], default=False)


def test_built_in_table_passes_the_strict_loader():
    """The built-in table loads through a fast path that trusts it; this proves it may."""
    import json

    from checker.names.table import NameTable, _Loader, default_table_path

    strict = NameTable()
    _Loader(strict, "default.json").load(json.loads(default_table_path().read_text(encoding="utf-8")))
    trusted = load_table()
    assert strict.forms == trusted.forms and strict.homographs == trusted.homographs


def test_compiled_cache_gives_the_same_table(tmp_path, monkeypatch):
    from checker.names.compiled import compiled_finder

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    house = write(tmp_path, "house.yaml", BASE)
    cold = compiled_finder([house])
    assert list((tmp_path / "cache").glob("table-*.marshal"))
    warm = compiled_finder([house])
    assert warm.table.forms == cold.table.forms and warm.key_index == cold.key_index
    assert warm.table.preferred(warm.table.entities["Q1899"], "de") == "Kiew"
    house.write_text(BASE.replace("preferred: Kiew", "preferred: Kyjiw"), encoding="utf-8")
    changed = compiled_finder([house])
    assert changed.table.preferred(changed.table.entities["Q1899"], "de") == "Kyjiw"


def test_a_table_read_back_from_the_cache_decodes_only_what_a_document_names(tmp_path, monkeypatch):
    """Start-up reads the compiled table's entities and form meanings as bytes; checking a story decodes the
    few it names, and they mean what the freshly built table says."""
    from checker import check_text
    from checker.names.compiled import compiled_finder

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path / "cache"))
    cold = compiled_finder()
    warm = compiled_finder()
    entities, forms = warm.table.entities._items, warm.table.forms
    assert all(isinstance(v, bytes) for v in entities.values())
    assert all(isinstance(dict.__getitem__(forms, f), bytes) for f in forms)
    findings = check_text("Selenskyj met Scholz in Kiew.", "en", table=warm.table)
    assert sorted(f.match for f in findings if f.code == "NAME001") == ["Kiew", "Selenskyj"]
    decoded = [k for k, v in entities.items() if not isinstance(v, bytes)]
    assert 1 <= len(decoded) < 20
    from checker.names.table import entity_to_raw

    assert [i[1:] for i in warm.table.lookup("Kiew")] == [i[1:] for i in cold.table.lookup("Kiew")]
    assert all(entity_to_raw(warm.table.entities[k]) == entity_to_raw(cold.table.entities[k]) for k in decoded)


def test_unreadable_table_files_name_file_and_line(tmp_path):
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("format: checker-names/1\n# Zürich\n".encode("latin-1"))
    for path, words in ((bad, f"{bad}:2: not UTF-8"), (tmp_path / "none.yaml", "no such table file"),
                        (tmp_path, "is a directory")):
        with pytest.raises(TableError, match=words):
            load_table([path], default=False)
