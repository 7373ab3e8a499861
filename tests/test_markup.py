"""What is not prose (URLs, e-mail addresses; Markdown code, comments, tags, link targets) is blanked before
the rules read it: no finding inside, and a fix never rewrites it."""

from __future__ import annotations

import json

from checker.markup import non_prose_spans, prose

MARKDOWN = """# Explosions in Kyiv

Read the [report](https://example.com/Kiew/Selenskyj-2026-01-06 "Kiew") and the `Kiew` config key.

```text
Kiew = 1.000,5
```

<!-- Selenskyj: check the spelling -->
Zelensky spoke on Monday in <b class="Kiew">Kiew</b>. ![Selenskyj in Kiew](img/Kiew.png)

[ref]: http://example.org/Selenskyj "Selenskyj"
"""


def test_blanking_keeps_offsets_and_line_breaks():
    text = "See https://example.com/Kiew\nor write to presse@kiew.de today.\r\n"
    out = prose(text, "story.en.txt")
    assert len(out) == len(text) and out.count("\n") == 2 and "\r\n" in out
    assert "Kiew" not in out and "presse" not in out and out.endswith("today.\r\n")
    assert prose("No address here.", "a.txt") == "No address here."


def test_markdown_code_comments_tags_and_targets_are_not_prose():
    out = prose(MARKDOWN, "story.en.md")
    assert len(out) == len(MARKDOWN) and out.count("\n") == MARKDOWN.count("\n")
    kept = [" ".join(line.split()) for line in out.splitlines() if line.strip()]
    assert kept == ["# Explosions in Kyiv", "Read the [report]( ) and the config key.",
                    "Zelensky spoke on Monday in Kiew . ![Selenskyj in Kiew]( )", "[ref]:"]
    # plain text files keep Markdown-looking text as it is (only addresses are blanked)
    assert "`Kiew`" in prose(MARKDOWN, "story.en.txt")
    assert non_prose_spans("plain words", "x.md") == []


def test_no_finding_inside_and_fix_leaves_addresses_alone(cli, tmp_path):
    p = tmp_path / "story.en.md"
    p.write_text(MARKDOWN, encoding="utf-8")
    report = json.loads(cli("check", "--format", "json", "--select", "NAME,FMT", str(p)).stdout)
    found = [(f["match"], f["line"]) for f in report["files"][0]["findings"]]
    assert found == [("Kiew", 10), ("Selenskyj", 10), ("Kiew", 10)]  # the tag's text and the image's alt text
    cli("check", "--fix", str(p))
    fixed = p.read_text(encoding="utf-8")
    assert "https://example.com/Kiew/Selenskyj-2026-01-06" in fixed and "`Kiew`" in fixed
    assert "Kiew = 1.000,5" in fixed and "<!-- Selenskyj" in fixed and "img/Kiew.png" in fixed
    assert 'class="Kiew">Kyiv</b>' in fixed and "![Zelensky in Kyiv]" in fixed
    t = tmp_path / "mail.en.txt"
    t.write_text("Zelensky met Merz in Kyiv; write to presse@kiew.de or see www.kiew.de/Selenskyj today.\n",
                 encoding="utf-8")
    assert json.loads(cli("check", "--format", "json", str(t)).stdout)["files"][0]["findings"] == []
