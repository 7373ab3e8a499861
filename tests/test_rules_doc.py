"""docs/rules.md is generated from the rules' docstrings and must not be stale; the README links to it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_builder():
    spec = importlib.util.spec_from_file_location("build_rules_doc", ROOT / "scripts" / "build_rules_doc.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_rules_page_is_up_to_date():
    expected = load_builder().render()
    actual = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is stale: run python scripts/build_rules_doc.py"


def test_rules_page_covers_every_rule_and_readme_links_it():
    from checker.rules import all_rules

    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in all_rules():
        assert f"## {rule.code} {rule.name}" in page
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/rules.md" in readme
    missing = [rule.code for rule in all_rules() if f"| {rule.code} | {rule.name} |" not in readme]
    assert not missing, f"README's rules table lacks {missing}"


def test_rules_table_and_explain(cli):
    out = cli("rules").stdout.decode()
    assert out.splitlines()[0].split()[:5] == ["CODE", "NAME", "FAMILY", "FIX", "STATUS"]
    import json

    rows = json.loads(cli("rules", "--format", "json").stdout)
    assert {"code", "name", "family", "fix", "status", "summary"} <= set(rows[0])
    assert "Fix safety:" in cli("explain", "name001").stdout.decode()
