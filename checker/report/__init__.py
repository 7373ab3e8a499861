"""Output formats: one small module per format, all reading the same list of FileResults."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TextIO

from ..findings import Finding

#: --format name → module under checker.report that has ``render(results, out)``.
FORMATS = {"text": "text", "concise": "text", "json": "json_report"}


@dataclass
class FileResult:
    """What one input produced: its findings, or the error that stopped it."""

    path: str
    lang: str | None = None
    lang_origin: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    error_code: int | None = None


def render(fmt: str, results: list[FileResult], out: TextIO) -> None:
    """Write ``results`` to ``out`` in format ``fmt`` (a key of FORMATS)."""
    importlib.import_module(f"{__name__}.{FORMATS[fmt]}").render(results, out)
