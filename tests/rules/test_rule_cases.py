"""Every rule's cases (tests/rules/cases/<CODE>.yml) and docstring examples, run through one loader.

A case: ``name``, ``lang``, ``text`` (and optionally ``config``: checker.toml keys, ``source`` + ``source_lang``,
``table``: extra entities
layered on the built-in table), ``expect``: the rule's findings, each with ``match`` and optionally
``line``, ``column``, ``suggestions``. ``expect: []`` is a passing case. A meta-test fails any rule without
the docstring sections, without a passing and a failing case, or whose docstring example does not behave.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from checker import Config, check_text
from checker.names.table import _Loader, load_table
from checker.rules import DOC_SECTIONS, all_rules, docstring_sections

CASES = Path(__file__).parent / "cases"
RULES = {r.code: r for r in all_rules()}


def load_cases():
    for path in sorted(CASES.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}")


_TABLES: dict = {}


def table_for(case):
    extra = case.get("table")
    if extra is None:
        return None
    key = repr(extra)
    if key not in _TABLES:
        table = load_table()
        _Loader(table, "<case>").load({"format": "checker-names/1", "entities": extra})
        _TABLES[key] = table
    return _TABLES[key]


@pytest.mark.parametrize(("code", "case"), list(load_cases()))
def test_rule_case(code, case):
    config = Config(select=[code])
    for key, value in (case.get("config") or {}).items():  # checker.toml keys: strict-house, house ...
        setattr(config, key.replace("-", "_"), value)
    findings = check_text(case["text"], case["lang"], source=case.get("source"), source_lang=case.get("source_lang"),
                          config=config, table=table_for(case))
    got = [f for f in findings if f.code == code]
    expected = case.get("expect") or []
    assert [f.match for f in got] == [e["match"] for e in expected], [f.message for f in got]
    for f, e in zip(got, expected, strict=True):
        for key in ("line", "column", "suggestions"):
            if key in e:
                assert getattr(f, key) == e[key], (key, f.message)
        assert f.message and f.start < f.end


def test_every_rule_is_documented_and_has_cases():
    cases: dict[str, list] = {}
    for param in load_cases():
        code, case = param.values
        cases.setdefault(code, []).append(case)
    for code, rule in RULES.items():
        sections = docstring_sections(rule)
        missing = [s for s in DOC_SECTIONS if not sections.get(s)]
        assert not missing, f"{code} docstring lacks {missing}"
        assert rule.code.startswith(("NAME", "ART", "FMT", "PAIR", "BT"))
        assert any(c.get("expect") for c in cases.get(code, [])), f"{code} has no failing case"
        assert any(not c.get("expect") for c in cases.get(code, [])), f"{code} has no passing case"


def docstring_examples():
    """(code, lang, flagged text, corrected text, source text, source language, config) from each rule's
    Example section; a ``Config: key = value, ...`` line first sets configuration keys (checker.toml
    spelling), a ``Source (xx): "..."`` line the version the text was translated from."""
    for code, rule in RULES.items():
        example = docstring_sections(rule)["Example"]
        settings = re.match(r"\s*Config: (.+)", example)
        example = example[settings.end():] if settings else example
        source = re.match(r'\s*Source \((\w\w)\):\s*"(.+?)"', example)
        body = example[source.end():] if source else example
        quoted = re.findall(r'"(.+?)"(?:\s*\((\w\w)\))?', body.split("Use instead:")[0])
        fixed = re.findall(r'"(.+?)"', body.split("Use instead:")[1])
        config = Config(select=[code])
        for setting in (settings.group(1).split(",") if settings else []):
            key, value = (part.strip() for part in setting.split("="))
            setattr(config, key.replace("-", "_"), {"true": True, "false": False}.get(value, value.strip('"')))
        yield pytest.param(code, quoted[0][1] or "en", " ".join(q for q, _ in quoted), " ".join(fixed),
                           source.group(2) if source else None, source.group(1) if source else None, config, id=code)


@pytest.mark.parametrize(("code", "lang", "flagged", "fixed", "source", "source_lang", "config"),
                         list(docstring_examples()))
def test_docstring_example(code, lang, flagged, fixed, source, source_lang, config):
    assert [f for f in check_text(flagged, lang, config=config, source=source, source_lang=source_lang)
            if f.code == code], flagged
    assert not [f for f in check_text(fixed, lang, config=config, source=source, source_lang=source_lang)
                if f.code == code], fixed
