"""checker.toml / pyproject.toml [tool.checker]: discovery, CLI over config, per-file settings, and errors
that name file:line with the config exit code."""

from __future__ import annotations

import json

import pytest

from checker.config import Config
from checker.configfile import find_config, glob_match, key_line, load_config
from checker.errors import ConfigError, ExitCode

KIEW = "Explosions were heard in Kiew on Monday, officials said. Kiev was quiet.\n"


def codes(proc) -> list[str]:
    return [f["code"] for r in json.loads(proc.stdout)["files"] for f in r["findings"]]


def test_discovery_walks_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[project]\nname='x'\n")
    assert find_config(tmp_path) is None  # a pyproject without [tool.checker] is not ours
    (tmp_path / "pyproject.toml").write_text("[tool.checker]\nselect = ['NAME']\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep / "story.en.txt") == tmp_path / "pyproject.toml"
    (tmp_path / "a" / "checker.toml").write_text("")
    assert find_config(deep) == tmp_path / "a" / "checker.toml"


def test_settings_and_cli_overrides(cli, tmp_path):
    (tmp_path / "checker.toml").write_text('ignore = ["NAME002"]\n[severity]\nNAME001 = "error"\n')
    story = tmp_path / "copy" / "s.en.txt"
    story.parent.mkdir()
    story.write_text(KIEW)
    report = json.loads(cli("check", "--format", "json", str(story)).stdout)
    found = report["files"][0]["findings"]
    assert [f["code"] for f in found] == ["NAME001"] and found[0]["severity"] == "error"
    # the command line wins: --select replaces, --ignore adds
    assert codes(cli("check", "--format", "json", "--select", "NAME002", str(story))) == []
    assert "NAME002" in codes(cli("check", "--format", "json", "--isolated", str(story)))


def test_pyproject_per_file_ignores_lang_and_tables(cli, tmp_path):
    (tmp_path / "names").mkdir()
    (tmp_path / "names" / "house.tsv").write_text("Metzola\tMetsola\ten\n")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.checker]\ntables = ["names/house.tsv"]\nselect = ["NAME"]\n'
        '[tool.checker.per-file-ignores]\n"archive/*" = ["NAME001"]\n'
        '[tool.checker.per-file-lang]\n"wire/*" = "en"\n')
    for sub, name in (("archive", "story.en.txt"), ("wire", "story.txt")):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / name).write_text("Roberta Metzola visited Kiew on Monday.\n")
    proc = cli("check", "--format", "json", str(tmp_path / "archive"), str(tmp_path / "wire"), cwd=tmp_path)
    files = {f["path"].split("/")[-2]: f for f in json.loads(proc.stdout)["files"]}
    assert files["wire"]["lang_origin"] == "option"
    assert {f["code"] for f in files["wire"]["findings"]} >= {"NAME001", "NAME002"}
    assert "NAME001" not in {f["code"] for f in files["archive"]["findings"]}
    assert any(f["match"] == "Metzola" for f in files["archive"]["findings"])  # the table, relative to the config


def test_default_lang_instead_of_detection(cli, tmp_path):
    (tmp_path / "checker.toml").write_text('default-lang = "en"\n')
    (tmp_path / "s.txt").write_text("Kiew Moskau\n")
    proc = cli("check", "--format", "json", str(tmp_path / "s.txt"))
    assert json.loads(proc.stdout)["files"][0]["lang"] == "en"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('select = ["NAME"]\nhouse = "ap"\nbogus = 1\n', 3, "unknown setting 'bogus'"),
        ('select = ["NAME"]\nselect = ["ART"]\n', 2, "not valid TOML"),
        ('select = "NAME001,nope!"\n', 1, "not a rule code"),
        ('\n\n[severity]\nNAME001 = "fatal"\n', 4, "not one of error, warning, info"),
        ('strict-house = "yes"\n', 1, "true or false"),
        ('tables = ["missing.yaml"]\n', 1, "not found"),
        ('[per-file-lang]\n"de/*" = "xx"\n', 2, "unknown language code"),
        ('house = \n', 1, "not valid TOML"),
        ('ignore = ["NAME001"]\nstrict_house = true\n', 2, "did you mean 'strict-house'"),
    ],
)
def test_malformed_config_names_file_and_line(tmp_path, text, line, words):
    p = tmp_path / "checker.toml"
    p.write_text(text)
    with pytest.raises(ConfigError) as err:
        load_config(p)
    assert str(err.value).startswith(f"{p}:{line}: ") and words in str(err.value)


def test_pyproject_error_line(tmp_path):
    p = tmp_path / "pyproject.toml"
    p.write_text('[project]\nname = "x"\nselect = 1\n\n[tool.checker]\nhouse = "ap"\nselect = 3\n')
    with pytest.raises(ConfigError) as err:
        load_config(p)
    assert str(err.value).startswith(f"{p}:7: ")


def test_malformed_config_exit_code(cli, tmp_path):
    (tmp_path / "checker.toml").write_text("select = [\n")
    (tmp_path / "s.en.txt").write_text(KIEW)
    proc = cli("check", str(tmp_path / "s.en.txt"))
    assert proc.returncode == ExitCode.CONFIG
    err = proc.stderr.decode()
    assert "Traceback" not in err and f"{tmp_path / 'checker.toml'}:" in err


def test_explicit_config_option(cli, tmp_path):
    cfg = tmp_path / "elsewhere.toml"
    cfg.write_text('ignore = ["NAME"]\n')
    assert cli("check", "--config", str(cfg), "--lang", "en", "-", stdin=KIEW.encode()).returncode == ExitCode.CLEAN


def test_key_line_and_globs():
    text = '[tool.other]\nselect = 1\n[tool.checker]\n"select" = 2\n[tool.checker.severity]\nNAME001 = "x"\n'
    assert key_line(text, ("tool", "checker"), "select") == 4
    assert key_line(text, ("tool", "checker", "severity"), "NAME001") == 6
    assert glob_match("copy/archive/a.txt", "archive/*") and glob_match("a.txt", "*.txt")
    assert not glob_match("copy/wire/a.txt", "archive/*")


def test_enabled_for_and_extend_select():
    c = Config(select=["NAME001"], extend_select=["NAME003"], per_file_ignores={"old/*": ["NAME"]})
    assert c.enabled("NAME003") and not c.enabled("NAME002")
    assert not c.enabled_for("NAME001", "old/x.txt") and c.enabled_for("NAME001", "new/x.txt")
