"""A baseline: the findings a project has accepted, by fingerprint, so CI reports only new ones.

``checker check copy/ --baseline .checker-baseline.json`` writes the file when it is missing (and reports
nothing), and afterwards hides every finding it lists. ``--write-baseline`` rewrites it. Entries are
(path relative to the baseline's folder, code, fingerprint); the fingerprint comes from the matched text and
the words around it, never offsets, so edits elsewhere in a story do not bring old findings back.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .errors import ConfigError

SCHEMA = "checker-baseline/1"


def _rel(path: str, base: Path) -> str:
    if path in ("-", "<stdin>"):
        return "<stdin>"
    try:
        return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()


def write(baseline: str | Path, results) -> int:
    """Write every finding of ``results`` to ``baseline`` (atomically); returns how many."""
    from .fix import write_atomic

    baseline = Path(baseline)
    base = baseline.resolve().parent
    entries = sorted({(_rel(r.path, base), f.code, f.fingerprint(), f.match)
                      for r in results for f in r.findings})
    doc = {"schema": SCHEMA, "findings": [{"path": p, "code": c, "fingerprint": fp, "match": m}
                                          for p, c, fp, m in entries]}
    write_atomic(baseline, (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return len(entries)


def load(baseline: str | Path) -> set[tuple[str, str, str]]:
    """The (path, code, fingerprint) keys of a baseline file; ConfigError when it is malformed."""
    baseline = Path(baseline)
    try:
        doc = json.loads(baseline.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise ConfigError(f"{baseline}:{err.lineno}: not a checker baseline (invalid JSON: {err.msg})") from None
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{baseline}:1: cannot read the baseline ({err})") from None
    if not isinstance(doc, dict) or doc.get("schema") != SCHEMA or not isinstance(doc.get("findings"), list):
        raise ConfigError(f"{baseline}:1: not a checker baseline (expected schema {SCHEMA!r})")
    keys = set()
    for i, e in enumerate(doc["findings"]):
        try:
            keys.add((e["path"], e["code"], e["fingerprint"]))
        except (KeyError, TypeError):
            raise ConfigError(f"{baseline}:1: baseline entry {i} needs path, code and fingerprint") from None
    return keys


def apply(baseline: str | Path, results, keys: set[tuple[str, str, str]]) -> int:
    """Drop from ``results`` the findings ``keys`` lists; returns how many were dropped."""
    base = Path(baseline).resolve().parent
    dropped = 0
    for r in results:
        if not r.findings:
            continue
        rel = _rel(r.path, base)
        kept = [f for f in r.findings if (rel, f.code, f.fingerprint()) not in keys]
        r.suppressed += len(r.findings) - len(kept)
        dropped += len(r.findings) - len(kept)
        r.findings = kept
    return dropped
