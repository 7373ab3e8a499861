"""``checker check --jobs N``: the files checked on several processes give the report of one process,
byte for byte, and --fix / --diff do the same edits."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rules.real_texts import real_texts

from checker.errors import ExitCode
from checker.parallel import workers_for

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "coalition-of-the-willing.en.txt"


@pytest.fixture(scope="module")
def copy_folder(tmp_path_factory) -> Path:
    """Real copy in many files: the seed story with a German version beside it, and the rule cases' and
    the eval corpora's texts, one file each, named by language (a story's versions share a stem)."""
    folder = tmp_path_factory.mktemp("copy")
    shutil.copy(SEED, folder / "seed.en.txt")
    (folder / "seed.de.txt").write_text(
        "Der ukrainische Präsident Wolodymyr Selenskyj wurde in Paris vom französischen Präsidenten "
        "Emmanuel Macron empfangen.\n", encoding="utf-8")
    for i, (text, lang) in enumerate(real_texts(eval_docs=40)):
        if lang != "und" and text.strip():
            (folder / f"doc{i:04d}.{lang}.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("jobs", ["2", "3", "0"])
def test_report_on_several_processes_is_the_report_of_one(cli, copy_folder, jobs):
    one = cli("check", "--format", "json", str(copy_folder))
    many = cli("check", "--format", "json", "--jobs", jobs, str(copy_folder))
    assert one.returncode == many.returncode == ExitCode.FINDINGS
    assert many.stdout == one.stdout
    assert "Traceback" not in many.stderr.decode()


def test_fix_and_diff_on_several_processes_edit_as_one(cli, copy_folder, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    shutil.copytree(copy_folder, a)
    shutil.copytree(copy_folder, b)
    diff_one = cli("check", "--diff", str(a))
    diff_many = cli("check", "--diff", "-j", "2", str(b))
    assert diff_one.stdout and diff_many.stdout == diff_one.stdout.replace(b"/a/", b"/b/")
    fixed_one = cli("check", "--fix", "--format", "json", str(a))
    fixed_many = cli("check", "--fix", "--format", "json", "-j", "2", str(b))
    assert fixed_many.stdout == fixed_one.stdout.replace(str(a).encode(), str(b).encode())
    changed = [p.name for p in sorted(a.iterdir()) if p.read_bytes() != (copy_folder / p.name).read_bytes()]
    assert "seed.en.txt" in changed
    for p in sorted(a.iterdir()):
        assert (b / p.name).read_bytes() == p.read_bytes(), p.name


def test_jobs_is_a_count(cli):
    proc = cli("check", "--jobs", "-1", str(SEED))
    assert proc.returncode == ExitCode.USAGE
    assert "Traceback" not in proc.stderr.decode()


def test_never_more_processes_than_stories():
    assert workers_for(8, 3) == 3
    assert workers_for(1, 100) == 1
    assert workers_for(4, 0) == 1
    assert 1 <= workers_for(0, 1000)


def test_without_worker_processes_the_batch_runs_on_one(copy_folder, monkeypatch, capsys):
    """Where the system cannot start worker processes (no semaphores in some containers), --jobs says
    so once and checks on one process: the same results."""
    import concurrent.futures

    from checker.config import Config
    from checker.engine import Engine
    from checker.names.compiled import compiled_finder
    from checker.run import Linter, check_batch

    config = Config()
    finder = compiled_finder()
    lint = Linter(Engine(finder, config), config)
    one = check_batch([str(copy_folder)], config, lint, finder.table)

    def no_processes(*args, **kwargs):
        raise ImportError("This platform lacks a functioning sem_open implementation")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_processes)
    capsys.readouterr()
    many = check_batch([str(copy_folder)], config, lint, finder.table, jobs=2)
    assert "cannot start worker processes" in capsys.readouterr().err
    assert [(r.path, [(f.code, f.start) for f in r.findings]) for r in many.results] == \
        [(r.path, [(f.code, f.start) for f in r.findings]) for r in one.results]
