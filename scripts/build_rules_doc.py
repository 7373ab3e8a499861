#!/usr/bin/env python3
"""Write docs/rules.md from the rules' docstrings (the same text `checker explain` and SARIF use).

    python scripts/build_rules_doc.py           # rewrite docs/rules.md
    python scripts/build_rules_doc.py --check   # exit 1 when docs/rules.md is stale (tests/test_rules_doc.py)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "rules.md"


def render() -> str:
    sys.path.insert(0, str(ROOT))
    from checker.rules import DOC_SECTIONS, all_rules, docstring_sections

    rules = all_rules()
    lines = [
        "# Rules",
        "",
        "Generated from the rules' docstrings by `scripts/build_rules_doc.py`; do not edit by hand",
        "(`tests/test_rules_doc.py` fails when this page is stale). `checker explain CODE` prints the same text;",
        "SARIF output carries it as each rule's help.",
        "",
        "Fix: **always** / **sometimes** (the Fix safety section says when) / **none**. `--fix` applies safe fixes,",
        "`--unsafe-fixes` also unsafe ones; display-only suggestions are never applied.",
        "",
        "| code | name | family | severity | fix | status | flags |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rules:
        summary = r.summary().replace("|", "\\|")
        lines.append(f"| [{r.code}](#{r.code.lower()}-{r.name}) | {r.name} | {r.family()} | {r.severity.value} "
                     f"| {r.fix} | {r.status} | {summary} |")
    for r in rules:
        sec = docstring_sections(r)
        lines += ["", f"## {r.code} {r.name}", "", sec["summary"], "",
                  f"Family: {r.family()}. Severity: {r.severity.value}. Fix: {r.fix}. Status: {r.status}."
                  + (f" Languages: {', '.join(sorted(r.languages))}." if r.languages else "")]
        for title in DOC_SECTIONS:
            if title in sec:
                body = sec[title].strip()
                lines += ["", f"**{title}.**", ""]
                if title == "Example":
                    lines += ["```text", body, "```"]
                else:
                    lines.append(body)
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is stale: run python scripts/build_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
