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
        assert documents.word_zipfs("en", ["the", "zelensky"])[0] > 0  # read, not the stale files
    finally:
        documents._vocabulary_blob.cache_clear()
        documents._vocabulary_lookup.cache_clear()
    for kind in ("vocab", "vocab-groups"):
        kept = list(tmp_path.glob(f"{kind}-en-*.txt"))
        assert len(kept) == documents.KEEP_VOCABULARIES
        assert tmp_path / f"{kind}-en-{documents._vocabulary_key('en')}.txt" in kept
        assert len(list(tmp_path.glob(f"{kind}-de-*.txt"))) == 6


def test_langdetect_profiles_read_back_from_the_cache_detect_as_langdetect_does(tmp_path, monkeypatch):
    """The n-gram table kept in the cache (sparse) gives langdetect's own probabilities, for every profile and
    for a subset, when built and when read back; a damaged cache file is rebuilt."""
    import json
    from pathlib import Path

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory
    from langdetect.utils.lang_profile import LangProfile

    from checker import documents

    monkeypatch.setenv("CHECKER_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("CHECKER_NO_CACHE", raising=False)
    lines = [line for line in (Path(__file__).parent.parent / "seeds").glob("*.txt")
             for line in line.read_text(encoding="utf-8").splitlines() if len(line) > 20][:8]
    lines += ["Der Bundesrat hat am Mittwoch die neuen Regeln beschlossen.", "Президент заявил об этом в среду.",
              "Vláda to v pondělí odmítla.", "Le gouvernement a annoncé mercredi de nouvelles mesures."]

    def own_factory(langs):
        names = sorted(n for n in os.listdir(PROFILES_DIRECTORY)
                       if not n.startswith(".") and (langs is None or n.split("-")[0] in langs))
        factory = DetectorFactory()
        factory.seed = 0
        for i, name in enumerate(names):
            with open(os.path.join(PROFILES_DIRECTORY, name), encoding="utf-8") as fh:
                factory.add_profile(LangProfile(**json.load(fh)), i, len(names))
        return factory

    def probabilities(factory, text):
        detector = factory.create()
        detector.append(text)
        return [(p.lang, round(p.prob, 12)) for p in detector.get_probabilities()]

    for langs in (None, frozenset({"en", "de", "cs", "ru"})):
        expected = own_factory(langs)
        for attempt in ("built", "read back", "rebuilt"):
            documents._langdetect_factory.cache_clear()
            if attempt == "rebuilt":
                for damaged in tmp_path.glob("langdetect-*.marshal"):
                    damaged.write_bytes(b"\x00garbage")
            factory = documents._langdetect_factory(langs)
            assert factory.langlist == expected.langlist, attempt
            assert [probabilities(factory, t) for t in lines] == [probabilities(expected, t) for t in lines], attempt
        assert len(list(tmp_path.glob("langdetect-*.marshal"))) >= 1
    documents._langdetect_factory.cache_clear()
