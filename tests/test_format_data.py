"""The format data (checker/data/formats/*.yml): built from CLDR by scripts/build_format_data.py, loaded by
checker.rules.formats, and the house-style quotation-mark setting."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from checker import Config, check_text
from checker.rules.formats import fmt_data, format_languages

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = ["en", "de", "fr", "es", "it", "pl", "nl", "pt", "cs", "ru", "uk"]


def _build_module():
    spec = importlib.util.spec_from_file_location("build_format_data", ROOT / "scripts" / "build_format_data.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("lang", REQUIRED)
def test_every_required_language_has_its_conventions(lang):
    data = fmt_data(lang)
    assert data["lang"] == lang
    assert len(data["dates"]["months"]) == 12 and all(data["dates"]["months"])
    assert data["dates"]["numeric"] and data["dates"]["long_patterns"]
    assert data["numbers"]["decimal"] in ".," and data["numbers"]["group"]
    assert len(data["quotes"]["primary"]) == 2 and len(data["quotes"]["secondary"]) == 2
    assert isinstance(data["currency"]["symbol_first"], bool)


def test_known_cldr_facts():
    assert fmt_data("de")["quotes"]["primary"] == "„“"
    assert fmt_data("fr")["quotes"]["primary"] == "«»"
    assert fmt_data("en")["numbers"]["decimal"] == "." and fmt_data("de")["numbers"]["decimal"] == ","
    assert "d.m.y" in fmt_data("de")["dates"]["numeric"] and "d.m.y" not in fmt_data("en")["dates"]["numeric"]
    assert fmt_data("de")["dates"]["day_dot_month"] and not fmt_data("en")["dates"]["day_dot_month"]
    assert "Mio." in fmt_data("de")["numbers"]["compact"]
    assert fmt_data("en")["currency"]["symbol_first"] and not fmt_data("de")["currency"]["symbol_first"]
    assert "Februar" in fmt_data("de")["dates"]["months"][1]
    assert fmt_data("xx") is None
    assert set(REQUIRED) <= set(format_languages())


def test_every_file_names_its_sources():
    for path in (ROOT / "checker" / "data" / "formats").glob("*.yml"):
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert "CLDR" in head and "build_format_data.py" in head, path


def test_numeric_layout_of_cldr_patterns():
    build = _build_module()
    assert build.numeric_layout("dd.MM.yy") == "d.m.y"
    assert build.numeric_layout("M/d/yy") == "m/d/y"
    assert build.numeric_layout("d. M. y") == "d.m.y"
    assert build.numeric_layout("y-MM-dd") == "y-m-d"
    assert build.numeric_layout("d MMM y") is None


def test_build_reproduces_the_shipped_files():
    pytest.importorskip("babel")
    build = _build_module()
    for lang in REQUIRED:
        shipped = yaml.safe_load((ROOT / "checker" / "data" / "formats" / f"{lang}.yml").read_text(encoding="utf-8"))
        assert build.build(lang) == shipped, lang


def test_house_style_quotes_replace_the_language_list():
    text = "Er sagte: „Wir kommen“ und las »Faust«."
    default = [f.match for f in check_text(text, "de", config=Config(select=["FMT007"]))]
    assert default == []
    house = [f.match for f in check_text(text, "de", config=Config(select=["FMT007"], quotes={"de": "»«›‹"}))]
    assert house == ["„Wir kommen“"]
    ascii_ok = check_text('Er sagte: "Wir kommen".', "de", config=Config(select=["FMT007"], quotes={"de": '„“""'}))
    assert ascii_ok == []


def test_quote_fix_replaces_both_marks_only():
    text = 'Er sagte: "Wir kommen".'
    (f,) = check_text(text, "de", config=Config(select=["FMT007"]))
    assert [(e.start, e.end, e.replacement) for e in f.edits] == [(10, 11, "„"), (21, 22, "“")]
