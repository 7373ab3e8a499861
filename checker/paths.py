"""Which files to check: paths, folders (recursive, include/exclude globs), ``-`` for stdin; and which
files are versions of one story (same stem, another language: ``story.en.txt`` + ``story.de.txt``)."""

from __future__ import annotations

import fnmatch
import glob
from pathlib import Path

from .documents import language_from_filename
from .errors import InputError

DEFAULT_INCLUDE = ("*.txt", "*.text", "*.md", "*.markdown")


def _matches(path: Path, globs) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(path.name, g) or fnmatch.fnmatch(text, g) for g in globs)


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
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and _matches(f, include) and not _matches(f, exclude)
            )
            if not found:
                errors.append(InputError(f"{raw}: no copy files in this folder (looked for {', '.join(include)})"))
            files.extend(str(f) for f in found)
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
        if f == "-":
            continue
        stem, lang = story_stem(f)
        if lang is not None:
            by_stem.setdefault(stem, []).append((f, lang))
    out: dict[str, list[str]] = {}
    for group in by_stem.values():
        for f, lang in group:
            out[f] = [g for g, other in group if other != lang]
    return out


def unlisted_versions(files: list[str], listed: dict[str, list[str]]) -> dict[str, str]:
    """For each file with a language in its name and no other version among ``files`` (``listed``: what
    ``versions(files)`` gives), the first other version beside it on disk (``story.de.txt`` next to
    ``story.en.txt``), by name: the source that a check of ``story.en.txt`` alone reads (and does not
    report on)."""
    out: dict[str, str] = {}
    for f in files:
        if f == "-" or listed.get(f):
            continue
        stem, lang = story_stem(f)
        if lang is None:
            continue
        p = Path(f)
        for other in sorted(p.parent.glob(glob.escape(p.name.split(".")[0] + ".") + "*")):
            other_stem, other_lang = story_stem(str(other))
            if other_lang and other_lang != lang and other_stem == stem and other.is_file():
                out[f] = str(other)
                break
    return out
