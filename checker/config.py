"""Settings of one run. Defaults here; the CLI (and later checker.toml) override them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Config:
    """What to check and how.

    ``select``/``ignore`` hold codes or code prefixes (``NAME``, ``NAME001``); ``house`` names a house style
    (``ap``, ``reuters``...) whose forms the table lists; ``strict_house`` also reports forms the table
    accepts but the house style does not use.
    """

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    house: str | None = None
    strict_house: bool = False
    tables: list[str] = field(default_factory=list)
    # House-style quotation marks per language, as pairs of opening and closing marks: {"de": "»«›‹"}
    # accepts only »…« and ›…‹ in German; '""' in the string accepts straight ASCII quotes (FMT rules).
    quotes: dict[str, str] = field(default_factory=dict)
    # -- from checker.toml / [tool.checker] (checker.configfile), overridable on the command line --
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)  # glob → codes or prefixes
    severity: dict[str, str] = field(default_factory=dict)  # code or prefix → error | warning | info
    default_lang: str | None = None  # language of a file whose name does not say (instead of detection)
    per_file_lang: dict[str, str] = field(default_factory=dict)  # glob → language (like --lang, per file)
    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    no_default_table: bool = False
    source: str | None = None  # the configuration file these settings came from

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(s) for s in [*self.select, *self.extend_select]):
            return False
        return not any(code.startswith(i) for i in self.ignore)

    def enabled_for(self, code: str, path: str) -> bool:
        """``enabled`` and not switched off for ``path`` by a ``per-file-ignores`` glob."""
        from .configfile import glob_match

        return self.enabled(code) and not any(
            glob_match(path, glob) and any(code.startswith(c) for c in codes)
            for glob, codes in self.per_file_ignores.items())
