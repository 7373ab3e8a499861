"""Full: each finding with its line of copy, a caret under the span and the suggested fix."""

from __future__ import annotations

import unicodedata
from typing import TextIO

from ..documents import LineIndex
from .text import summary

#: Characters of context kept on each side of the span on long lines (news paragraphs are one line).
WINDOW = 60


def width(s: str) -> int:
    """Columns ``s`` takes in a terminal: wide East Asian characters two, combining marks none."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def snippet(text: str, lines: LineIndex, f) -> tuple[int, str, str]:
    """(line number, shown line, caret line) for finding ``f``."""
    start_line, _ = lines.position(f.start)
    ls, le = lines.line_span(start_line)
    end = min(f.end, le)
    lo, hi = max(ls, f.start - WINDOW), min(le, end + WINDOW)
    head = ("…" if lo > ls else "") + text[lo:f.start]
    body = text[f.start:end]
    tail = text[end:hi] + ("…" if hi < le else "")
    shown = (head + body + tail).replace("\t", " ").rstrip("\r\n")
    caret = " " * width(head.replace("\t", " ")) + "^" * max(1, width(body.replace("\t", " ")))
    return start_line, shown, caret


def render(results, out: TextIO) -> None:
    for res in results:
        lines = LineIndex(res.text) if res.text is not None else None
        for f in res.findings:
            out.write(f"{res.path}:{f.line}:{f.column}: {f.code} [{f.severity.value}] {f.message}\n")
            if lines is not None:
                num, shown, caret = snippet(res.text, lines, f)
                pad = " " * len(str(num))
                out.write(f"{pad} |\n{num} | {shown}\n{pad} | {caret}\n")
                if f.suggestions:
                    how = f" ({f.applicability.value} fix)" if f.edits else ""
                    out.write(f"{pad} = suggestion: {' | '.join(f.suggestions)}{how}\n")
            out.write("\n")
    if text := summary(results):
        out.write(text + "\n")
