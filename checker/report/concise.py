"""Concise: ``path:line:col: CODE message [fix: X]``, one finding per line, nothing else."""

from __future__ import annotations

from typing import TextIO


def line(path: str, f) -> str:
    fix = f" [fix: {' | '.join(f.suggestions)}]" if f.suggestions else ""
    return f"{path}:{f.line}:{f.column}: {f.code} {f.message}{fix}\n"


def render(results, out: TextIO) -> None:
    for res in results:
        for f in res.findings:
            out.write(line(res.path, f))
