"""checker: a multilingual translation-consistency checker for news copy.

Library API (what the CLI, the editor page and batch jobs call)::

    from checker import check_text, load_table
    findings = check_text("Volodymyr Selenskyj met Zelensky's aides.", lang="en")
"""

from __future__ import annotations

__version__ = "0.1.0"

from .config import Config
from .findings import Applicability, Edit, Finding, Severity
from .names.table import NameTable, load_table

__all__ = ["Applicability", "Config", "Edit", "Finding", "NameTable", "Severity", "__version__",
           "check_text", "load_table"]

_ENGINES: dict[tuple, object] = {}


def _engine(table: NameTable | None, config: Config | None):
    from .engine import Engine
    from .names.compiled import compiled_finder
    from .names.mentions import MentionFinder

    config = config or Config()
    if table is None:
        key = (tuple(config.tables), tuple(config.select), tuple(config.extend_select), tuple(config.ignore))
        if key not in _ENGINES:
            _ENGINES[key] = Engine(compiled_finder(config.tables), config)
        engine = _ENGINES[key]
        engine.config = config
        return engine
    return Engine(MentionFinder(table), config)


def check_text(
    text: str,
    lang: str,
    source: str | None = None,
    source_lang: str | None = None,
    config: Config | None = None,
    table: NameTable | None = None,
) -> list[Finding]:
    """Check one text in language ``lang`` (optionally with its ``source`` text) and return its findings."""
    from .documents import Document, dominant_newline, normalize_language

    doc = Document(text=text, lang=normalize_language(lang), newline=dominant_newline(text))
    src = None
    if source is not None:
        src = Document(text=source, lang=normalize_language(source_lang) if source_lang else None,
                       path="<source>")
    return _engine(table, config).check(doc, src)
