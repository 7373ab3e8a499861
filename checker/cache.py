"""A small on-disk cache for derived data that is slow to compute and cheap to read back (name keys
of the table's forms). Entries are JSON files named by a digest of everything they derive from, so a
changed table, key rule or checker version can never be served stale. Writes are atomic; a cache that
cannot be read or written is silently skipped (the data is then computed)."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from . import __version__


def cache_dir() -> Path:
    """``$CHECKER_CACHE_DIR``, else ``$XDG_CACHE_HOME/checker``, else ``~/.cache/checker``."""
    if os.environ.get("CHECKER_CACHE_DIR"):
        return Path(os.environ["CHECKER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "checker"


def disabled() -> bool:
    """``CHECKER_NO_CACHE`` set: neither read nor write the cache."""
    return bool(os.environ.get("CHECKER_NO_CACHE"))


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256(__version__.encode())
    for part in parts:
        h.update(b"\0")
        h.update(part.encode() if isinstance(part, str) else part)
    return h.hexdigest()[:24]


def load(kind: str, key: str):
    """The cached value for (kind, key), or None."""
    if disabled():
        return None
    try:
        return json.loads((cache_dir() / f"{kind}-{key}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def store(kind: str, key: str, value, keep: int | None = None) -> None:
    """Write (kind, key) → value as JSON, atomically; ignore an unwritable cache (``keep``: see
    ``store_bytes``)."""
    store_bytes(kind, key, ".json", json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode(), keep)


def store_bytes(kind: str, key: str, suffix: str, data: bytes, keep: int | None = None) -> None:
    """Write the file ``<kind>-<key><suffix>`` atomically (temp file + replace); ignore failures. With
    ``keep``, only the ``keep`` newest files of that kind stay (each table or rule change makes a new
    entry: without pruning a compiled-table cache grows by megabytes per edit or ``--table`` file)."""
    if disabled():
        return
    folder = cache_dir()
    tmp = None
    import tempfile  # here: only a write needs it (with shutil and random it costs ~6 ms of start-up)

    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{kind}-", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, folder / f"{kind}-{key}{suffix}")
        tmp = None
        if keep is not None:
            _prune(folder, f"{kind}-", keep)
    except OSError:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _prune(folder: Path, prefix: str, keep: int) -> None:
    """Delete all but the ``keep`` most recently written ``<prefix>*`` files of ``folder`` (whatever their
    suffix: an older checker may have written the kind in another format)."""
    entries = []
    for path in folder.glob(f"{prefix}*"):
        try:
            entries.append((path.stat().st_mtime_ns, path.name, path))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _mtime, _name, path in entries[keep:]:
        try:
            path.unlink()
        except OSError:
            pass
