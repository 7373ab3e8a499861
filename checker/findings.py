"""The Finding type every rule yields and every report and fix reads."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
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
    #: set by ``assign_fingerprints`` (the engine does it for every document); see ``fingerprint``.
    stable_id: str = field(default="", repr=False, compare=False)

    def fingerprint(self) -> str:
        """Stable across unrelated edits: code, matched text, a normalised window of words around the match and
        the occurrence index among identical ones (``assign_fingerprints``); never offsets or line numbers.
        Without a text to look at (a Finding built by hand) it falls back to code and matched text."""
        if self.stable_id:
            return self.stable_id
        return _digest(self.code, self.match, "", 0)

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.end, self.code)


#: Words on each side of the match that make the context of a fingerprint.
CONTEXT_WORDS = 3
_WORDS = re.compile(r"\w+(?:['’]\w+)*")


def _digest(code: str, match: str, context: str, occurrence: int) -> str:
    key = "\0".join([code, " ".join(match.split()), context, str(occurrence)])
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def context_window(text: str, start: int, end: int, words: int = CONTEXT_WORDS) -> str:
    """The ``words`` words before and after ``text[start:end]`` within its line (a news paragraph),
    case-folded and joined by single spaces: whitespace, punctuation and other paragraphs do not move it."""
    reach = 40 * words  # searches bounded: an unbounded find for a "\r" an LF file lacks is O(text)
    near = max(0, start - reach)
    lo = max(text.rfind("\n", near, start), text.rfind("\r", near, start), start - reach)
    far = end + reach
    hi = min((i for i in (text.find("\n", end, far), text.find("\r", end, far)) if i >= 0), default=len(text))
    hi = min(hi, far)
    before = _WORDS.findall(text[lo + 1 if lo >= 0 else 0:start])[-words:] if words else []
    after = _WORDS.findall(text[end:hi])[:words] if words else []
    return " ".join(before).casefold() + " | " + " ".join(after).casefold()


def assign_fingerprints(findings: Iterable[Finding], text: str) -> None:
    """Give each finding of one document its stable fingerprint: code + matched text + context window +
    occurrence index among findings with the same three (so two identical sentences still differ)."""
    seen: dict[tuple[str, str, str], int] = {}
    for f in sorted(findings, key=lambda f: (f.start, f.end, f.code)):
        ctx = context_window(text, f.start, f.end)
        key = (f.code, f.match, ctx)
        n = seen.get(key, 0)
        seen[key] = n + 1
        f.stable_id = _digest(f.code, f.match, ctx, n)
