"""XLIFF, TMX and TSV files: read as a source and a target version, findings placed in the file itself."""

from __future__ import annotations

import json

import pytest

from checker.bilingual import read_bilingual
from checker.errors import ExitCode

XLIFF12 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file source-language="de" target-language="en-GB" datatype="plaintext" original="story.txt">
    <body>
      <trans-unit id="1">
        <source>Selenskyj traf Merz in Kiew.</source>
        <target>Selenskyj met Merz in Kiew &amp; Lviv.</target>
      </trans-unit>
      <trans-unit id="2">
        <source>Bundeskanzler Merz sagte am 6.1.2026, die Lage sei ernst.</source>
        <target>Federal Chancellor <g id="1">Merz</g> said on<ph
          id="2">&lt;br/&gt;</ph> 6.1.2026 that it was serious.</target>
        <alt-trans><target>Kiew Kiew</target></alt-trans>
      </trans-unit>
      <trans-unit id="3"><source>Noch nicht übersetzt.</source></trans-unit>
    </body>
  </file>
</xliff>
"""

XLIFF2 = """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de">
 <file id="f1">
  <unit id="u1">
   <segment><source>Zelensky met Merz in Kyiv.</source><target>Zelensky traf Merz in Kyiv.</target></segment>
  </unit>
  <unit id="u2">
   <!-- a comment with Kyiv -->
   <segment><source>The talks went on.</source><target>Die Gespräche <pc id="1">gingen</pc> weiter.</target></segment>
  </unit>
 </file>
</xliff>
"""

TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="none" creationtool="t"
          creationtoolversion="1"/>
  <body>
    <tu><tuv xml:lang="de"><seg>Explosionen in Kiew.</seg></tuv>
      <tuv xml:lang="en"><seg>Explosions in Kiew.</seg></tuv></tu>
    <tu><tuv xml:lang="de"><seg>Moskau schwieg.</seg></tuv><tuv xml:lang="en"><seg>Moskau was silent.</seg></tuv></tu>
  </body>
</tmx>
"""


def _where(raw: str, word: str, nth: int = 0) -> tuple[int, int]:
    """(line, column) of the ``nth`` ``word`` in ``raw``, as an editor shows it."""
    i = -1
    for _ in range(nth + 1):
        i = raw.index(word, i + 1)
    line = raw.count("\n", 0, i) + 1
    return line, i - (raw.rfind("\n", 0, i) + 1) + 1


def _json(cli, *args):
    proc = cli("check", "--format", "json", *args)
    return proc, json.loads(proc.stdout)


def test_xliff12_findings_stand_where_the_editor_finds_them(cli, tmp_path):
    p = tmp_path / "story.xlf"
    p.write_text(XLIFF12, encoding="utf-8")
    proc, report = _json(cli, str(p))
    assert proc.returncode == ExitCode.FINDINGS
    (f,) = report["files"]
    assert f["lang"] == "en" and f["lang_origin"] == "file"
    got = {(x["code"], x["match"]): x for x in f["findings"]}
    # the main target only: nothing from <alt-trans>, whose target repeats Kiew
    assert [m for c, m in got if m == "Kiew"] == ["Kiew"]
    for (code, match), x in got.items():
        assert XLIFF12[x["start"]:x["end"]] == match, (code, match)
        in_source = any(match in seg.split("</source>")[0] for seg in XLIFF12.split("<source>")[1:])
        assert (x["line"], x["column"]) == _where(XLIFF12, match, 1 if in_source else 0)
        assert not x.get("fix")  # no edits: a fix would have to be written into the markup
    assert {("NAME001", "Selenskyj"), ("ART001", "Federal Chancellor"), ("FMT001", "6.1.2026")} <= set(got)


def test_xliff12_segments_and_source():
    bi = read_bilingual("s.xlf", data=XLIFF12.encode())
    lines = bi.target.text.split("\n")
    assert lines == ["Selenskyj met Merz in Kiew & Lviv.",
                     "Federal Chancellor Merz said on 6.1.2026 that it was serious.", ""]
    assert bi.source.text.split("\n")[1].startswith("Bundeskanzler") and bi.source.lang == "de"
    amp = bi.target.text.index("&")
    assert bi.raw[slice(*bi.raw_span(amp, amp + 1))] == "&amp;"


def test_xliff2_and_comments(cli, tmp_path):
    p = tmp_path / "story.xliff"
    p.write_text(XLIFF2, encoding="utf-8")
    bi = read_bilingual(str(p))
    assert bi.target.lang == "de" and bi.source.lang == "en"
    assert bi.target.text == "Zelensky traf Merz in Kyiv.\nDie Gespräche gingen weiter."
    proc, report = _json(cli, "--select", "NAME", str(p))
    found = report["files"][0]["findings"]
    assert {x["match"] for x in found} == {"Zelensky", "Kyiv"}  # German copy writes Selenskyj, Kiew
    for x in found:
        assert (x["line"], x["column"]) == _where(XLIFF2, x["match"], 1)


def test_tmx(cli, tmp_path):
    p = tmp_path / "memory.tmx"
    p.write_text(TMX, encoding="utf-8")
    proc, report = _json(cli, "--select", "NAME", str(p))
    found = report["files"][0]["findings"]
    assert [x["match"] for x in found] == ["Kiew", "Moskau"]
    assert [(x["line"], x["column"]) for x in found] == [_where(TMX, "Kiew", 1), _where(TMX, "Moskau", 1)]


def test_tsv(cli, tmp_path):
    p = tmp_path / "pairs.tsv"
    p.write_bytes(b"de\ten\r\nSelenskyj in Kiew.\tSelenskyj in Kiev.\r\n\r\nHallo.\tHello.\r\n")
    proc, report = _json(cli, "--select", "NAME", str(p))
    found = report["files"][0]["findings"]
    assert [(x["match"], x["line"], x["column"]) for x in found] == [("Selenskyj", 2, 20), ("Kiev", 2, 33)]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("broken.xlf", XLIFF12.replace("</target>", "", 1), "not well-formed XML"),
    ("nolang.xlf", XLIFF12.replace(' source-language="de"', ""), "does not name its source language"),
    ("bad.tsv", "de\ten\nonly one column\n", "bad.tsv:2: 1 columns"),
    ("nohead.tsv", "Selenskyj in Kiew.\n", "row of two language codes"),
    ("many.tmx", TMX.replace('<tuv xml:lang="en"><seg>Moskau', '<tuv xml:lang="fr"><seg>Moscou'),
     "name the one to check with --lang"),
])
def test_bad_bilingual_files_get_one_line(cli, tmp_path, name, content, message):
    p = tmp_path / name
    p.write_text(content, encoding="utf-8")
    proc = cli("check", str(p))
    err = proc.stderr.decode()
    assert proc.returncode in (ExitCode.INPUT, ExitCode.LANGUAGE)
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_fix_leaves_bilingual_files_alone(cli, tmp_path):
    p = tmp_path / "story.xlf"
    p.write_text(XLIFF12, encoding="utf-8")
    proc = cli("check", "--fix", str(p))
    assert p.read_text(encoding="utf-8") == XLIFF12
    assert "do not rewrite XLIFF" in proc.stderr.decode()


def test_a_related_place_shared_by_findings_is_moved_to_the_file_once(cli, tmp_path):
    raw = ("de\ten\nMetsola sprach in Straßburg.\tMetsola spoke in Strasbourg.\n"
           "Metsola sagte das.\tMetzola said so.\nDann ging Metsola.\tThen Metzola left.\n")
    p = tmp_path / "pairs.tsv"
    p.write_text(raw, encoding="utf-8")
    proc, report = _json(cli, "--select", "NAME", str(p))
    found = report["files"][0]["findings"]
    assert [(x["code"], x["match"]) for x in found] == [("NAME003", "Metzola")] * 2
    first = raw.index("Metsola spoke")
    for x in found:  # each points at the one 'Metsola' of the English column, as the file has it
        assert [(r["start"], r["end"], r["line"]) for r in x["related"]] == [(first, first + 7, 2)]
