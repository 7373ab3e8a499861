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


def store(kind: str, key: str, value) -> None:
    """Write (kind, key) → value as JSON, atomically; ignore an unwritable cache."""
    store_bytes(kind, key, ".json", json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


def store_bytes(kind: str, key: str, suffix: str, data: bytes) -> None:
    """Write the file ``<kind>-<key><suffix>`` atomically (temp file + replace); ignore failures."""
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
    except OSError:
        if tmp:
            try:
                os.unlink(tmp)
            except OSError:
                pass
