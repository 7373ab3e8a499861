"""Inline directives (plain text, Markdown, HTML) and the fingerprint baseline."""

from __future__ import annotations

import json

from checker.errors import ExitCode
from checker.suppress import Suppressions

STORY = ("President Volodymyr Zelensky spoke first.\n"
         "Later, Zelenskyy thanked the allies in Kiew.\n")


def findings(cli, path, *extra):
    proc = cli("check", "--format", "json", "--select", "NAME", *extra, str(path))
    return [(f["code"], f["match"]) for r in json.loads(proc.stdout)["files"] for f in r["findings"]]


def test_baseline_story_has_two_findings(cli, tmp_path):
    p = tmp_path / "s.en.txt"
    p.write_text(STORY)
    assert findings(cli, p) == [("NAME003", "Zelenskyy"), ("NAME001", "Kiew")]


def test_disable_next_line_with_form_in_plain_text(cli, tmp_path):
    p = tmp_path / "s.en.txt"
    p.write_text(STORY.replace("Later", "checker: disable-next-line NAME003 form=Zelenskyy\nLater"))
    assert findings(cli, p) == [("NAME001", "Kiew")]
    p.write_text(STORY.replace("Later", "checker: disable-next-line NAME003 form=Zelenska\nLater"))
    assert ("NAME003", "Zelenskyy") in findings(cli, p)  # another form: still reported


def test_html_comment_disable_whole_story(cli, tmp_path):
    p = tmp_path / "s.en.md"
    p.write_text("<!-- checker: disable NAME001 -->\n" + STORY)
    assert findings(cli, p) == [("NAME003", "Zelenskyy")]


def test_disable_until_enable(cli, tmp_path):
    p = tmp_path / "s.en.txt"
    p.write_text("checker: disable NAME001\nShelling in Kiew.\nchecker: enable NAME001\nMore shelling in Kiew.\n")
    got = findings(cli, p)
    assert got == [("NAME001", "Kiew")]
    assert json.loads(cli("check", "--format", "json", str(p)).stdout)["files"][0]["findings"][0]["line"] == 4


def test_disable_line_inline_html(cli, tmp_path):
    p = tmp_path / "s.en.html.txt"
    p.write_text("Shelling in Kiew. <!-- checker: disable-line -->\nShelling in Kiew.\n")
    assert len(findings(cli, p, "--lang", "en")) == 1


def test_names_in_a_directive_are_not_spellings_of_the_story(cli, tmp_path):
    p = tmp_path / "s.en.txt"
    p.write_text('<!-- checker: disable NAME003 form="Volodymyr Zelenskyy" -->\n'
                 "President Volodymyr Zelensky spoke.\n")
    assert findings(cli, p) == []


def test_parse_directive_forms():
    sup = Suppressions("x\n> checker: disable-next-line NAME001, NAME003 form='Olena Zelenska'\ny\n"
                       "# checker: disable\n<!--checker:enable-->\n")
    kinds = [(d.kind, d.codes, d.form, d.line) for d in sup.directives]
    assert kinds == [("disable-next-line", ("NAME001", "NAME003"), "Olena Zelenska", 2),
                     ("disable", (), None, 4), ("enable", (), None, 5)]
    assert not Suppressions("The fact-checker: disable the alarm.").directives  # prose is not a directive


def test_mask_keeps_offsets():
    text = "a\n<!-- checker: disable -->\nb"
    masked = Suppressions(text).mask(text)
    assert len(masked) == len(text) and masked.splitlines()[1].strip() == "" and masked.endswith("\nb")


# -- baseline --------------------------------------------------------------------------------------

def test_baseline_written_then_hides_old_findings(cli, tmp_path):
    p = tmp_path / "copy" / "s.en.txt"
    p.parent.mkdir()
    p.write_text(STORY)
    base = tmp_path / "baseline.json"
    first = cli("check", "--select", "NAME", "--baseline", str(base), str(p))
    assert first.returncode == ExitCode.CLEAN and "wrote 2 findings" in first.stderr.decode()
    data = json.loads(base.read_text())
    assert data["schema"] == "checker-baseline/1" and {e["path"] for e in data["findings"]} == {"copy/s.en.txt"}
    assert cli("check", "--select", "NAME", "--baseline", str(base), str(p)).returncode == ExitCode.CLEAN
    # edits elsewhere (a new first paragraph, CRLF) do not bring the old findings back; a new one is reported
    p.write_bytes(("Breaking news.\n\n" + STORY + "Shelling hit Moskau.\n").replace("\n", "\r\n").encode())
    proc = cli("check", "--format", "json", "--select", "NAME", "--baseline", str(base), str(p))
    assert proc.returncode == ExitCode.FINDINGS
    assert [f["match"] for f in json.loads(proc.stdout)["files"][0]["findings"]] == ["Moskau"]


def test_baseline_paths_relative_to_the_baseline(cli, tmp_path):
    p = tmp_path / "s.en.txt"
    p.write_text(STORY)
    base = tmp_path / "b.json"
    cli("check", "--select", "NAME", "--baseline", str(base), str(p))
    assert cli("check", "--select", "NAME", "--baseline", "b.json", "s.en.txt", cwd=tmp_path).returncode == 0


def test_write_baseline_rewrites_and_bad_baseline_is_a_config_error(cli, tmp_path):
    p = tmp_path / "s.en.txt"
    p.write_text(STORY)
    base = tmp_path / "b.json"
    base.write_text("{not json")
    proc = cli("check", "--baseline", str(base), str(p))
    assert proc.returncode == ExitCode.CONFIG and f"{base}:1:" in proc.stderr.decode()
    assert cli("check", "--select", "NAME", "--baseline", str(base), "--write-baseline", str(p)).returncode == 0
    assert len(json.loads(base.read_text())["findings"]) == 2
    assert cli("check", "--write-baseline", str(p)).returncode == ExitCode.USAGE
