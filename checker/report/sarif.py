"""SARIF 2.1.0 (OASIS): one run, the rules described from their docstrings, one result per finding with a
stable ``partialFingerprints`` entry, the fix as an artifact change, and unreadable files as tool execution
notifications. Columns are Unicode code points (``columnKind``), as everywhere in checker.

GitHub code scanning reads it (``github/codeql-action/upload-sarif``); the tests validate it against the
official schema (tests/data/sarif-schema-2.1.0.json).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TextIO
from urllib.parse import quote

from .. import __version__

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
#: Name of checker's entry in ``partialFingerprints`` (bumped if the fingerprint recipe ever changes).
FINGERPRINT_KEY = "checker/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@lru_cache(maxsize=1)
def rule_descriptors() -> tuple[list[dict], dict[str, int]]:
    """SARIF reportingDescriptors for every registered rule, generated from the docstrings, and their index."""
    from ..rules import all_rules, docstring_sections

    rules = []
    for rule in all_rules():
        sec = docstring_sections(rule)
        body = [f"{title}:\n{sec[title]}" for title in sec if title != "summary"]
        md = [f"**{title}**\n\n{sec[title]}" for title in sec if title != "summary"]
        rules.append({
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": sec["summary"]},
            "fullDescription": {"text": sec.get("What it flags", sec["summary"]).replace("\n", " ")},
            "help": {"text": "\n\n".join(body) or sec["summary"], "markdown": "\n\n".join(md) or sec["summary"]},
            "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
            "properties": {"family": rule.family(), "fix": rule.fix, "status": rule.status,
                           "tags": ["translation", rule.family()]},
        })
    return rules, {r["id"]: i for i, r in enumerate(rules)}


def artifact_uri(path: str) -> str:
    """A relative URI reference for a relative path (percent-encoded, ``/``-separated), ``file:`` for an
    absolute one."""
    p = Path(path)
    if p.is_absolute():
        return p.as_uri()
    return quote(PurePosixPath(*p.parts).as_posix() if p.parts else path, safe="/")


def _region(line: int, col: int, end_line: int, end_col: int, snippet: str | None = None) -> dict:
    region = {"startLine": max(1, line), "startColumn": max(1, col), "endLine": max(1, end_line),
              "endColumn": max(1, end_col)}
    if snippet:
        region["snippet"] = {"text": snippet}
    return region


def _result(f, uri: str, index: dict[str, int]) -> dict:
    loc = {"artifactLocation": {"uri": uri},
           "region": _region(f.line, f.column, f.end_line, f.end_column, f.match)}
    fix = f" [fix: {' | '.join(f.suggestions)}]" if f.suggestions else ""
    res = {
        "ruleId": f.code,
        "level": LEVELS[f.severity.value],
        "message": {"text": f"{f.message}{fix}"},
        "locations": [{"physicalLocation": loc}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint()},
        "properties": {"match": f.match, "suggestions": list(f.suggestions)},
    }
    if f.code in index:
        res["ruleIndex"] = index[f.code]
    if f.edits:
        res["properties"]["applicability"] = f.applicability.value
        res["fixes"] = [{
            "description": {"text": f"Replace {f.match!r} by {f.edits[0].replacement!r} ({f.applicability.value})"},
            "artifactChanges": [{"artifactLocation": {"uri": uri}, "replacements": [
                {"deletedRegion": _region(f.line, f.column, f.end_line, f.end_column),
                 "insertedContent": {"text": e.replacement}} for e in f.edits[:1]]}],
        }]
    related = [{"id": i + 1, "message": {"text": r.get("message", "")},
                "physicalLocation": {"artifactLocation": {"uri": uri},
                                     "region": {"startLine": max(1, int(r["line"]))}}}
               for i, r in enumerate(f.related) if r.get("line")]
    if related:
        res["relatedLocations"] = related
    return res


def sarif_log(results) -> dict:
    rules, index = rule_descriptors()
    out_results, notes, artifacts = [], [], []
    for res in results:
        uri = artifact_uri(res.path)
        if res.error:
            notes.append({"level": "error", "message": {"text": res.error},
                          "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
                          "properties": {"exitCode": res.error_code}})
            continue
        artifacts.append({"location": {"uri": uri}, "roles": ["analysisTarget"],
                          **({"properties": {"lang": res.lang}} if res.lang else {})})
        out_results.extend(_result(f, uri, index) for f in res.findings)
    run = {
        "tool": {"driver": {"name": "checker", "version": __version__, "semanticVersion": __version__,
                            "rules": rules}},
        "invocations": [{"executionSuccessful": not notes, "toolExecutionNotifications": notes}],
        "artifacts": artifacts,
        "results": out_results,
        "columnKind": "unicodeCodePoints",
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(results, out: TextIO) -> None:
    json.dump(sarif_log(results), out, ensure_ascii=False, indent=1)
    out.write("\n")
