"""``paths.expand`` walks folders with os.scandir: the same files, in the same order, as the rglob walk."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker.paths import DEFAULT_INCLUDE, _matches, expand


def _rglob_files(raw: str, include, exclude) -> list[str]:
    """The walk as it was: Path.rglob, hidden parts skipped, include/exclude globs, Path order."""
    p = Path(raw)
    include = tuple(include) or DEFAULT_INCLUDE
    return [str(f) for f in sorted(
        f for f in p.rglob("*")
        if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
        and _matches(f, include) and not _matches(f, exclude))]


@pytest.fixture()
def tree(tmp_path):
    root = tmp_path / "copy"
    for rel in ["a.txt", "b.md", "c.json", "b-c.txt", "b/c.txt", "b/d/e.en.txt", "b/d/e.de.txt", "B.txt",
                ".hidden.txt", ".git/x.txt", "sub/.h/y.txt", "sub/z.markdown", "sub/zz.text", "é/ü.txt",
                "deep/1/2/3/4.txt", "deep/1-2.txt", "deep/1.2.txt", "x/skip.txt"]:
        f = root / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("Text.\n", encoding="utf-8")
    (root / "folder.txt").mkdir()  # a folder named like a file
    (root / "link.txt").symlink_to(root / "a.txt")
    (root / "broken.txt").symlink_to(root / "missing.txt")
    (root / "linked-dir").symlink_to(root / "b", target_is_directory=True)
    (root / "loop.txt").symlink_to(root / "loop.txt")
    return root


@pytest.mark.parametrize(("include", "exclude"), [
    ((), ()),
    (("*.txt",), ()),
    (("*.txt",), ("*/x/*",)),
    (("*",), ("*.json", "b*")),
    (("*/d/*",), ()),
])
def test_folder_walk_is_the_rglob_walk(tree, include, exclude, monkeypatch):
    monkeypatch.chdir(tree.parent)
    for raw in [str(tree), str(tree) + "/", str(tree) + "//b/../b", "copy", "./copy", "copy/", "copy/./b"]:
        files, errors = expand([raw], include, exclude)
        assert files == _rglob_files(raw, include, exclude), raw
        assert not errors
    monkeypatch.chdir(tree)
    files, _ = expand(["."], include, exclude)
    assert files == _rglob_files(".", include, exclude)


def test_unreadable_subfolder_is_skipped(tree):
    if os.geteuid() == 0:
        pytest.skip("root reads every folder")
    (tree / "b").chmod(0)
    try:
        assert expand([str(tree)])[0] == _rglob_files(str(tree), (), ())
    finally:
        (tree / "b").chmod(0o755)
