"""The compiled name table: the layered table with its forms index, anchor index and name keys, cached
on disk so that start-up reads one file instead of rebuilding them (about 0.3 s on every run).

The cache entry is named by a digest of the checker version, the built-in table, every ``--table``
file and the key rules, so any change rebuilds it. Nothing here changes what is found.
"""

from __future__ import annotations

import gc
import marshal
import sys
from pathlib import Path

from .. import cache
from .mentions import MentionFinder
from .table import NameTable, PackedForms, default_table_path, load_table

_KIND = "table"
#: Compiled tables kept on disk (one per combination of tables and checker version in use; older ones
#: are deleted when a new one is written).
KEEP_TABLES = 8
#: The layout of a cache entry (2: entities and each form's meanings packed as marshal bytes).
_PAYLOAD_FORMAT = "payload 2"


def _digest(paths, default: bool) -> str | None:
    from . import mentions
    from .keys import rules_digest

    # the key rules, how mentions are indexed, and the interpreter (marshal is per version)
    parts: list[bytes | str] = [rules_digest(), Path(mentions.__file__).read_bytes(), str(default), sys.version,
                                _PAYLOAD_FORMAT]
    try:
        if default:
            parts.append(default_table_path().read_bytes())
        for p in paths:
            parts.append(str(p))
            parts.append(Path(p).read_bytes())
    except OSError:
        return None  # the strict loader reports the problem
    return cache.digest(*parts)


def _restore(payload: dict) -> MentionFinder:
    table = NameTable()
    for eid, raw in payload["entities"].items():
        table.entities[eid] = raw  # marshal bytes, decoded when a document mentions the entity
    for lang, forms in payload["homographs"].items():
        table.homographs[lang].update(forms)
    table.sources = list(payload["sources"])
    table.__dict__["forms"] = PackedForms(payload["forms"])
    table.__dict__["_valid"] = {lang: frozenset(forms) for lang, forms in payload["valid"].items()}
    table.__dict__["languages"] = frozenset(payload["languages"])
    finder = MentionFinder(table)
    finder.__dict__["form_index"] = payload["form_index"]
    finder.__dict__["key_index"] = payload["key_index"]
    return finder


def _quietly(load, data: bytes):
    """``load(data)`` with the cyclic garbage collector paused (it would scan the half-built table
    again and again), then frozen out of later collections: the table lives as long as the run."""
    gc.disable()
    try:
        return load(data)
    finally:
        gc.enable()
        gc.freeze()


def compiled_finder(paths=(), default: bool = True) -> MentionFinder:
    """A MentionFinder (and through ``.table`` the NameTable) for the built-in table (unless ``default``
    is False) with ``paths`` layered on top; from the cache when nothing changed."""
    key = _digest(paths, default)
    if key is not None:
        path = cache.cache_dir() / f"{_KIND}-{key}.marshal"
        if path.is_file() and not cache.disabled():
            try:
                with open(path, "rb") as fh:
                    data = fh.read()
                return _restore(_quietly(marshal.loads, data))
            except Exception:  # noqa: BLE001 - a partial or foreign cache file: rebuild it
                pass
    finder = MentionFinder(load_table(paths, default=default))
    table = finder.table
    # entities and the meanings of each form stay marshal bytes inside the payload: reading back 1,600
    # entities and 10,000 forms as objects took two thirds of the load, and a document needs a few of them
    payload = {
        "entities": {eid: marshal.dumps(raw) for eid, raw in table.entities.raw().items()},
        "homographs": {lang: sorted(forms) for lang, forms in table.homographs.items()},
        "sources": table.sources,
        "forms": {form: marshal.dumps(infos) for form, infos in table.forms.items()},
        "valid": {lang: sorted(forms) for lang, forms in table._valid.items()},
        "languages": sorted(table.languages),
        "form_index": finder.form_index,
        "key_index": finder.key_index,
    }
    if key is not None:
        cache.store_bytes(_KIND, key, ".marshal", marshal.dumps(payload), keep=KEEP_TABLES)
    return finder
