"""The Finding type every rule yields and every report and fix reads."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Applicability(StrEnum):
    """How safe an edit is: ``safe`` keeps meaning (``--fix``), ``unsafe`` may change meaning
    (``--unsafe-fixes``), ``display`` is shown only, never applied."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (code points) by ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass
class Finding:
    """One problem in one document: where (code points, end-exclusive), what, and how to fix it.

    ``line`` and ``column`` are 1-based, as an editor shows them (see ``documents.LineIndex``);
    ``related`` points at other places that explain the finding (the other form of a name).
    """

    code: str
    rule: str
    message: str
    start: int
    end: int
    severity: Severity = Severity.WARNING
    suggestions: list[str] = field(default_factory=list)
    edits: list[Edit] = field(default_factory=list)
    applicability: Applicability = Applicability.DISPLAY
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    related: list[dict] = field(default_factory=list)
    path: str = ""
    match: str = ""

    def fingerprint(self) -> str:
        """Stable across unrelated edits: code, matched text and suggestions; not offsets, not line numbers."""
        h = hashlib.sha256("\0".join([self.code, self.match, *self.suggestions]).encode()).hexdigest()
        return h[:16]

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.code)
