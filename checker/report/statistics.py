"""``--statistics``: how many findings of each code, with the rule's name and how many are fixable."""

from __future__ import annotations

from collections import Counter
from typing import TextIO


def render(results, out: TextIO) -> None:
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    fixable: Counter[str] = Counter()
    for res in results:
        for f in res.findings:
            counts[f.code] += 1
            names[f.code] = f.rule
            fixable[f.code] += bool(f.edits)
    width = len(str(max(counts.values(), default=0)))
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        fix = f"[*{fixable[code]} fixable]" if fixable[code] else ""
        out.write(f"{n:>{width}}\t{code}\t{names[code]}\t{fix}".rstrip() + "\n")
