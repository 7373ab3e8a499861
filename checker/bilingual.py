"""Bilingual files: XLIFF (1.2 and 2.x), TMX and two-column TSV read as a source and a target version.

A translation desk keeps a story as segments, each with its source and its translation. checker reads
such a file as two Documents, one segment per line in each (the line-for-line pairing the source-aware
rules use), and maps every offset in the target version back to the file as it is on disk, so that a
finding's line and column are where an editor finds the word in the XLIFF, TMX or TSV file.

XLIFF and TMX are read by a small scanner over the file text, not by an XML tree, because a tree keeps no
offsets; the file is first parsed with ``xml.etree`` so that a malformed file gets one clear error with
its line. Inline markup is left out of a segment's text (tags, and the native code inside XLIFF 1.2
``<ph>``, ``<bpt>``, ``<ept>``, ``<it>``); entities are read as the characters they stand for; a line
break inside a segment reads as a space, so that a segment stays one line.
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

from .documents import Document, LineIndex, _read_checked, decode, normalize_language
from .errors import InputError, LanguageError

#: File name endings read as bilingual files (lower case).
BILINGUAL_SUFFIXES = (".xlf", ".xliff", ".tmx", ".tsv")

#: XLIFF 1.2 inline elements whose content is native code, not text.
_CODE_ELEMENTS = ("ph", "bpt", "ept", "it")
#: Parts of a unit that hold other versions or comments, blanked out before the unit is read.
_IGNORED = re.compile(r"<(alt-trans|note|notes|originalData|mtc:matches|prop)\b[^>]*?(?:/>|>.*?</\1\s*>)|<!--.*?-->",
                      re.S)
_ATTR = r"""\s{name}\s*=\s*(?:"([^"]*)"|'([^']*)')"""


@dataclass
class Bilingual:
    """A bilingual file read as two versions. ``target.text`` and ``source.text`` hold one segment per line;
    ``starts[i]``/``ends[i]`` are where character ``i`` of ``target.text`` stands in ``raw`` (the file's
    text as read)."""

    raw: str
    target: Document
    source: Document
    starts: array
    ends: array

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the file text that ``target.text[start:end]`` was read from."""
        n = len(self.target.text)
        if n == 0:
            return 0, 0
        s = self.starts[min(start, n - 1)] if start < n else self.ends[n - 1]
        e = self.ends[end - 1] if end > start else s
        return s, max(s, e)


def is_bilingual(path: str) -> bool:
    """True for a file name that ``read_bilingual`` reads (``.xlf``, ``.xliff``, ``.tmx``, ``.tsv``)."""
    return path != "-" and path.lower().endswith(BILINGUAL_SUFFIXES)


def read_bilingual(path: str, lang: str | None = None, data: bytes | None = None) -> Bilingual:
    """Read an XLIFF, TMX or TSV file; ``lang`` (--lang) names the target language where the file has more
    than two or does not say. InputError for a malformed file (with its line), LanguageError when the
    languages cannot be told."""
    if data is None:
        data = _read_checked(path)
    raw, encoding, bom = decode(data, path)
    lower = path.lower()
    if lower.endswith(".tsv"):
        src_lang, trg_lang, segments = _tsv(raw, path, lang)
    else:
        _well_formed(raw, path)
        if lower.endswith(".tmx"):
            src_lang, trg_lang, segments = _tmx(raw, path, lang)
        else:
            src_lang, trg_lang, segments = _xliff(raw, path, lang)
    if not segments:
        raise InputError(f"{path}: no segments with a source and a target, nothing to check")
    target_text: list[str] = []
    starts, ends = array("l"), array("l")
    source_lines = []
    for k, (src, (text, s_map, e_map)) in enumerate(segments):
        if k:
            target_text.append("\n")  # the joint stands where the segment before it ends
            at = ends[-1] if ends else 0
            starts.append(at)
            ends.append(at)
        target_text.append(text)
        starts.extend(s_map)
        ends.extend(e_map)
        source_lines.append(src)
    origin = "option" if lang else "file"
    target = Document(text="".join(target_text), path=path, lang=trg_lang, lang_origin=origin, encoding=encoding,
                      bom=bom, newline="\n")
    source = Document(text="\n".join(source_lines), path=f"{path} (source)", lang=src_lang, lang_origin="file")
    return Bilingual(raw, target, source, starts, ends)


def to_file_positions(findings: list, bi: Bilingual) -> None:
    """Move ``findings`` (on ``bi.target.text``) to the file: offsets, line and column, related places.
    Their edits are dropped (the suggestions stay): a fix would have to be written back into the markup."""
    from .findings import Applicability

    lines = LineIndex(bi.raw)
    for f in findings:
        f.start, f.end = bi.raw_span(f.start, f.end)
        f.line, f.column = lines.position(f.start)
        f.end_line, f.end_column = lines.position(f.end)
        f.edits = []
        f.applicability = Applicability.DISPLAY
        # new places, not the old ones changed: findings of one rule may share a related place
        f.related = [_to_file(r, bi, lines) for r in f.related]


def _to_file(related: dict, bi: Bilingual, lines: LineIndex) -> dict:
    """A related place moved to the file (a new dict; one without offsets as it is)."""
    if "start" not in related or "end" not in related:
        return related
    start, end = bi.raw_span(related["start"], related["end"])
    return {**related, "start": start, "end": end, "line": lines.position(start)[0]}


# ------------------------------------------------------------------------------------------------ XML


def _well_formed(raw: str, path: str) -> None:
    import xml.etree.ElementTree as ET

    # the declaration is blanked, not removed (positions kept): it may name the encoding the file was read in
    text = re.sub(r"^\s*<\?xml[^>]*\?>", lambda m: re.sub(r"[^\n]", " ", m.group(0)), raw)
    try:
        ET.fromstring(text)
    except ET.ParseError as err:
        line, col = err.position
        msg = str(err).split(":")[0]
        raise InputError(f"{path}:{line}:{col + 1}: not well-formed XML ({msg})") from None


def _attr(tag: str, name: str) -> str | None:
    import html  # only bilingual files (XLIFF, TMX) need it: kept off the start-up of a plain check

    m = re.search(_ATTR.format(name=re.escape(name)), tag)
    return None if m is None else html.unescape(m.group(1) if m.group(1) is not None else m.group(2))


def _blank(text: str, pattern: re.Pattern) -> str:
    """``text`` with every match of ``pattern`` replaced by as many spaces (offsets kept)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _element(raw: str, name: str, start: int, end: int) -> tuple[int, int] | None:
    """(content start, content end) of the first ``<name ...>...</name>`` in ``raw[start:end]``; an empty
    element (``<name/>``) gives an empty span."""
    m = re.compile(rf"<{name}\b[^>]*?(/?)>").search(raw, start, end)
    if m is None:
        return None
    if m.group(1):
        return m.end(), m.end()
    close = re.compile(rf"</{name}\s*>").search(raw, m.end(), end)
    return None if close is None else (m.end(), close.start())


def _segment_text(raw: str, a: int, b: int) -> tuple[str, list[int], list[int]]:
    """The text of the element content ``raw[a:b]`` with markup left out, and for each of its characters
    the file span it was read from."""
    import html

    out: list[str] = []
    s_map: list[int] = []
    e_map: list[int] = []
    i = a
    while i < b:
        c = raw[i]
        if c == "<":
            if raw.startswith("<![CDATA[", i):
                j = raw.find("]]>", i, b)
                j = b if j < 0 else j
                for k in range(i + 9, j):
                    _put(out, s_map, e_map, raw[k], k, k + 1)
                i = j + 3
                continue
            if raw.startswith("<!--", i):
                j = raw.find("-->", i, b)
                i = b if j < 0 else j + 3
                continue
            j = raw.find(">", i, b)
            j = b if j < 0 else j + 1
            tag = raw[i:j]
            m = re.match(r"<([\w:.-]+)", tag)
            if m and m.group(1) in _CODE_ELEMENTS and not tag.endswith("/>"):
                close = raw.find(f"</{m.group(1)}", j, b)
                if close >= 0:
                    j = raw.find(">", close, b) + 1 or b
            i = j
            continue
        if c == "&":
            j = raw.find(";", i, min(b, i + 12))
            if j > i:
                _put(out, s_map, e_map, html.unescape(raw[i:j + 1]), i, j + 1)
                i = j + 1
                continue
        if c == "\r" and raw.startswith("\r\n", i):
            _put(out, s_map, e_map, " ", i, i + 2)
            i += 2
            continue
        _put(out, s_map, e_map, " " if c in "\n\r\t" else c, i, i + 1)
        i += 1
    return "".join(out), s_map, e_map


def _put(out, s_map, e_map, chars: str, s: int, e: int) -> None:
    for ch in chars:
        out.append(ch)
        s_map.append(s)
        e_map.append(e)


def _lang(code: str | None, path: str, what: str) -> str:
    if not code:
        raise LanguageError(f"{path}: the file does not name its {what} language; give it with --lang")
    try:
        return normalize_language(code)
    except LanguageError as err:
        raise LanguageError(f"{path}: {err}") from None


def _xliff(raw: str, path: str, lang: str | None):
    """Segments of XLIFF 1.2 (``<trans-unit>``) or 2.x (``<segment>`` in ``<unit>``)."""
    root = re.search(r"<xliff\b[^>]*>", raw)
    if root is None:
        raise InputError(f"{path}: not an XLIFF file (no <xliff> element)")
    version = _attr(root.group(0), "version") or ""
    if version.startswith("2"):
        src, trg = _attr(root.group(0), "srcLang"), _attr(root.group(0), "trgLang")
        unit = re.compile(r"<segment\b[^>]*?(?:/>|>(.*?)</segment\s*>)", re.S)
    else:
        file_tag = re.search(r"<file\b[^>]*>", raw)
        src = _attr(file_tag.group(0), "source-language") if file_tag else None
        trg = _attr(file_tag.group(0), "target-language") if file_tag else None
        unit = re.compile(r"<trans-unit\b[^>]*?(?:/>|>(.*?)</trans-unit\s*>)", re.S)
    src_lang = _lang(src, path, "source")
    trg_lang = normalize_language(lang) if lang else _lang(trg, path, "target")
    body = _blank(raw, _IGNORED)
    segments = []
    for m in unit.finditer(body):
        if m.group(1) is None:
            continue
        a, b = m.span(1)
        s = _element(body, "source", a, b)
        t = _element(body, "target", a, b)
        if s is None:
            continue
        src_text = _segment_text(raw, *s)[0]
        segments.append((src_text, _segment_text(raw, *t) if t else ("", [], [])))
    return src_lang, trg_lang, segments


def _tmx(raw: str, path: str, lang: str | None):
    """Segments of a TMX file: each ``<tu>``'s ``<seg>`` in the header's ``srclang`` and in the other
    language (``lang`` where the file holds more than two)."""
    header = re.search(r"<header\b[^>]*>", raw)
    src = _attr(header.group(0), "srclang") if header else None
    src_lang = _lang(src if src and src != "*all*" else None, path, "source")
    tuv = re.compile(r"<tuv\b([^>]*)>(.*?)</tuv\s*>", re.S)
    units: list[dict[str, tuple[int, int]]] = []
    langs: set[str] = set()
    body = _blank(raw, _IGNORED)
    for m in re.finditer(r"<tu\b[^>]*>(.*?)</tu\s*>", body, re.S):
        versions: dict[str, tuple[int, int]] = {}
        for v in tuv.finditer(body, *m.span(1)):
            code = _attr(v.group(1), "xml:lang") or _attr(v.group(1), "lang")
            seg = _element(body, "seg", *v.span(2))
            if code and seg is not None:
                versions[_lang(code, path, "segment")] = seg
        langs.update(versions)
        units.append(versions)
    others = sorted(langs - {src_lang})
    if lang:
        trg_lang = normalize_language(lang)
    elif len(others) == 1:
        trg_lang = others[0]
    else:
        raise LanguageError(f"{path}: the file holds {', '.join(others) or 'no'} target languages; "
                            "name the one to check with --lang")
    segments = [(_segment_text(raw, *u[src_lang])[0], _segment_text(raw, *u[trg_lang]) if trg_lang in u
                 else ("", [], [])) for u in units if src_lang in u]
    return src_lang, trg_lang, segments


# ------------------------------------------------------------------------------------------------ TSV


def _tsv(raw: str, path: str, lang: str | None):
    """Segments of a two-column TSV file whose first row names the languages (``en<TAB>de``: source, then
    target); every other row is one segment."""
    lines = raw.splitlines(keepends=True)
    head = lines[0].rstrip("\r\n").split("\t")
    if len(head) != 2:
        raise InputError(f"{path}:1: a bilingual TSV file opens with a row of two language codes "
                         "(source<TAB>target, e.g. en<TAB>de)")
    src_lang = _lang(head[0], path, "source")
    trg_lang = normalize_language(lang) if lang else _lang(head[1], path, "target")
    segments = []
    at = len(lines[0])
    for no, line in enumerate(lines[1:], start=2):
        body = line.rstrip("\r\n")
        if body.strip():
            cols = body.split("\t")
            if len(cols) != 2:
                raise InputError(f"{path}:{no}: {len(cols)} columns; a row holds the source and the target, "
                                 "separated by one tab")
            t0 = at + len(cols[0]) + 1
            text = cols[1]
            segments.append((cols[0], (text, list(range(t0, t0 + len(text))),
                                       list(range(t0 + 1, t0 + len(text) + 1)))))
        at += len(line)
    return src_lang, trg_lang, segments
