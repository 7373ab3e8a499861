"""--fix / --unsafe-fixes / --diff: atomic writes that keep encoding, BOM and line endings, idempotent, and
(property tests) never lose a byte outside the fixed spans."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import Config, check_text
from checker.errors import ExitCode
from checker.findings import Applicability, Edit, Finding
from checker.fix import applicable, apply_edits, encode, fix_text, write_atomic

# -- property tests: pure functions ---------------------------------------------------------------

PIECES = st.sampled_from(["\r\n", "\n", "\r", "\t", " ", "e\u0301", "a\u0308\u0323", "Kiew", "Kyiv", "Straße", "🇺🇦",
                          "Selenskyj", "\u00a0", "word", ".", "Ёж", "日本"])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=4)), max_size=40).map("".join)


@st.composite
def text_and_edits(draw):
    text = draw(TEXTS)
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=10))))
    edits = []  # non-overlapping spans of one or more code points, as rules produce them
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        edits.append(Edit(a, b, draw(st.one_of(PIECES, st.text(max_size=3)))))
    return text, edits


def outside(text: str, edits: list[Edit]) -> list[str]:
    """The pieces of ``text`` between and around the edited spans, in order."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        out.append(text[pos:e.start])
        pos = e.end
    return out + [text[pos:]]


@given(text_and_edits(), st.sampled_from(["utf-8", "utf-16"]), st.booleans(), st.booleans())
@settings(max_examples=300, deadline=None)
def test_text_outside_fixed_spans_is_byte_identical(data, encoding, bom, big_endian):
    text, edits = data
    new, n = apply_edits(text, edits)
    applied = [e for e in edits if text[e.start:e.end] != e.replacement]
    assert n == len(applied)
    # the new text is exactly: outside pieces interleaved with replacements, nothing else
    rebuilt, pos = [], 0
    for e in sorted(applied, key=lambda e: e.start):
        rebuilt += [text[pos:e.start], e.replacement]
        pos = e.end
    assert new == "".join(rebuilt) + text[pos:]
    # and byte for byte in the file's encoding: every outside piece appears, in order, unchanged
    bom = bom or encoding == "utf-16"
    original = (codecs.BOM_UTF16_BE if big_endian else codecs.BOM_UTF16_LE) if encoding == "utf-16" else None
    raw_old, raw_new = encode(text, encoding, bom, original), encode(new, encoding, bom, original)
    mark = raw_old[:len(raw_old) - len(text.encode("utf-16-le" if encoding == "utf-16" else "utf-8"))]
    assert raw_new.startswith(mark) and len(mark) == (2 if encoding == "utf-16" else 3 * bom)
    enc = ("utf-16-be" if big_endian else "utf-16-le") if encoding == "utf-16" else "utf-8"
    pos = 0
    for piece in outside(text, applied):
        chunk = piece.encode(enc)
        found = raw_new.find(chunk, pos)
        assert found >= 0
        pos = found + len(chunk)
    assert raw_new.decode(enc if encoding == "utf-8" and not bom else "utf-8-sig" if encoding == "utf-8" else
                          "utf-16") == new


@given(text_and_edits())
@settings(max_examples=200, deadline=None)
def test_apply_is_idempotent_and_overlaps_are_skipped(data):
    text, edits = data
    overlapping = edits + [Edit(e.start, e.end, e.replacement + "x") for e in edits]
    new, _ = apply_edits(text, overlapping)
    again, n = apply_edits(new, [])
    assert again == new and n == 0
    assert len(new) >= 0  # no exception on any overlap pattern


NAMES = st.sampled_from(["Kiew", "Kyiv", "Selenskyj", "Zelensky", "Moskau", "Charkow", "Odessa", "Merz"])
FILLER = st.sampled_from(["\r\n", "\n", "\t", " ", " in ", " said ", "e\u0301", ". ", " the mayor of ", "ü"])


@given(st.lists(st.one_of(NAMES, FILLER), min_size=1, max_size=30).map("".join))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fix_text_real_rules_keeps_everything_else(text):
    config = Config(select=["NAME001", "NAME002"])
    lint = lambda t: check_text(t, "en", config=config)  # noqa: E731
    first = lint(text)
    new, n, remaining = fix_text(text, lint)
    assert not applicable(remaining)
    safe = [e for e in applicable(first)]
    if n and len(safe) == n:  # one round: the outside pieces are untouched
        rebuilt = apply_edits(text, safe)[0]
        assert new == rebuilt
    again, n2, _ = fix_text(new, lint)
    assert again == new and n2 == 0  # fixing twice changes nothing
    assert new.count("\r\n") == text.count("\r\n") and new.count("\t") == text.count("\t")


def test_applicability_levels():
    def f(app):
        return Finding("NAME001", "x", "m", 0, 4, edits=[Edit(0, 4, "Kyiv")], applicability=app)

    fs = [f(Applicability.SAFE), f(Applicability.UNSAFE), f(Applicability.DISPLAY)]
    assert len(applicable(fs)) == 1 and len(applicable(fs, unsafe=True)) == 2


def test_replacement_newlines_follow_the_document():
    assert apply_edits("a\r\nb", [Edit(0, 1, "x\ny")], "\r\n")[0] == "x\r\ny\r\nb"


def test_write_atomic_leaves_unchanged_file_alone(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"same")
    os.utime(p, (1_000_000, 1_000_000))
    assert write_atomic(p, b"same") is False and p.stat().st_mtime == 1_000_000
    os.chmod(p, 0o640)
    assert write_atomic(p, b"new") is True and p.read_bytes() == b"new" and (p.stat().st_mode & 0o777) == 0o640
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.txt"]  # no temp file left


# -- the command line -----------------------------------------------------------------------------

STORY = "Explosions were heard in Kiew on Monday.\r\n\tThe mayor of Kiew said so, e\u0301.\r\n"


def test_fix_in_place_keeps_utf16_bom_crlf(cli, tmp_path):
    p = tmp_path / "story.en.txt"
    p.write_bytes(codecs.BOM_UTF16_BE + STORY.encode("utf-16-be"))
    proc = cli("check", "--fix", "--select", "NAME", str(p))
    assert proc.returncode == ExitCode.CLEAN, proc.stdout.decode() + proc.stderr.decode()
    assert "Fixed 2 findings." in proc.stdout.decode()
    assert p.read_bytes() == codecs.BOM_UTF16_BE + STORY.replace("Kiew", "Kyiv").encode("utf-16-be")
    mtime = p.stat().st_mtime_ns
    again = cli("check", "--fix", "--select", "NAME", str(p))
    assert again.returncode == ExitCode.CLEAN and p.stat().st_mtime_ns == mtime  # second run: nothing to do


def test_fix_keeps_utf8_bom(cli, tmp_path):
    p = tmp_path / "story.en.txt"
    p.write_bytes(codecs.BOM_UTF8 + STORY.encode())
    cli("check", "--fix", "--select", "NAME", str(p))
    assert p.read_bytes() == codecs.BOM_UTF8 + STORY.replace("Kiew", "Kyiv").encode()


def test_diff_writes_nothing(cli, tmp_path):
    p = tmp_path / "story.en.txt"
    p.write_bytes(STORY.encode())
    proc = cli("check", "--diff", "--select", "NAME", str(p))
    out = proc.stdout.decode()
    assert proc.returncode == ExitCode.FINDINGS
    assert out.startswith(f"--- a/{p}\n+++ b/{p}\n@@") and "-Explosions were heard in Kiew" in out
    assert "+Explosions were heard in Kyiv" in out and p.read_bytes() == STORY.encode()


def test_unsafe_fixes_only_on_request(cli, tmp_path):
    p = tmp_path / "story.en.txt"
    text = "Volodymyr Zelensky spoke. Later Selenskyjs aides met in Kyiv.\n"
    p.write_text(text)
    cli("check", "--fix", "--select", "NAME001", str(p))
    assert p.read_text() == text  # the inflected form is an unsafe fix
    cli("check", "--fix", "--unsafe-fixes", "--select", "NAME001", str(p))
    assert "Selenskyjs" not in p.read_text()


def test_fix_stdin_prints_fixed_text(cli):
    proc = cli("check", "--fix", "--select", "NAME", "--lang", "en", "-", stdin=STORY.encode())
    assert proc.stdout.decode() == STORY.replace("Kiew", "Kyiv")


def test_clean_file_is_never_touched(cli, tmp_path):
    p = tmp_path / "clean.en.txt"
    p.write_text("Ukrainian President Volodymyr Zelensky met Chancellor Friedrich Merz in Kyiv.\n")
    os.utime(p, (1_000_000, 1_000_000))
    assert cli("check", "--fix", str(p)).returncode == ExitCode.CLEAN
    assert p.stat().st_mtime == 1_000_000


def test_write_atomic_gives_a_new_file_the_usual_permissions(tmp_path):
    # a report written with -o (report.html, checker.sarif) is read by others: not mkstemp's 0o600
    old = os.umask(0o022)
    try:
        p = tmp_path / "report.html"
        assert write_atomic(p, b"<html></html>") is True
        assert (p.stat().st_mode & 0o777) == 0o644
    finally:
        os.umask(old)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_removing_a_repeated_line_keeps_every_line_break_whole(cli, tmp_path, newline):
    """The seed story's repeated caption removed with --fix gives, in a CRLF or CR file, the LF file's fix
    with its line breaks: the whole break before the line goes, never half of a CRLF."""
    seed = (Path(__file__).resolve().parents[1] / "seeds" / "coalition-of-the-willing.en.txt").read_text("utf-8")
    lf, other = tmp_path / "lf.en.txt", tmp_path / "other.en.txt"
    lf.write_bytes(seed.encode("utf-8"))
    other.write_bytes(seed.replace("\n", newline).encode("utf-8"))
    for p in (lf, other):
        cli("check", "--fix", "--select", "ART003", str(p))
    fixed = lf.read_bytes().decode("utf-8")
    assert fixed != seed and fixed.count("\n") == seed.count("\n") - 1
    assert other.read_bytes().decode("utf-8") == fixed.replace("\n", newline)


def test_a_fix_that_cannot_be_written_is_one_error_and_the_batch_goes_on(tmp_path, monkeypatch, capsys):
    """A read-only file (or a full disk) under --fix: one error line, exit status 3, the file and its
    findings as they were; the other files are still fixed."""
    import checker.fix
    from checker.engine import Engine
    from checker.names.compiled import compiled_finder
    from checker.run import Linter, check_batch

    seed = (Path(__file__).resolve().parents[1] / "seeds" / "coalition-of-the-willing.en.txt").read_bytes()
    locked, free = tmp_path / "locked.en.txt", tmp_path / "free.en.txt"
    locked.write_bytes(seed)
    free.write_bytes(seed)
    real = checker.fix.write_atomic

    def refuse(path, data):
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real(path, data)

    monkeypatch.setattr(checker.fix, "write_atomic", refuse)
    config = Config()
    finder = compiled_finder()
    batch = check_batch([str(tmp_path)], config, Linter(Engine(finder, config), config), finder.table, fix=True)
    assert batch.worst == ExitCode.INPUT
    errors = [ln for ln in capsys.readouterr().err.splitlines() if ln.startswith("checker: error")]
    assert errors == [f"checker: error: {locked}: cannot write the fixed file (Permission denied); it is unchanged"]
    by_path = {r.path: r for r in batch.results}
    assert locked.read_bytes() == seed and by_path[str(locked)].fixed == 0
    assert {"ART003", "FMT001"} <= {f.code for f in by_path[str(locked)].findings}
    assert free.read_bytes() != seed and by_path[str(free)].fixed > 0
