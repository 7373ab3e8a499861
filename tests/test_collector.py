"""The cyclic garbage collector is paused while a batch is checked, and running again after it."""

from __future__ import annotations

import gc

from checker.config import Config
from checker.engine import collector_paused
from checker.names.compiled import compiled_finder
from checker.run import Linter, check_batch


def test_pauses_nest_and_end_with_the_outer_one():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause does not end the outer one
    assert gc.isenabled()


def test_a_batch_is_checked_with_the_collector_paused_and_it_runs_again_after(tmp_path, monkeypatch):
    for i in range(3):
        (tmp_path / f"s{i}.en.txt").write_text("Selenskyj met Merz in Kiew on Monday.\n", encoding="utf-8")
    from checker import documents
    from checker.engine import Engine

    seen = []
    check, read = Engine._check, documents.read_document
    monkeypatch.setattr(Engine, "_check", lambda self, doc, source: seen.append(("check", gc.isenabled())) or
                        check(self, doc, source))
    monkeypatch.setattr(documents, "read_document", lambda *a: seen.append(("read", gc.isenabled())) or read(*a))
    config = Config()
    engine = Engine(compiled_finder(), config)
    batch = check_batch([str(tmp_path)], config, Linter(engine, config), engine.table)
    assert seen == [("read", False)] * 3 + [("check", False)] * 3  # reading, pairing, checking: one pause
    assert gc.isenabled()
    assert [len(r.findings) for r in batch.results] == [2, 2, 2]


def test_the_collector_runs_again_when_a_batch_fails(tmp_path, monkeypatch):
    import pytest

    from checker import run

    monkeypatch.setattr(run, "_check_batch", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        run.check_batch([str(tmp_path)], Config(), None, None)
    assert gc.isenabled()
