"""SARIF 2.1.0 output: valid against the official OASIS schema (vendored, offline), rules described from the
docstrings, fingerprints that survive unrelated edits."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from checker import Config, check_text
from checker.errors import ExitCode
from checker.rules import all_rules

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def validate(log: dict) -> None:
    validator = jsonschema.Draft7Validator(SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def test_vendored_schema_is_the_official_one():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    assert SCHEMA["$id"].endswith("sarif-schema-2.1.0.json") and len(SCHEMA["definitions"]) == 52


def test_seed_story_sarif_is_valid(cli):
    proc = cli("check", "--format", "sarif", "seeds/")
    assert proc.returncode == ExitCode.FINDINGS
    log = json.loads(proc.stdout)
    validate(log)
    run = log["runs"][0]
    (res,) = [r for r in run["results"] if r["properties"]["match"] == "Selenskyj"]
    assert res["ruleId"] == "NAME001" and res["locations"][0]["physicalLocation"]["region"]["startLine"] == 17
    assert res["partialFingerprints"]["checker/v1"]
    assert run["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == "NAME001"
    assert res["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "Zelensky"


def test_rules_described_from_docstrings():
    from checker.report.sarif import rule_descriptors

    rules, _ = rule_descriptors()
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]
    for r in rules:
        assert r["name"] and r["shortDescription"]["text"] and r["fullDescription"]["text"]
        assert "Why it matters" in r["help"]["text"] and "**Fix safety**" in r["help"]["markdown"]


def test_errors_and_odd_paths_stay_valid(cli, tmp_path):
    (tmp_path / "a story #1 100%.en.txt").write_text("Explosions were heard in Kiew on Monday.\n")
    (tmp_path / "broken.en.txt").write_bytes(b"\xff\xfe\x00")
    proc = cli("check", "--format", "sarif", str(tmp_path))
    assert proc.returncode == ExitCode.INPUT
    log = json.loads(proc.stdout)
    validate(log)
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False and "broken.en.txt" in inv["toolExecutionNotifications"][0]["message"][
        "text"]
    assert log["runs"][0]["results"]


def test_clean_run_is_valid(cli, tmp_path):
    p = tmp_path / "clean.en.txt"
    p.write_text("Ukrainian President Volodymyr Zelensky met Chancellor Friedrich Merz in Kyiv on Monday.\n")
    log = json.loads(cli("check", "--format", "sarif", str(p)).stdout)
    validate(log)
    assert log["runs"][0]["results"] == []


BASE = ("Explosions were heard in Kiew on Monday, officials said.\n\n"
        "Later the mayor of Kiew asked for help.\n")


def fps(text: str) -> dict[str, str]:
    return {f.fingerprint(): f.match for f in check_text(text, "en", config=Config(select=["NAME"]))}


def test_fingerprints_stable_across_unrelated_edits():
    before = fps(BASE)
    assert len(before) == 2  # two Kiew findings, told apart by their context
    edited = "BREAKING\r\n\r\nA new first paragraph was added.\n\n" + BASE.replace("officials said", "officials  said")
    assert fps(edited) == before  # inserted lines, CRLF, extra spaces: offsets move, fingerprints do not
    reworded = BASE.replace("the mayor of Kiew asked", "the mayor of Kiew begged")
    after = fps(reworded)
    assert len(set(after) & set(before)) == 1  # only the finding whose own context changed gets a new one


def test_identical_sentences_get_distinct_fingerprints():
    text = "Shelling in Kiew. " * 3
    got = [f.fingerprint() for f in check_text(text, "en", config=Config(select=["NAME"]))]
    assert len(got) == 3 and len(set(got)) == 3


@pytest.mark.parametrize("fmt", ["json", "json-lines", "sarif"])
def test_fingerprint_same_in_every_format(cli, fmt):
    out = cli("check", "--format", fmt, "--select", "NAME", "seeds/").stdout.decode()
    seed = open("seeds/coalition-of-the-willing.en.txt", encoding="utf-8").read()
    assert check_text(seed, "en", config=Config(select=["NAME"]))[0].fingerprint() in out
