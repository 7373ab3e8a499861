"""Applying fixes: edits → new text → an atomic replace that keeps encoding, BOM and line endings.

``--fix`` applies safe edits, ``--unsafe-fixes`` also the unsafe ones; display-only suggestions are never
applied. After each round the text is checked again (at most ``MAX_ROUNDS`` times) until no applicable edit
is left, so a second run changes nothing. Only ``cli.py`` calls ``write_atomic``; everything else here is a
plain function of its input.
"""

from __future__ import annotations

import codecs
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from .findings import Applicability, Edit, Finding

MAX_ROUNDS = 10


def applicable(findings: Iterable[Finding], unsafe: bool = False) -> list[Edit]:
    """The edits ``--fix`` (or ``--unsafe-fixes`` when ``unsafe``) would apply."""
    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    return [e for f in findings if f.edits and f.applicability in allowed for e in f.edits]


def apply_edits(text: str, edits: Iterable[Edit], newline: str | None = None) -> tuple[str, int]:
    """``text`` with ``edits`` applied (code-point spans; an edit overlapping an earlier one is skipped,
    as is a no-op) and the number applied. Line breaks in a replacement take the document's ``newline``."""
    out: list[str] = []
    pos = applied = 0
    for e in sorted(set(edits), key=lambda e: (e.start, e.end, e.replacement)):
        if e.start < pos or e.end > len(text) or e.start > e.end or text[e.start:e.end] == e.replacement:
            continue
        repl = e.replacement
        if newline and newline != "\n" and "\n" in repl:
            repl = repl.replace("\r\n", "\n").replace("\n", newline)
        out.append(text[pos:e.start])
        out.append(repl)
        pos = e.end
        applied += 1
    out.append(text[pos:])
    return "".join(out), applied


def fix_text(text: str, lint: Callable[[str], list[Finding]], unsafe: bool = False, newline: str | None = None,
             max_rounds: int = MAX_ROUNDS) -> tuple[str, int, list[Finding]]:
    """Fix ``text`` until ``lint`` finds nothing applicable (bounded). Returns (new text, edits applied,
    the findings of the final text)."""
    total = 0
    findings = lint(text)
    for _ in range(max_rounds):
        new, n = apply_edits(text, applicable(findings, unsafe), newline)
        if not n or new == text:
            break
        text, total = new, total + n
        findings = lint(text)
    return text, total, findings


def encode(text: str, encoding: str, bom: bool, original: bytes | None = None) -> bytes:
    """Bytes of ``text`` as the file had them: UTF-8 with or without BOM, UTF-16 in the original byte order."""
    if encoding.lower().replace("_", "-") in ("utf-16", "utf-16-le", "utf-16-be"):
        big = original is not None and original.startswith(codecs.BOM_UTF16_BE)
        enc, mark = ("utf-16-be", codecs.BOM_UTF16_BE) if big else ("utf-16-le", codecs.BOM_UTF16_LE)
        return (mark if bom else b"") + text.encode(enc)
    return (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8")


def _new_file_mode() -> int:
    """The permission bits ``open()`` gives a new file: 0o666 less the umask (``mkstemp`` makes its temp
    file 0o600, which a report that a web server or a colleague reads must not keep)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str | Path, data: bytes) -> bool:
    """Replace ``path`` by ``data`` atomically (temp file in the same folder, fsync, ``os.replace``), keeping
    the file's permission bits, or giving a new file the usual ones (0o666 less the umask). Returns False,
    touching nothing, when the file already holds ``data``."""
    path = Path(path)
    try:
        if path.read_bytes() == data:
            return False
        mode = path.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = _new_file_mode()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    return True
