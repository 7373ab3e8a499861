"""Output formats: one small module per format, all reading the same list of FileResults.

Each module under ``checker.report`` named in ``FORMATS`` has ``render(results, out)``; the CLI looks the
module up here and never branches on the format itself. ``statistics`` (``--statistics``) is one more such
module.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import TextIO

from ..findings import Finding

#: --format name → module under checker.report that has ``render(results, out)``.
FORMATS = {
    "text": "text",
    "concise": "concise",
    "full": "full",
    "json": "json_report",
    "json-lines": "json_lines",
    "sarif": "sarif",
    "github": "github",
    "junit": "junit",
    "html": "html",
}


@dataclass
class FileResult:
    """What one input produced: its findings, or the error that stopped it.

    ``text`` is the document as checked (the ``full`` format shows its lines); ``fixed`` counts the edits
    ``--fix`` applied; ``suppressed`` the findings an inline directive or the baseline hid.
    """

    path: str
    lang: str | None = None
    lang_origin: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    error_code: int | None = None
    text: str | None = field(default=None, repr=False)
    fixed: int = 0
    suppressed: int = 0


def render(fmt: str, results: list[FileResult], out: TextIO) -> None:
    """Write ``results`` to ``out`` in format ``fmt`` (a key of FORMATS, or ``statistics``)."""
    module = FORMATS.get(fmt, fmt)
    importlib.import_module(f"{__name__}.{module}").render(results, out)
