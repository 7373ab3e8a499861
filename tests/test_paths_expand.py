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


def _glob_versions(files, listed):
    """Sibling discovery as it was: one glob of ``stem.*`` per file."""
    import glob

    from checker.paths import story_stem
    out = {}
    for f in files:
        stem, lang = story_stem(f)
        if f == "-" or listed.get(f) or lang is None:
            continue
        p = Path(f)
        for other in sorted(p.parent.glob(glob.escape(p.name.split(".")[0] + ".") + "*")):
            other_stem, other_lang = story_stem(str(other))
            if other_lang and other_lang != lang and other_stem == stem and other.is_file():
                out[f] = str(other)
                break
    return out


def test_versions_beside_files_are_found_with_one_listing_per_folder(tmp_path, monkeypatch):
    from checker import paths
    for rel in ["a/story.en.txt", "a/story.de.txt", "a/story.fr.md", "a/other.en.txt", "a/other.txt",
                "a/x.y.en.txt", "a/x.de.txt", "a/solo.en.txt", "a/s.en.txt", "a/s.en.txt.bak",
                "b/s.en.txt", "b/s.uk.txt", "b/s.de", "b/t.en.txt", "b/t.de.txt/inner.txt"]:
        f = tmp_path / rel
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("x\n", encoding="utf-8")
    files = expand([str(tmp_path)])[0]
    for chosen in (files, [f for f in files if f.endswith(".en.txt")], [str(tmp_path / "a/story.en.txt")]):
        listed = paths.versions(chosen)
        listings: list = []
        monkeypatch.setattr(paths.os, "listdir", lambda d, seen=listings, real=os.listdir: seen.append(d) or real(d))
        found = paths.unlisted_versions(chosen, listed)
        monkeypatch.undo()
        assert found == _glob_versions(chosen, listed)
        assert listings and len(listings) == len(set(listings))  # each folder listed once, not once per file
    assert paths.unlisted_versions([str(tmp_path / "b/s.en.txt")], {}) == {str(tmp_path / "b/s.en.txt"):
                                                                          str(tmp_path / "b/s.uk.txt")}
