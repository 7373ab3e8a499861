"""Which files to check: paths, folders (recursive, include/exclude globs), ``-`` for stdin; and which
files are versions of one story (same stem, another language: ``story.en.txt`` + ``story.de.txt``)."""

from __future__ import annotations

import fnmatch
import os
import re
from pathlib import Path

from .documents import language_from_filename
from .errors import InputError

DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown", "*.xlf", "*.xliff", "*.tmx")


def _matches(path: Path, globs) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(path.name, g) or fnmatch.fnmatch(text, g) for g in globs)


def _matcher(globs):
    """``_matches`` for many files: the globs compiled once (``fnmatch.fnmatch`` without its per-call work)."""
    tests = [re.compile(fnmatch.translate(os.path.normcase(g))).match for g in globs]

    def matches(name: str, text: str) -> bool:
        name, text = os.path.normcase(name), os.path.normcase(text)
        return any(t(name) or t(text) for t in tests)
    return matches


def _is_folder(entry: os.DirEntry) -> bool:
    """A folder, not a link to one (as ``rglob`` descends)."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _folder_files(p: Path, include, exclude) -> list[str]:
    """The files under folder ``p`` that ``include`` takes and ``exclude`` does not, none hidden (no part of
    the path below ``p`` starts with a dot), sorted as ``sorted(p.rglob("*"))`` sorts them; walked with
    ``os.scandir``, as ``rglob`` walks (symbolic links to folders are not followed, unreadable folders
    skipped), without a Path object per file."""
    base = str(p)
    prefix = "" if base == "." else base if base.endswith("/") else base + "/"
    taken, dropped = _matcher(include), _matcher(exclude)
    found: list[tuple[tuple[str, ...], str]] = []

    def walk(folder: str, parts: tuple[str, ...]) -> None:
        try:
            with os.scandir(folder or ".") as it:
                entries = list(it)
        except PermissionError:
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = folder + name
            try:
                is_file = entry.is_file()
            except OSError:
                is_file = Path(path).is_file()
            if is_file:
                if taken(name, path) and not dropped(name, path):
                    found.append(((*parts, name), path))
            elif _is_folder(entry):
                walk(path + "/", (*parts, name))

    walk(prefix, ())
    found.sort()
    return [path for _, path in found]


def expand(paths: list[str], include=(), exclude=()) -> tuple[list[str], list[InputError]]:
    """Files to check, in a stable order, and an error for each path that gives none."""
    include = tuple(include) or DEFAULT_INCLUDE
    files: list[str] = []
    errors: list[InputError] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        p = Path(raw)
        if p.is_dir():
            found = _folder_files(p, include, exclude)
            if not found:
                errors.append(InputError(f"{raw}: no copy files in this folder (looked for {', '.join(include)})"))
            files.extend(found)
        elif p.exists() or p.is_symlink():
            if not _matches(p, exclude):
                files.append(raw)
        else:
            errors.append(InputError(f"{raw}: no such file or directory"))
    seen: set[str] = set()
    unique = [f for f in files if not (f in seen or seen.add(f))]
    return unique, errors


def story_stem(path: str) -> tuple[str, str | None]:
    """(folder/stem, language) of ``folder/stem.<lang>.<ext>``; language None when the name has none."""
    p = Path(path)
    lang = language_from_filename(path)
    if lang is None:
        return str(p), None
    return str(p.parent / p.name.split(".")[0]), lang


def versions(files: list[str]) -> dict[str, list[str]]:
    """For each file, the other files that are versions of the same story (same stem, other language)."""
    by_stem: dict[str, list[tuple[str, str]]] = {}
    for f in files:
        if f == "-" or language_from_filename(f) is None:  # the common case, told without a Path
            continue
        stem, lang = story_stem(f)
        by_stem.setdefault(stem, []).append((f, lang))
    out: dict[str, list[str]] = {}
    for group in by_stem.values():
        for f, lang in group:
            out[f] = [g for g, other in group if other != lang]
    return out


def _names_by_stem(folder: Path) -> dict[str, list[str]]:
    """The names in ``folder`` that have a dot, sorted and grouped by the part before their first dot (a
    folder that cannot be listed has none)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return {}
    grouped: dict[str, list[str]] = {}
    for name in names:
        if "." in name:
            grouped.setdefault(name.split(".")[0], []).append(name)
    return grouped


def unlisted_versions(files: list[str], listed: dict[str, list[str]]) -> dict[str, str]:
    """For each file with a language in its name and no other version among ``files`` (``listed``: what
    ``versions(files)`` gives), the first other version beside it on disk (``story.de.txt`` next to
    ``story.en.txt``), by name: the source that a check of ``story.en.txt`` alone reads (and does not
    report on). Each folder is listed once, so a folder of many stories costs one listing, not one per
    file."""
    out: dict[str, str] = {}
    listings: dict[Path, dict[str, list[str]]] = {}
    for f in files:
        if f == "-" or listed.get(f) or language_from_filename(f) is None:
            continue
        stem, lang = story_stem(f)
        if lang is None:
            continue
        p = Path(f)
        listing = listings.get(p.parent)
        if listing is None:
            listing = listings[p.parent] = _names_by_stem(p.parent)
        for name in listing.get(p.name.split(".")[0], ()):
            other = p.parent / name
            other_stem, other_lang = story_stem(str(other))
            if other_lang and other_lang != lang and other_stem == stem and other.is_file():
                out[f] = str(other)
                break
    return out
