"""Text (the default): the concise lines, then a summary of findings, fixable ones and applied fixes."""

from __future__ import annotations

from typing import TextIO

from ..findings import Applicability
from .concise import line


def summary(results) -> str:
    total = sum(len(r.findings) for r in results)
    fixed = sum(r.fixed for r in results)
    files = sum(1 for r in results if r.error is None)
    parts = []
    if total:
        parts.append(f"Found {total} finding{'s' * (total != 1)} in {files} file{'s' * (files != 1)}.")
        safe = sum(1 for r in results for f in r.findings if f.edits and f.applicability == Applicability.SAFE)
        unsafe = sum(1 for r in results for f in r.findings if f.edits and f.applicability == Applicability.UNSAFE)
        if safe:
            parts.append(f"{safe} fixable with --fix.")
        if unsafe:
            parts.append(f"{unsafe} more with --unsafe-fixes.")
    if fixed:
        parts.append(f"Fixed {fixed} finding{'s' * (fixed != 1)}.")
    return " ".join(parts)


def render(results, out: TextIO) -> None:
    for res in results:
        for f in res.findings:
            out.write(line(res.path, f))
    if text := summary(results):
        out.write(text + "\n")
