"""Build ``checker/data/names/keys/nicknames.tsv``: English given names and their short forms (Joseph, Joe;
Edward, Ted; Robert, Bob), which the name clusterer lets meet as one given name beside a surname that meets.

Input: the ``names.csv`` of the PyPI package ``nicknames`` 1.0.1 (Carlton Northern and Nick Crews,
"Hand-curated dataset of English names and nicknames", https://github.com/carltonnorthern/nicknames,
Apache-2.0), a dependency of this script only: ``pip install nicknames==1.0.1``.

Kept: every ``has_nickname`` pair of two names of three letters or more (a two-letter short form such as
"Al" or "Ed" stands for too many names to tell anyone apart). Output: ``name<TAB>short form``, lowercase,
sorted, with this provenance as a comment header.

Usage: ``python scripts/build_nickname_data.py [--out checker/data/names/keys/nicknames.tsv]``
"""

from __future__ import annotations

import argparse
import csv
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_LETTERS = 3
HEADER = """# English given names and their short forms (Joseph, Joe; Edward, Ted): the name clusterer
# (checker/names/cluster.py) lets the two meet as one given name beside a surname that meets.
# Built by scripts/build_nickname_data.py from names.csv of the PyPI package nicknames 1.0.1
# (Carlton Northern, Nick Crews; https://github.com/carltonnorthern/nicknames; Apache-2.0).
# Pairs of names of three letters or more. Edit the script, not this file.
# name	short form
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "checker" / "data" / "names" / "keys" / "nicknames.tsv")
    args = ap.parse_args(argv)
    text = resources.files("nicknames").joinpath("names.csv").read_text(encoding="utf-8")
    pairs = set()
    for row in csv.DictReader(text.splitlines()):
        name, short = row["name1"].strip().lower(), row["name2"].strip().lower()
        if row["relationship"] == "has_nickname" and min(len(name), len(short)) >= MIN_LETTERS \
                and name.isalpha() and short.isalpha() and name != short:
            pairs.add((name, short))
    args.out.write_text(HEADER + "".join(f"{a}\t{b}\n" for a, b in sorted(pairs)), encoding="utf-8")
    print(f"wrote {args.out}: {len(pairs)} pairs")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
