"""JSON report, schema ``checker-report/1`` (documented in docs/json-schema.md)."""

from __future__ import annotations

import json
from typing import TextIO

from .. import __version__

SCHEMA = "checker-report/1"


def finding_dict(f) -> dict:
    return {
        "code": f.code,
        "rule": f.rule,
        "severity": f.severity.value,
        "message": f.message,
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "match": f.match,
        "suggestions": list(f.suggestions),
        "fix": {"applicability": f.applicability.value, "edits": [_edit(e) for e in f.edits]} if f.edits else None,
        "related": f.related,
        "fingerprint": f.fingerprint(),
    }


def report_dict(results) -> dict:
    """The report as one JSON value (what ``render`` writes)."""
    files = [
        {"path": r.path, "lang": r.lang, "lang_origin": r.lang_origin,
         "findings": [finding_dict(f) for f in r.findings],
         **({"error": r.error, "error_code": r.error_code} if r.error else {})}
        for r in results
    ]
    return {
        "schema": SCHEMA,
        "tool": {"name": "checker", "version": __version__},
        "files": files,
        "summary": _summary(results),
    }


def _summary(results) -> dict:
    return {"files": len(results), "findings": sum(len(r.findings) for r in results),
            "errors": sum(1 for r in results if r.error)}


def render(results, out: TextIO) -> None:
    """Write ``json.dumps(report_dict(results), ensure_ascii=False, indent=1)`` and a line break, built
    without the dicts: a finding is one template filled in (see ``_finding``)."""
    files = [_file(r) for r in results]
    files_text = "[\n  " + ",\n  ".join(files) + "\n ]" if files else "[]"
    out.write(
        "{\n"
        f' "schema": {_encode_str(SCHEMA)},\n'
        f' "tool": {dumps({"name": "checker", "version": __version__}, 1)},\n'
        f' "files": {files_text},\n'
        f' "summary": {dumps(_summary(results), 1)}\n'
        "}\n"
    )


def _file(r) -> str:
    """One entry of ``files`` as ``dumps`` writes it at its depth (2)."""
    if r.findings:
        findings = "[\n    " + ",\n    ".join([_finding(f) for f in r.findings]) + "\n   ]"
    else:
        findings = "[]"
    error = f',\n   "error": {_encode(r.error, _AT[3])},\n   "error_code": {_encode(r.error_code, _AT[3])}' if r.error \
        else ""
    return (f'{{\n   "path": {_encode(r.path, _AT[3])},\n   "lang": {_encode(r.lang, _AT[3])},\n'
            f'   "lang_origin": {_encode(r.lang_origin, _AT[3])},\n   "findings": {findings}{error}\n  }}')


_str, _int = str, int


def _finding(f) -> str:
    """``finding_dict(f)`` as ``dumps`` writes it at its depth (4): one f-string when the fields have their
    usual types (str, int, a list of str), else through the dict."""
    code, rule, severity, message, match = f.code, f.rule, f.severity.value, f.message, f.match
    start, end, line, column, end_line, end_column = f.start, f.end, f.line, f.column, f.end_line, f.end_column
    fingerprint = f.fingerprint()
    if not (type(code) is _str and type(rule) is _str and type(severity) is _str and type(message) is _str
            and type(match) is _str and type(fingerprint) is _str and type(start) is _int and type(end) is _int
            and type(line) is _int and type(column) is _int and type(end_line) is _int
            and type(end_column) is _int):
        return _encode(finding_dict(f), _AT[4])
    enc = _encode_str
    suggestions = f.suggestions if type(f.suggestions) is list else list(f.suggestions)
    if not suggestions:
        suggestions = "[]"
    elif all(type(s) is _str for s in suggestions):
        suggestions = "[\n      " + ",\n      ".join(map(enc, suggestions)) + "\n     ]"
    else:
        suggestions = _encode(suggestions, _AT[5])
    fix = _encode({"applicability": f.applicability.value, "edits": [_edit(e) for e in f.edits]}, _AT[5]) \
        if f.edits else "null"
    related = _encode(f.related, _AT[5])
    return (f'{{\n     "code": {enc(code)},\n     "rule": {enc(rule)},\n     "severity": {enc(severity)},\n'
            f'     "message": {enc(message)},\n     "start": {start},\n     "end": {end},\n     "line": {line},\n'
            f'     "column": {column},\n     "end_line": {end_line},\n     "end_column": {end_column},\n'
            f'     "match": {enc(match)},\n     "suggestions": {suggestions},\n     "fix": {fix},\n'
            f'     "related": {related},\n     "fingerprint": {enc(fingerprint)}\n    }}')


#: The line break and indent of each depth.
_AT = ["\n" + " " * depth for depth in range(8)]


def dumps(obj, depth: int = 0) -> str:
    """``json.dumps(obj, ensure_ascii=False, indent=1)``, the same text (at ``depth``: the indent of the
    lines after the first), built in one piece: with an indent the json module writes through its
    pure-Python encoder, a generator of small pieces (a sixth of a second for a 5 MB story's report); here
    the strings are encoded by the same C function."""
    return _encode(obj, "\n" + " " * depth)


_encode_str = json.encoder.encode_basestring  # what json uses with ensure_ascii=False


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == float("inf"):
        return "Infinity"
    if o == -float("inf"):
        return "-Infinity"
    return float.__repr__(o)


def _key(k) -> str:
    if isinstance(k, str):
        return _encode_str(k)
    if isinstance(k, float):
        return _encode_str(_float(k))
    if k is True or k is False or k is None:
        return _encode_str({True: "true", False: "false", None: "null"}[k])
    if isinstance(k, int):
        return _encode_str(int.__repr__(k))
    raise TypeError(f"keys must be str, int, float, bool or None, not {k.__class__.__name__}")


def _encode(o, newline: str) -> str:
    """``o`` as json's encoder writes it at the indent that ``newline`` (a line break and the spaces of the
    current level) gives: the same type tests in the same order."""
    t = type(o)
    if t is str:
        return _encode_str(o)
    if t is int:
        return int.__repr__(o)
    if t is dict or t is list:
        pass
    elif isinstance(o, str):
        return _encode_str(o)
    elif o is None:
        return "null"
    elif o is True:
        return "true"
    elif o is False:
        return "false"
    elif isinstance(o, int):
        return int.__repr__(o)
    elif isinstance(o, float):
        return _float(o)
    if isinstance(o, (list, tuple)):
        if not o:
            return "[]"
        inner = newline + " "
        return "[" + inner + ("," + inner).join([_encode(v, inner) for v in o]) + newline + "]"
    if isinstance(o, dict):
        if not o:
            return "{}"
        inner = newline + " "
        sep = "," + inner
        return "{" + inner + sep.join([_key(k) + ": " + _encode(v, inner) for k, v in o.items()]) + newline + "}"
    raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")


def _edit(e) -> dict:
    """An Edit as JSON (``dataclasses.asdict`` deep-copies through a generic path, ~10x slower)."""
    return {"start": e.start, "end": e.end, "replacement": e.replacement}
