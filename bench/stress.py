"""Stress inputs: shapes of copy that the bench corpus lacks, where a rule's work could grow faster than the
text. Each input is built from the real English bench text (``../shared/bench/corpus/wmt-en-5mb.txt.gz``) or the
eval documents, written to a temporary folder, and checked once with all rules; the table gives seconds,
MB/s and peak memory, so that a superlinear path shows up as a row far slower than the others.

    python bench/stress.py                       # from the repository root; prints a markdown table
    python bench/stress.py --checker /tmp/snap/venv/bin/checker --size 1000000

Rows (about ``--size`` characters each unless said):

* ``prose``: the bench text as it is (the reference row);
* ``one-line``: the same text with its line breaks made spaces (one 1 MB "paragraph");
* ``short-lines``: one word a line;
* ``title-case``: every word capitalised (a headline-style file: every word a name candidate);
* ``same-name``: one story's sentences naming one person in a foreign form, again and again;
* ``numbers``: 100,000 decimal-comma numbers (a German table checked as English: a finding each);
* ``json-names``: a one-line JSON list of 30,000 records naming a place in a foreign form;
* ``duplicates``: 8,000 lines drawn from 200 distinct ones (near and exact repeats);
* ``story-folder``: 2,000 one-line ``story-N.en.txt`` files in one folder (pairing, sibling lookup).
"""

from __future__ import annotations

import argparse
import gzip
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT.parent / "shared" / "bench" / "corpus" / "wmt-en-5mb.txt.gz"


def _base_text(size: int) -> str:
    text = gzip.open(SAMPLE, "rt", encoding="utf-8").read().replace("\f", "\n")
    return text[:size]


def build(folder: Path, size: int) -> list[tuple[str, Path]]:
    """The stress inputs in ``folder``: (row name, file or folder to check)."""
    rng = random.Random(7)
    text = _base_text(size)
    words = text.split()
    lines = [line for line in text.split("\n") if line.strip()]
    rows: dict[str, str] = {
        "prose": text,
        "one-line": text.replace("\n", " "),
        "short-lines": "\n".join(words),
        "title-case": " ".join(w.capitalize() for w in words),
        "same-name": "Olaf Scholz met Wolodymyr Selenskyj in Berlin on Monday. " * (size // 60),
        "numbers": " ".join(f"{rng.randrange(100000)},5" for _ in range(100_000)),
        "json-names": '{"a": [' + ",".join(f'{{"name": "Kiew {i}", "v": {i}.5}}' for i in range(30_000)) + "]}",
        "duplicates": "\n".join(rng.choice(lines[:200]) for _ in range(8000)),
    }
    out = []
    for name, body in rows.items():
        p = folder / f"{name}.en.txt"
        p.write_text(body, encoding="utf-8")
        out.append((name, p))
    stories = folder / "story-folder"
    stories.mkdir()
    for i in range(2000):
        (stories / f"story-{i}.en.txt").write_text(rng.choice(lines[:500]) + "\n", encoding="utf-8")
    out.append(("story-folder", stories))
    return out


def _size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.iterdir()) if path.is_dir() else path.stat().st_size


def run(checker: str, target: Path) -> tuple[float, int, int]:
    """(wall seconds, peak RSS in KB, exit status) of one all-rules check of ``target``."""
    time_bin = shutil.which("time") or "/usr/bin/time"
    start = time.perf_counter()
    proc = subprocess.run([time_bin, "-f", "%M", checker, "check", "--format", "json", str(target)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    peak = int(proc.stderr.strip().splitlines()[-1]) if proc.stderr.strip() else 0
    return wall, peak, proc.returncode


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--checker", default="checker", help="the checker executable to time")
    ap.add_argument("--size", type=int, default=1_000_000, help="characters of bench text per row")
    args = ap.parse_args(argv)
    if not SAMPLE.is_file():
        print(f"stress: {SAMPLE} not found", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        inputs = build(Path(tmp), args.size)
        print("| input | MB | wall s | MB/s | peak RSS MB | exit |")
        print("|---|---|---|---|---|---|")
        for name, target in inputs:
            wall, peak, code = run(args.checker, target)
            mb = _size(target) / 1e6
            print(f"| {name} | {mb:.2f} | {wall:.2f} | {mb / wall:.2f} | {peak / 1024:.0f} | {code} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
