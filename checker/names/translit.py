"""Transliteration of Cyrillic names by published schemes, driven by data files.

Two kinds of scheme live under ``checker/data/translit/``:

* ``char_tables.tsv`` (translitua and cyrtranslit tables): per scheme, letters with a context
  (``delete`` → ``sequence`` → ``word_initial`` → ``any``, applied in that order);
* ``iuliia/*.json`` (Russian schemes by iuliia): ``mapping`` with ``prev_mapping``,
  ``next_mapping`` and ``ending_mapping`` context rules;
* ``custom/*.tsv`` (press transcriptions authored for this project, same columns as
  ``char_tables.tsv``; each file names its source in its header comments).

Example: ``transliterate("Володимир Зеленський", "UkrainianGerman") == "Wolodymyr Selenskyj"``.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..datafiles import package_file

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class _TableScheme:
    """A translitua/cyrtranslit-style table: delete, then sequences, word-initial, letters."""

    name: str
    delete: list[str] = field(default_factory=list)
    sequence: dict[str, str] = field(default_factory=dict)
    word_initial: dict[str, str] = field(default_factory=dict)
    letters: dict[str, str] = field(default_factory=dict)

    #: first letter → the sequences that start with it, longest first (built on first use)
    _by_first: dict[str, list[str]] | None = field(default=None, repr=False, compare=False)

    def word(self, word: str) -> str:
        low = word.lower()
        for d in self.delete:
            low = low.replace(d, "")
        by_first = self._by_first
        if by_first is None:
            by_first = self._by_first = {}
            for s in sorted(self.sequence, key=len, reverse=True):
                by_first.setdefault(s[:1], []).append(s)
        out: list[str] = []
        i = 0
        while i < len(low):
            for s in by_first.get(low[i], ()):
                if low.startswith(s, i):
                    out.append(self.sequence[s])
                    i += len(s)
                    break
            else:
                ch = low[i]
                if i == 0 and ch in self.word_initial:
                    out.append(self.word_initial[ch])
                else:
                    out.append(self.letters.get(ch, ch))
                i += 1
        return "".join(out)


@dataclass
class _IuliiaScheme:
    """An iuliia JSON schema: letters with previous/next-letter and word-ending rules."""

    name: str
    mapping: dict[str, str]
    prev_mapping: dict[str, str]
    next_mapping: dict[str, str]
    ending_mapping: dict[str, str]

    def word(self, word: str) -> str:
        low = word.lower()
        stem, ending = low, ""
        for end in sorted(self.ending_mapping, key=len, reverse=True):
            if len(low) > len(end) and low.endswith(end):
                stem, ending = low[: -len(end)], self.ending_mapping[end]
                break
        out = []
        for i, ch in enumerate(stem):
            prev = stem[i - 1] if i else ""
            nxt = stem[i + 1] if i + 1 < len(stem) else ""
            if prev + ch in self.prev_mapping:
                out.append(self.prev_mapping[prev + ch])
            elif not prev and ch in self.prev_mapping:
                out.append(self.prev_mapping[ch])
            elif ch + nxt in self.next_mapping:
                out.append(self.next_mapping[ch + nxt])
            else:
                out.append(self.mapping.get(ch, ch))
        return "".join(out) + ending


def _data_path(*parts: str):
    return package_file("data", "translit", *parts)


def _read_tables(text: str, into: dict[str, _TableScheme]) -> None:
    rows = csv.DictReader((ln for ln in text.splitlines() if not ln.startswith("#")), delimiter="\t")
    for row in rows:
        scheme = into.setdefault(row["scheme"], _TableScheme(row["scheme"]))
        context, cyr, lat = row["context"], row["cyrillic"], row["latin"] or ""
        if context == "delete":
            scheme.delete.append(cyr)
        elif context == "sequence":
            scheme.sequence[cyr] = lat
        elif context == "word_initial":
            scheme.word_initial[cyr] = lat
        else:
            scheme.letters[cyr] = lat


@lru_cache(maxsize=1)
def _schemes() -> dict[str, _TableScheme | _IuliiaScheme]:
    tables: dict[str, _TableScheme] = {}
    _read_tables(_data_path("char_tables.tsv").read_text(encoding="utf-8"), tables)
    custom = _data_path("custom")
    if custom.is_dir():
        for entry in sorted(custom.iterdir(), key=lambda p: p.name):
            if entry.name.endswith(".tsv"):
                _read_tables(entry.read_text(encoding="utf-8"), tables)
    schemes: dict[str, _TableScheme | _IuliiaScheme] = dict(tables)
    for entry in sorted(_data_path("iuliia").iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".json"):
            data = json.loads(entry.read_text(encoding="utf-8"))
            name = "iuliia:" + data["name"]
            schemes[name] = _IuliiaScheme(
                name,
                data.get("mapping") or {},
                data.get("prev_mapping") or {},
                data.get("next_mapping") or {},
                data.get("ending_mapping") or {},
            )
    return schemes


def scheme_names() -> list[str]:
    """All scheme names: table schemes (``UkrainianGerman``) and ``iuliia:<name>``."""
    return sorted(_schemes())


def _recase(source: str, latin: str) -> str:
    if not latin or not source[:1].isupper():
        return latin
    if len(source) > 1 and source.isupper():
        return latin.upper()
    return latin[0].upper() + latin[1:]


@lru_cache(maxsize=65_536)
def transliterate(text: str, scheme: str) -> str:
    """Transliterate every word of ``text`` by ``scheme``; other characters pass through. Kept for the
    next call with the same text (a story names the same people again and again).

    Raises KeyError for an unknown scheme.
    """
    sch = _schemes()[scheme]
    return _WORD.sub(lambda m: _recase(m.group(0), sch.word(m.group(0))), text)
