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

    def enabled(self, code: str) -> bool:
        if self.select and not any(code.startswith(s) for s in self.select):
            return False
        return not any(code.startswith(i) for i in self.ignore)
