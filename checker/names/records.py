"""Reading name-mention records (JSON lines: mention, lang, optional type and set) for clustering."""

from __future__ import annotations

import json
from pathlib import Path

from ..documents import read_text_file
from ..errors import InputError


def read_mentions(path: str | Path) -> list[dict]:
    """Records of a JSON-lines file; an InputError names file:line for a malformed line."""
    name = "<stdin>" if str(path) == "-" else str(path)
    text = read_text_file(path, InputError, "mention file")
    records = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"{name}:{lineno}: not JSON ({err.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("mention"), str) or not rec["mention"].strip():
            raise InputError(f"{name}:{lineno}: expected an object with a non-empty 'mention' string")
        rec.setdefault("mention_index", len(records))
        rec.setdefault("set", "")
        rec.setdefault("lang", "und")
        records.append(rec)
    if not records:
        raise InputError(f"{name}: no mention records")
    return records
