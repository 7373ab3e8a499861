"""Concise text: ``path:line:col: CODE message [fix: X]``, one finding per line, then a summary."""

from __future__ import annotations

from typing import TextIO


def render(results, out: TextIO) -> None:
    total = 0
    for res in results:
        for f in res.findings:
            total += 1
            fix = f" [fix: {' | '.join(f.suggestions)}]" if f.suggestions else ""
            out.write(f"{res.path}:{f.line}:{f.column}: {f.code} {f.message}{fix}\n")
    files = sum(1 for r in results if r.error is None)
    if total:
        out.write(f"Found {total} finding{'s' * (total != 1)} in {files} file{'s' * (files != 1)}.\n")
