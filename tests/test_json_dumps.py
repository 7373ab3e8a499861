"""The JSON report's encoder writes what ``json.dumps(..., ensure_ascii=False, indent=1)`` writes."""

from __future__ import annotations

import json
import random
from enum import IntEnum, StrEnum

import pytest

from checker.report.json_report import dumps


class Level(StrEnum):
    LOW = "low"


class Rank(IntEnum):
    ONE = 1


def _value(rng: random.Random, depth: int):
    kinds = ["str", "int", "float", "none", "bool", "enum"] + (["list", "dict", "tuple"] * 2 if depth < 4 else [])
    kind = rng.choice(kinds)
    if kind == "str":
        return rng.choice(["", "plain", 'quote " and \\ back', "tab\tnew\nline\r", "Zelenskyy – „Kyjiw“",
                           "\u2028\x00\x1f", "😀 emoji", "\ud800"])
    if kind == "int":
        return rng.choice([0, -1, 7, 2**70, -(2**65)])
    if kind == "float":
        return rng.choice([0.0, -0.0, 1.5, 1e300, 1e-7, float("inf"), -float("inf"), float("nan")])
    if kind == "none":
        return None
    if kind == "bool":
        return rng.choice([True, False])
    if kind == "enum":
        return rng.choice([Level.LOW, Rank.ONE])
    items = [_value(rng, depth + 1) for _ in range(rng.choice([0, 1, 3]))]
    if kind == "list":
        return items
    if kind == "tuple":
        return tuple(items)
    keys = ["k", "", "ü", 3, 2.5, True, False, None, Level.LOW, "k"]
    return {rng.choice(keys): v for v in items}


@pytest.mark.parametrize("seed", range(300))
def test_random_values(seed):
    obj = _value(random.Random(seed), 0)
    assert dumps(obj) == json.dumps(obj, ensure_ascii=False, indent=1)


def test_bad_values_raise_type_error():
    for bad in [{"a": object()}, [{1j: 2}], {(1, 2): 3}]:
        with pytest.raises(TypeError):
            json.dumps(bad, ensure_ascii=False, indent=1)
        with pytest.raises(TypeError):
            dumps(bad)


def _results():
    from checker.findings import Applicability, Edit, Finding, Severity
    from checker.report import FileResult

    plain = Finding("NAME001", "foreign-form", "Use „Kyjiw“ – not \"Kiew\"", 3, 7, line=1, column=4, end_line=1,
                    end_column=8, match="Kiew", suggestions=["Kyjiw", "Kyiv"], stable_id="abc")
    fixed = Finding("FMT002", "quotes", "msg\nline", 0, 1, Severity.ERROR, suggestions=(), match="\"",
                    edits=[Edit(0, 1, "„")], applicability=Applicability.SAFE,
                    related=[{"start": 5, "end": 6, "line": 2, "message": "here"}, {}])
    odd = Finding("X1", "odd", "m", True, 2, related=None, suggestions=[1, None, 2.5])
    return [
        FileResult(path="a.txt", lang="en", lang_origin="detected", findings=[plain, fixed, odd]),
        FileResult(path="b.txt", lang="de", lang_origin="filename"),
        FileResult(path="c.txt", error="c.txt: cannot tell the language", error_code=6),
        FileResult(path="ü \"quoted\".txt", lang=None, lang_origin=None, findings=[plain], error="x", error_code=0),
    ]


def test_report_is_json_dumps_of_the_report_dict():
    import io

    from checker.report.json_report import render, report_dict

    for results in (_results(), [], _results()[1:3]):
        out = io.StringIO()
        render(results, out)
        assert out.getvalue() == json.dumps(report_dict(results), ensure_ascii=False, indent=1) + "\n"
