"""Inline suppression directives, written in the copy itself: plain text, Markdown or HTML alike.

A directive is a line (or an HTML/Markdown comment) that starts with ``checker:``::

    <!-- checker: disable NAME001 -->                    from here to the end (or to ``enable``)
    checker: disable-next-line NAME003 form=Zelenskyy     the next line only, and only that form
    Some copy <!-- checker: disable-line NAME002 -->      this line only
    checker: enable NAME001                               ends an earlier ``disable``

Codes are rule codes or prefixes (``NAME``, ``NAME001``), separated by commas or spaces; none means every
rule. ``form=FORM`` (quote a form with spaces: ``form="Volodymyr Zelenskyy"``) limits the directive to
findings on that form: "this story may write Zelenskyy". The directive text itself is blanked before the
rules run, so the names in it are never findings and never count as spellings of the story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .documents import LineIndex

DIRECTIVE = re.compile(
    r"(?:^[ \t]*(?:<!--|[#%;>*/-]+)?|<!--)[ \t]*checker:[ \t]*"
    r"(?P<kind>disable-next-line|disable-line|disable|enable)\b(?P<args>[^\r\n]*?)[ \t]*(?:-->|\*/)?[ \t]*$",
    re.M,
)
_ARG = re.compile(r"""form=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>\S+))|(?P<code>[A-Za-z]+\d*)|[,\s]+""")


@dataclass(frozen=True)
class Directive:
    kind: str  # disable | enable | disable-next-line | disable-line
    codes: tuple[str, ...]  # empty: every rule
    form: str | None
    line: int
    start: int  # span of the directive text (blanked before checking)
    end: int

    def covers(self, code: str, match: str) -> bool:
        if self.codes and not any(code.startswith(c) for c in self.codes):
            return False
        return self.form is None or " ".join(match.split()) == self.form


def parse_args(args: str) -> tuple[tuple[str, ...], str | None]:
    codes: list[str] = []
    form = None
    for m in _ARG.finditer(args):
        if m.group("code"):
            codes.append(m.group("code").upper())
        elif m.group(0).startswith("form="):
            form = " ".join((m.group("dq") or m.group("sq") or m.group("bare") or "").split()) or None
    return tuple(codes), form


class Suppressions:
    """The directives of one document and what they cover."""

    def __init__(self, text: str) -> None:
        self.directives: list[Directive] = []
        if "checker:" not in text:
            return
        lines = LineIndex(text)
        for m in DIRECTIVE.finditer(text):
            codes, form = parse_args(m.group("args"))
            start = m.start() if not text[m.start():m.start() + 1].isspace() else m.start() + (
                len(m.group(0)) - len(m.group(0).lstrip()))
            self.directives.append(Directive(m.group("kind"), codes, form, lines.position(m.start())[0],
                                             start, m.end()))

    def __bool__(self) -> bool:
        return bool(self.directives)

    def mask(self, text: str) -> str:
        """``text`` with each directive replaced by spaces (``markup.blank``: offsets do not move)."""
        from .markup import blank

        return blank(text, [(d.start, d.end) for d in self.directives])

    def suppressed(self, code: str, match: str, line: int, start: int) -> bool:
        """True when a directive covers a finding of ``code`` on ``match`` at ``line``/``start``."""
        active: list[Directive] = []
        for d in self.directives:
            if d.start <= start < d.end:
                return True
            if d.line > line:
                break
            if d.kind == "disable":
                active.append(d)
            elif d.kind == "enable":
                active = [a for a in active if d.codes and (not a.codes or not set(a.codes) <= set(d.codes))]
            elif d.kind == "disable-next-line" and d.line + 1 == line and d.covers(code, match):
                return True
            elif d.kind == "disable-line" and d.line == line and d.covers(code, match):
                return True
        return any(a.covers(code, match) for a in active)


def apply(findings: list, sup: Suppressions) -> tuple[list, int]:
    """(findings not covered by a directive, how many were)."""
    if not sup:
        return findings, 0
    kept = [f for f in findings if not sup.suppressed(f.code, f.match, f.line, f.start)]
    return kept, len(findings) - len(kept)
