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


def test_vocabularies_of_older_installs_are_pruned_per_language(tmp_path, monkeypatch):
    """Each install keys its decompressed vocabularies by the packaged file's size and time: the files of
    earlier installs go, those of other languages stay."""
    from checker import documents

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    for lang in ("en", "de"):
        for i in range(6):
            for kind in ("vocab", "vocab-groups"):
                old = tmp_path / f"{kind}-{lang}-{i:024x}.txt"
                old.write_text("stale", encoding="utf-8")
                os.utime(old, ns=(i * 10**9, i * 10**9))
    documents._vocabulary_blob.cache_clear()
    documents._vocabulary_lookup.cache_clear()
    try:
        assert documents._zipfs("en", ["the", "zelensky"])[0] > 0  # read, not the stale files
    finally:
        documents._vocabulary_blob.cache_clear()
        documents._vocabulary_lookup.cache_clear()
    for kind in ("vocab", "vocab-groups"):
        kept = list(tmp_path.glob(f"{kind}-en-*.txt"))
        assert len(kept) == documents.KEEP_VOCABULARIES
        assert tmp_path / f"{kind}-en-{documents._vocabulary_key('en')}.txt" in kept
        assert len(list(tmp_path.glob(f"{kind}-de-*.txt"))) == 6
