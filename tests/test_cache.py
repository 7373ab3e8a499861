"""The on-disk cache prunes old entries of a kind."""

import os

from checker import cache


def test_cache_keeps_only_the_newest_entries_of_a_kind(tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    (tmp_path / "other-kind.marshal").write_bytes(b"x")
    (tmp_path / "table-old.pickle").write_bytes(b"x")  # an older checker's format
    os.utime(tmp_path / "table-old.pickle", ns=(0, 0))
    for i in range(10):
        cache.store_bytes("table", f"k{i}", ".marshal", b"data", keep=3)
        os.utime(tmp_path / f"table-k{i}.marshal", ns=(i * 10**9, i * 10**9))
    cache.store_bytes("table", "k10", ".marshal", b"data", keep=3)
    kept = sorted(p.name for p in tmp_path.glob("table-*.marshal"))
    assert "table-k10.marshal" in kept and len(kept) == 3
    assert kept == ["table-k10.marshal", "table-k8.marshal", "table-k9.marshal"]
    assert (tmp_path / "other-kind.marshal").exists() and not (tmp_path / "table-old.pickle").exists()
