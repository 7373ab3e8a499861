"""Real copy for the tests that pin a fast path to its plain version: every rule case's text and source,
and the first documents of ../shared/eval (where the shared folder is there)."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]


def real_texts(eval_docs: int = 150, sources: bool = True) -> list[tuple[str, str]]:
    """(text, language) of the rule cases (with their sources when ``sources``) and of the first
    ``eval_docs`` lines of each eval corpus (and their sources)."""
    out: list[tuple[str, str]] = []
    for path in sorted((ROOT / "tests" / "rules" / "cases").glob("*.yml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            if isinstance(case.get("text"), str):
                out.append((case["text"], case["lang"]))
            if sources and isinstance(case.get("source"), str):
                out.append((case["source"], case.get("source_lang") or "und"))
    for name in ("dev.jsonl", "mqm-dev.jsonl"):
        corpus = ROOT.parent / "shared" / "eval" / name
        if not corpus.is_file():
            continue
        for line in corpus.read_text(encoding="utf-8").splitlines()[:eval_docs]:
            if line.strip():
                doc = json.loads(line)
                out.append((doc["text"], doc.get("lang") or "en"))
                if sources and doc.get("source"):
                    out.append((doc["source"]["text"], doc["source"].get("lang") or "und"))
    return out
