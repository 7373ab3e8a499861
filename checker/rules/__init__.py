"""The rule registry: every rule is a small class registered by ``@register``.

A rule names the pattern it flags (``ForeignNameForm``), has a never-reused ``code`` whose prefix is its
family (NAME names, ART artefacts, FMT dates/numbers/quotes, PAIR source vs translation, BT
back-translation), a kebab-case ``name``, a ``severity``, and a docstring with the sections
``What it flags``, ``Why it matters``, ``Example``, ``Fix safety`` and ``Data``; ``checker explain`` and the
rule pages are generated from it. Its pass/fail cases live in ``tests/rules/cases/<CODE>.yml``.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from ..findings import Applicability, Edit, Finding, Severity

if TYPE_CHECKING:
    from ..engine import Context

FAMILIES = {"NAME": "names", "ART": "artefacts", "FMT": "formats", "PAIR": "source vs translation",
            "BT": "back-translation"}
DOC_SECTIONS = ("What it flags", "Why it matters", "Example", "Fix safety", "Data")
_CODE = re.compile(r"^(NAME|ART|FMT|PAIR|BT)\d{3}$")

REGISTRY: dict[str, type[Rule]] = {}


class Rule:
    """Base class. Subclasses set the class attributes and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    consumes: ClassVar[str] = "document"  # document | segment | mention | pair
    languages: ClassVar[frozenset[str] | None] = None  # None: every language
    fix: ClassVar[str] = "none"  # none | sometimes | always
    status: ClassVar[str] = "stable"  # stable | preview

    @classmethod
    def family(cls) -> str:
        return FAMILIES[_CODE.match(cls.code).group(1)]

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    def applies_to(self, lang: str | None) -> bool:
        return self.languages is None or lang in self.languages

    def check(self, ctx: Context) -> Iterator[Finding]:
        raise NotImplementedError

    def finding(
        self,
        ctx: Context,
        start: int,
        end: int,
        message: str,
        suggestions: list[str] | tuple[str, ...] = (),
        applicability: Applicability = Applicability.DISPLAY,
        related: list[dict] | None = None,
    ) -> Finding:
        """A Finding of this rule at ``[start, end)``; a single suggestion also becomes a fix edit."""
        suggestions = [s for s in suggestions if s and s.strip()]
        edits = [Edit(start, end, suggestions[0])] if len(suggestions) == 1 else []
        return Finding(
            code=self.code,
            rule=self.name,
            message=message,
            start=start,
            end=end,
            severity=self.severity,
            suggestions=suggestions,
            edits=edits,
            applicability=applicability if edits else Applicability.DISPLAY,
            related=related or [],
            match=ctx.doc.text[start:end],
        )


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: validate the rule's attributes and add it to the registry."""
    if not _CODE.match(getattr(cls, "code", "")):
        raise ValueError(f"{cls.__name__}: code {getattr(cls, 'code', None)!r} does not match a family")
    if cls.code in REGISTRY and REGISTRY[cls.code] is not cls:
        raise ValueError(f"{cls.__name__}: code {cls.code} already used by {REGISTRY[cls.code].__name__}")
    if not re.fullmatch(r"[a-z]+(-[a-z]+)*", getattr(cls, "name", "")):
        raise ValueError(f"{cls.__name__}: name must be kebab-case")
    REGISTRY[cls.code] = cls
    return cls


_DECLARED_CODE = re.compile(r'^\s+code = "([A-Z]+\d{3})"', re.M)


def _rule_modules() -> dict[str, list[str]]:
    """Module name → the codes its source declares, read from the files without importing them (a
    module's regexes and data cost start-up time; a run imports only the modules of selected rules)."""
    from pathlib import Path

    out = {}
    for path in sorted(Path(__file__).parent.glob("*.py")):
        if path.name != "__init__.py":
            out[path.stem] = _DECLARED_CODE.findall(path.read_text(encoding="utf-8"))
    return out


def all_rules() -> list[type[Rule]]:
    """Every registered rule class, by code (every module of this package is a rule family)."""
    return selected_rules(lambda code: True)


def selected_rules(enabled) -> list[type[Rule]]:
    """The registered rule classes whose code ``enabled(code)`` accepts, by code; imports only the modules
    that declare such a code."""
    modules = _rule_modules()
    if not modules:  # no sources to read (a zip or byte-code-only install): import every module
        import pkgutil

        modules = {info.name: [] for info in pkgutil.iter_modules(__path__)}
    for module, codes in modules.items():
        if not codes or any(enabled(code) for code in codes):
            importlib.import_module(f"{__name__}.{module}")
    return [REGISTRY[code] for code in sorted(REGISTRY) if enabled(code)]


def docstring_sections(rule: type[Rule]) -> dict[str, str]:
    """The rule's docstring split into its fixed sections (title → text)."""
    doc = (rule.__doc__ or "").strip()
    parts = re.split(r"^\s*(" + "|".join(DOC_SECTIONS) + r"):?\s*$", doc, flags=re.M)
    sections = {"summary": parts[0].strip()}
    for title, body in zip(parts[1::2], parts[2::2], strict=False):
        sections[title] = "\n".join(line.strip() for line in body.strip().splitlines())
    return sections
