"""The command line end to end: exit codes, one-line errors (never a traceback), batches, stdin, formats."""

from __future__ import annotations

import codecs
import json

import pytest

from checker.errors import ExitCode

GERMAN = ("Der ukrainische Präsident Wolodymyr Selenskyj wurde in Paris vom französischen Präsidenten "
          "Emmanuel Macron empfangen. Die Koalition der Willigen will die Sicherheit der Ukraine garantieren.\n")


def one_error_line(proc) -> str:
    err = proc.stderr.decode()
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.startswith("checker: error")]
    assert len(lines) == 1, err
    return lines[0]


def test_seed_story_findings_in_text_format(cli):
    proc = cli("check", "seeds/")
    out = proc.stdout.decode()
    assert proc.returncode == ExitCode.FINDINGS
    line = next(ln for ln in out.splitlines() if "Selenskyj" in ln)
    assert line.startswith("seeds/coalition-of-the-willing.en.txt:17:222:")
    assert "NAME001" in line and "[fix: Zelensky]" in line


def test_json_schema_fields(cli):
    proc = cli("check", "--format", "json", "seeds/coalition-of-the-willing.en.txt")
    report = json.loads(proc.stdout)
    assert report["schema"] == "checker-report/1"
    (entry,) = report["files"]
    assert entry["lang"] == "en" and entry["lang_origin"] == "filename"
    f = next(f for f in entry["findings"] if f["match"] == "Selenskyj")
    assert {"code", "severity", "message", "start", "end", "line", "column", "suggestions"} <= set(f)
    text = open("seeds/coalition-of-the-willing.en.txt", encoding="utf-8").read()
    assert text[f["start"]:f["end"]] == "Selenskyj"
    assert f["suggestions"] == ["Zelensky"]


def test_clean_copy_exits_zero(cli, tmp_path):
    p = tmp_path / "clean.en.txt"
    p.write_text("Ukrainian President Volodymyr Zelensky met Chancellor Friedrich Merz in Kyiv on Monday.\n")
    proc = cli("check", str(p))
    assert proc.returncode == ExitCode.CLEAN, proc.stdout.decode()


def test_german_copy_gets_german_suggestions(cli, tmp_path):
    p = tmp_path / "meldung.de.txt"
    p.write_text(GERMAN + "Präsident Zelensky sprach in Kyiv.\n", encoding="utf-8")
    proc = cli("check", "--format", "json", str(p))
    findings = json.loads(proc.stdout)["files"][0]["findings"]
    got = {f["match"]: f["suggestions"] for f in findings}
    assert got["Zelensky"] == ["Selenskyj"] and got["Kyiv"] == ["Kiew"]


def test_stdin_with_lang(cli):
    proc = cli("check", "--lang", "en", "-", stdin=b"Explosions were heard in Kiew on Monday, officials said.\n")
    assert proc.returncode == ExitCode.FINDINGS
    assert proc.stdout.decode().startswith("<stdin>:1:26: NAME001")


@pytest.mark.parametrize(
    ("name", "data", "code", "words"),
    [
        ("photo.en.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", ExitCode.INPUT, "binary"),
        ("latin1.en.txt", "Zürich ist schön".encode("latin-1"), ExitCode.INPUT, "invalid UTF-8"),
        ("empty.en.txt", b"", ExitCode.INPUT, "empty file"),
        ("names-only.txt", b"Merz Macron Rutte Costa", ExitCode.LANGUAGE, "cannot tell the language"),
    ],
)
def test_bad_file_one_line_and_distinct_code(cli, tmp_path, name, data, code, words):
    p = tmp_path / name
    p.write_bytes(data)
    proc = cli("check", str(p))
    assert proc.returncode == code
    assert words in one_error_line(proc)


def test_missing_path(cli):
    proc = cli("check", "no/such/story.en.txt")
    assert proc.returncode == ExitCode.INPUT
    assert "no such file or directory" in one_error_line(proc)


def test_folder_without_copy(cli, tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    proc = cli("check", str(tmp_path))
    assert proc.returncode == ExitCode.INPUT
    assert "no copy files" in one_error_line(proc)


def test_unknown_lang_option(cli):
    proc = cli("check", "--lang", "xx", "seeds/")
    assert proc.returncode == ExitCode.LANGUAGE
    assert "unknown language code 'xx'" in one_error_line(proc)


def test_malformed_table_names_file_and_line(cli, tmp_path):
    table = tmp_path / "house.yaml"
    table.write_text("format: checker-names/1\nentities:\n  - id: Q1899\n    type: PLACE\n")
    proc = cli("check", "--table", str(table), "seeds/")
    assert proc.returncode == ExitCode.TABLE
    assert f"{table}:4:" in one_error_line(proc)


def test_batch_goes_on_after_a_bad_file(cli, tmp_path):
    (tmp_path / "a.en.txt").write_bytes(b"\xff\xfe\x00")  # broken UTF-16
    (tmp_path / "b.en.txt").write_text("Explosions were heard in Kiew on Monday, officials said.\n")
    proc = cli("check", "--format", "json", str(tmp_path))
    assert proc.returncode == ExitCode.INPUT
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(proc.stdout)["files"]}
    assert files["a.en.txt"]["error"] and files["b.en.txt"]["findings"]


def test_utf16_crlf_file_positions(cli, tmp_path):
    p = tmp_path / "story.en.txt"
    p.write_bytes(codecs.BOM_UTF16_LE + "SDA\r\n\r\n\tVisit to Kiew.\r\n".encode("utf-16-le"))
    proc = cli("check", str(p))
    assert f"{p}:3:11: NAME001" in proc.stdout.decode()


def test_uncovered_language_is_checked_with_a_notice(cli, tmp_path):
    p = tmp_path / "story.zh.txt"
    p.write_text("乌克兰总统泽连斯基在巴黎受到法国总统马克龙的欢迎。", encoding="utf-8")
    proc = cli("check", str(p))
    assert proc.returncode in (ExitCode.CLEAN, ExitCode.FINDINGS)
    assert "notice:" in proc.stderr.decode() and "Traceback" not in proc.stderr.decode()


def test_versions_pair_by_stem(cli, tmp_path):
    (tmp_path / "story.de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "story.en.txt").write_text("The Ukrainian head of state Volodymyr Selenskyj also took part.\n")
    proc = cli("check", str(tmp_path))
    assert "German form" in proc.stdout.decode()


def test_a_file_checked_alone_reads_its_version_beside_it(cli, tmp_path):
    (tmp_path / "story.uk.txt").write_text("Олег Ніколенко заявив, що Вадим Пристайко приїде до Києва.\n",
                                           encoding="utf-8")
    (tmp_path / "story.en.txt").write_text("Oleg Nikolenko said that Vadym Prystaiko would come to Kyiv.\n",
                                           encoding="utf-8")
    proc = cli("check", "--format", "json", str(tmp_path / "story.en.txt"))
    report = json.loads(proc.stdout)
    assert [f["path"] for f in report["files"]] == [str(tmp_path / "story.en.txt")]  # the source is not reported
    assert [(f["code"], f["suggestions"]) for f in report["files"][0]["findings"]] == [("NAME005", ["Oleh"])]


def test_rules_and_explain(cli):
    assert "NAME001" in cli("rules").stdout.decode()
    out = cli("explain", "NAME001").stdout.decode()
    assert "What it flags:" in out and "Why it matters:" in out
    proc = cli("explain", "NOPE01")
    assert proc.returncode == ExitCode.USAGE and "Traceback" not in proc.stderr.decode()


def test_continent_names_of_other_languages_are_flagged_in_english_copy(cli, tmp_path):
    p = tmp_path / "summit.en.txt"
    p.write_text("Leaders from Afrika and Lateinamerika met in Osteuropa before the Europa League final.\n",
                 encoding="utf-8")
    report = json.loads(cli("check", "--format", "json", "--select", "NAME", str(p)).stdout)
    assert [(f["match"], f["suggestions"]) for f in report["files"][0]["findings"]] == [
        ("Afrika", ["Africa"]), ("Lateinamerika", ["Latin America"]), ("Osteuropa", ["Eastern Europe"])]


def test_stdin_filename_gives_copy_from_an_editor_its_name(cli, tmp_path):
    """An editor pipes its buffer and names the file: the language, the per-file settings and the version
    beside it come from the name, findings are reported under it, and a fix goes to stdout, not the file."""
    (tmp_path / "story.uk.txt").write_text("Олег Ніколенко заявив, що Вадим Пристайко приїде до Києва.\n",
                                           encoding="utf-8")
    on_disk = "Oleg Nikolenko said that Vadym Prystaiko would come to Kyiv.\n"
    (tmp_path / "story.en.txt").write_text(on_disk, encoding="utf-8")
    buffer = b"Oleg Nikolenko said that Vadym Prystaiko would come to Kiew.\n"
    name = str(tmp_path / "story.en.txt")
    report = json.loads(cli("check", "--format", "json", "-", "--stdin-filename", name, stdin=buffer).stdout)
    [result] = report["files"]
    assert (result["path"], result["lang"], result["lang_origin"]) == (name, "en", "filename")
    assert [f["code"] for f in result["findings"]] == ["NAME005", "NAME001"]  # NAME005 reads the Ukrainian source
    plain = json.loads(cli("check", "--format", "json", "--lang", "en", "-", stdin=buffer).stdout)["files"][0]
    assert plain["path"] == "<stdin>" and [f["code"] for f in plain["findings"]] == ["NAME001"]
    (tmp_path / "checker.toml").write_text('per-file-ignores = {"*.en.txt" = ["NAME001"]}\n', encoding="utf-8")
    ignored = json.loads(cli("check", "--format", "json", "-", "--stdin-filename", name, stdin=buffer).stdout)
    assert [f["code"] for f in ignored["files"][0]["findings"]] == ["NAME005"]
    fixed = cli("check", "--fix", "--unsafe-fixes", "--isolated", "-", "--stdin-filename", name, stdin=buffer)
    assert fixed.stdout.decode() == "Oleh Nikolenko said that Vadym Prystaiko would come to Kyiv.\n"
    assert (tmp_path / "story.en.txt").read_text(encoding="utf-8") == on_disk
    misuse = cli("check", name, "--stdin-filename", name)
    assert misuse.returncode == ExitCode.USAGE and "--stdin-filename" in misuse.stderr.decode()
