"""`checker table import`: Vale, textlint prh and codespell configs into checker's table format; what cannot
be mapped is said. Tested on the shared bench configs, plus small hand-made ones for the corner cases."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checker.errors import ExitCode
from checker.names.table import NameTable, load_table_file
from checker.table_import import import_file, literal, to_table

CONFIGS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "configs"
SHARED = [("vale", "vale/styles/News/Names.yml", 1041), ("prh", "textlint-prh/prh.yml", 1041),
          ("codespell", "codespell.dict", 677)]


@pytest.mark.skipif(not CONFIGS.is_dir(), reason="../shared/bench/configs is not beside this checkout")
@pytest.mark.parametrize(("kind", "rel", "rows"), SHARED)
def test_shared_bench_configs(cli, tmp_path, kind, rel, rows):
    out = tmp_path / "imported.yaml"
    proc = cli("table", "import", str(CONFIGS / rel), "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    table = NameTable()
    load_table_file(table, out)  # the strict loader accepts it
    forms = sum(len(e.names["en"].deprecated) for e in table.entities.values())
    err = proc.stderr.decode()
    assert f"imported {forms} forms" in err and forms == rows  # every row mapped (the bench rows are literal)
    assert import_file(CONFIGS / rel).pairs  # the format is told from the content
    # and the imported table does the job: Selenskyj is deprecated in favour of Zelensky
    check = cli("check", "--no-default-table", "--table", str(out), "--select", "NAME002", "--lang", "en", "-",
                stdin=b"The Ukrainian head of state Volodymyr Selenskyj also took part.\n")
    assert check.returncode == ExitCode.FINDINGS and "[fix: Zelensky]" in check.stdout.decode()


def test_vale_unmappable_entries_are_reported(cli, tmp_path):
    style = tmp_path / "Names.yml"
    style.write_text('extends: substitution\nmessage: "Use %s"\nignorecase: true\nlevel: warning\nswap:\n'
                     '  "Kiev": "Kyiv"\n  "Zelensk(?:iy|yy)": "Zelensky"\n  "Odessa": "Odesa|Odessa"\n'
                     '  "St\\\\. Helena": "Saint Helena"\n')
    proc = cli("table", "import", "--lang", "en", str(style))
    err = proc.stderr.decode()
    assert proc.returncode == 0
    assert f"{style}:7: 'Zelensk(?:iy|yy)' is a regular expression" in err
    assert f"{style}:8: 'Odessa' has several replacements" in err
    assert "option 'ignorecase'" in err and "level 'warning' not mapped" in err
    table = yaml.safe_load(proc.stdout)
    forms = {e["names"]["en"]["preferred"]: e["names"]["en"].get("deprecated") for e in table["entities"]}
    assert forms == {"Kyiv": ["Kiev"], "Saint Helena": ["St. Helena"]}


def test_vale_consistency_style(tmp_path):
    style = tmp_path / "Spelling.yml"
    style.write_text("extends: consistency\nswap:\n  Zelensky: Zelenskyy\n")
    table = to_table(import_file(style), "en", "Spelling.yml")
    (ent,) = table["entities"]
    assert ent["names"]["en"] == {"preferred": "Zelensky", "accepted": ["Zelenskyy"]}


def test_prh_patterns_specs_and_regexes(tmp_path):
    prh = tmp_path / "prh.yml"
    prh.write_text("version: 1\nrules:\n  - expected: Kyiv\n    patterns: [Kiew, \"/Kiev(?:s)?/\"]\n"
                   "    prh: wire style since 2019\n    specs:\n      - from: Kiew\n        to: Kyiv\n"
                   "  - expected: $1 Zelensky\n    pattern: /(\\w+) Selenskyj/\n  - expected: Odesa\n")
    imp = import_file(prh)
    assert imp.pairs == [("Kiew", "Kyiv", "wire style since 2019")]
    why = "\n".join(imp.skipped + imp.notes)
    assert "/Kiev(?:s)?/" in why and "capture groups" in why and "without 'pattern'" in why and "specs" in why


def test_codespell_multiple_suggestions_and_case(tmp_path):
    d = tmp_path / "names.dict"
    d.write_text("# comment\nkiew->Kyiv\nodessa->Odesa, Odessa,\nbad line\nlemberg->Lviv,\n")
    imp = import_file(d)
    assert imp.pairs == [("Kiew", "Kyiv", ""), ("Lemberg", "Lviv", "codespell: no automatic fix")]
    assert any(":3:" in s and "2 suggestions" in s for s in imp.skipped) and any(":4:" in s for s in imp.skipped)
    assert any("capitalised" in n for n in imp.notes)


def test_literal():
    assert literal("/(?<![A-Za-z0-9À-ɏ])Kiew(?![A-Za-z0-9À-ɏ])/") == "Kiew"
    assert literal("/\\bSt\\. Helena\\b/u") == "St. Helena"
    assert literal("Kiew") == "Kiew" and literal("Kiew|Kiev") is None and literal("/Ki.w/") is None


def test_bad_input_exit_codes(cli, tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("extends: substitution\nswap: [\n")
    proc = cli("table", "import", "--from", "vale", str(bad))
    assert proc.returncode == ExitCode.TABLE and f"{bad}:" in proc.stderr.decode()
    assert cli("table", "import", str(tmp_path / "missing.dict")).returncode == ExitCode.TABLE
    assert cli("table", "import", "--lang", "xx", str(bad)).returncode == ExitCode.LANGUAGE
