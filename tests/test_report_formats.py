"""Every --format from one Finding list: text, concise, full, json-lines, github, junit, --statistics."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from checker.errors import ExitCode
from checker.report import FORMATS
from checker.report.github import command, escape_data, escape_property

KIEW = b"Explosions were heard in Kiew on Monday, officials said.\n"


def test_every_format_is_a_module():
    import importlib

    assert set(FORMATS) == {"text", "concise", "full", "json", "json-lines", "sarif", "github", "junit", "html"}
    for module in FORMATS.values():
        assert callable(importlib.import_module(f"checker.report.{module}").render)


def test_concise_has_no_summary_text_has_one(cli):
    concise = cli("check", "--format", "concise", "--lang", "en", "-", stdin=KIEW).stdout.decode()
    text = cli("check", "--lang", "en", "-", stdin=KIEW).stdout.decode()
    assert concise.splitlines() == text.splitlines()[:1]
    assert text.splitlines()[-1].startswith("Found 1 finding in 1 file.")


def test_full_shows_line_caret_and_suggestion(cli, tmp_path):
    p = tmp_path / "s.en.txt"
    p.write_text("First line.\n\tVisit to Kiew today.\n", encoding="utf-8")
    out = cli("check", "--format", "full", str(p)).stdout.decode().splitlines()
    i = next(i for i, ln in enumerate(out) if ln.startswith("2 | "))
    shown, caret = out[i], out[i + 1]
    assert shown == "2 |  Visit to Kiew today."
    col = shown.index("Kiew")
    assert caret[col:col + 4] == "^^^^" and caret[col - 1] == " " and caret[col + 4:].strip() == ""
    assert any("suggestion: Kyiv (safe fix)" in ln for ln in out)


def test_full_clips_long_lines(cli):
    text = ("word " * 200 + "Kiew " + "word " * 200 + "\n").encode()
    proc = cli("check", "--format", "full", "--select", "NAME", "--lang", "en", "-", stdin=text)
    out = proc.stdout.decode().splitlines()
    shown = next(ln for ln in out if ln.startswith("1 | "))
    assert len(shown) < 200 and shown.count("…") == 2


def test_json_lines_one_object_per_finding_and_error(cli, tmp_path):
    (tmp_path / "a.en.txt").write_bytes(KIEW * 2)
    (tmp_path / "b.en.txt").write_bytes(b"")
    proc = cli("check", "--format", "json-lines", "--select", "NAME", str(tmp_path))
    rows = [json.loads(ln) for ln in proc.stdout.splitlines()]
    assert sum(1 for r in rows if "error" in r) == 1
    found = [r for r in rows if "code" in r]
    assert len(found) == 2 and all(r["path"].endswith("a.en.txt") and r["fingerprint"] for r in found)


def test_github_escaping():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    line = command("warning", "50% of x,y: z\nmore", file="dir/a,b:c.txt", line=3, title="T: t")
    assert line == "::warning file=dir/a%2Cb%3Ac.txt,line=3,title=T%3A t::50%25 of x,y: z%0Amore\n"


def test_github_format(cli):
    out = cli("check", "--format", "github", "--lang", "en", "-", stdin=KIEW).stdout.decode()
    assert out.startswith("::warning file=<stdin>,line=1,col=26,endLine=1,endColumn=30,title=NAME001 (")
    assert out.count("\n") == 1


def test_junit_is_well_formed(cli, tmp_path):
    (tmp_path / "a.en.txt").write_bytes(KIEW)
    (tmp_path / "c.en.txt").write_text("Ukrainian President Volodymyr Zelensky met Friedrich Merz in Kyiv.\n")
    (tmp_path / "b.en.txt").write_bytes(b"")
    root = ET.fromstring(cli("check", "--format", "junit", str(tmp_path)).stdout)
    assert root.tag == "testsuites" and root.get("failures") == "1" and root.get("errors") == "1"
    assert len(root.findall("testsuite")) == 3


def test_statistics(cli, tmp_path):
    (tmp_path / "a.en.txt").write_bytes(KIEW * 3)
    proc = cli("check", "--statistics", "--select", "NAME", str(tmp_path))
    assert proc.returncode == ExitCode.FINDINGS
    assert proc.stdout.decode().split("\t")[:3] == ["3", "NAME001", "foreign-name-form"]


def test_output_file(cli, tmp_path):
    out = tmp_path / "report.sarif"
    proc = cli("check", "--format", "sarif", "-o", str(out), "--lang", "en", "-", stdin=KIEW)
    assert proc.returncode == ExitCode.FINDINGS and proc.stdout == b""
    assert json.loads(out.read_text())["version"] == "2.1.0"


def test_exit_zero(cli):
    assert cli("check", "--exit-zero", "--lang", "en", "-", stdin=KIEW).returncode == ExitCode.CLEAN
