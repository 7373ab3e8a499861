"""Build ``checker/data/calques/<src>-<tgt>.tsv``: calques and literal translations per language pair.

Two inputs, each row keeping where it comes from:

* ``../shared/data/calques_web_evidence.tsv`` (hand-collected web evidence, one fact per row with URL and
  quote): every ``literal_calque`` row becomes a calque of its pair; the ``usual_english_equivalent`` /
  ``equivalent`` rows of the same source term become its idiomatic alternatives.
* ``HAND_ROWS`` below: entries written by hand, each naming its evidence (a URL of real usage, or the
  labelling rules of ``../shared/eval/README.md``, which describe real machine-translated copy). A hand row
  with the same calque as an evidence row adds its pattern, alternatives and context to it.

Output columns (TSV, ``#`` comments):

``calque``        a Python regular expression (case-sensitive; ``(?i)`` for case-insensitive), matched on
                  word boundaries in the document text;
``alternatives``  idiomatic alternatives, ``|``-separated (the first is the suggestion);
``right_when``    where the calque is right: a regular expression searched in the paragraph around the
                  match (a country, a sport), and/or the word ``quote`` (right inside a direct quotation);
                  empty: never right;
``source``        where the entry comes from (evidence file row and URL, or the hand row's evidence);
``note``          the source-language term and a short explanation for the message.

Run: ``python scripts/build_calque_data.py [path/to/shared/data]``.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "checker" / "data" / "calques"
SHARED = ROOT.parent / "shared" / "data"
EVIDENCE = "calques_web_evidence.tsv"

EVAL_RULES = "shared/eval/README.md labelling rules (real WMT system output)"

#: (pair, calque regex, alternatives, right_when, source, note)
HAND_ROWS: list[tuple[str, str, str, str, str, str]] = [
    ("de-en", r"Federal Chancellor(?:'s|’s)?", "Chancellor|German Chancellor",
     r"Austria|Austrian|Vienna|Wien",
     f"{EVAL_RULES}: 'Federal President/Federal Chancellor (German President/Chancellor)'; Austria's government "
     "uses 'Federal Chancellor' in English (bundeskanzleramt.gv.at), hence the context",
     "Bundeskanzler"),
    ("de-en", r"Federal President(?:'s|’s)?", "President|German President",
     r"Austria|Austrian|Vienna|Van der Bellen",
     f"{EVAL_RULES}: 'Federal President/Federal Chancellor (German President/Chancellor)'; Austria's head of "
     "state is styled 'Federal President' in English (bundespraesident.at), hence the context",
     "Bundespräsident"),
    ("de-en", r"Federal Council", "Bundesrat|upper house",
     r"Swiss|Switzerland|Bern|Confederation|Keystone|SDA|Austria",
     "issue 3 of this project names it; Switzerland's government is officially 'the Federal Council' in "
     "English (admin.ch), and Austria's upper house too (parlament.gv.at), hence the context; not verified "
     "in the stored corpus", "Bundesrat"),
    # "Kremlin chief" (evidence row Kreml-Chef) is left out: English wire copy uses it too, the eval does not label it
    ("de-en", r"(?:according to|from) negotiat(?:ing|ion|ors') circles",
     "according to sources close to the negotiations|negotiators said", "",
     "issue 3 of this project ('according to negotiating circles'): German 'aus Verhandlungskreisen'; "
     "English news attributes to 'sources close to the negotiations' (e.g. deutsch.news-pravda.com/world/2025/"
     "04/23/62169.html renders the English press as 'eine mit dem Verlauf der Verhandlungen vertraute Quelle')",
     "aus Verhandlungskreisen"),
    ("de-en", r"(?:according to|from) government circles", "according to government sources|officials said", "",
     "same pattern as 'aus Verhandlungskreisen' (German 'aus Regierungskreisen'); issue 3 of this project",
     "aus Regierungskreisen"),
    ("de-en", r"(?i:king(?:'s|’s|s)?[- ]class|class of kings)", "Champions League",
     r"(?i)formula|motor|grand prix|F1|MotoGP|heavyweight|boxing",
     "Königsklasse = Champions League in German football writing: tagesspiegel.de/sport/champions-league-weg-"
     "mit-der-konigsklasse-10926361.html ('Die Champions League ... wird seit Jahren munter als „Königsklasse“ "
     f"etikettiert'); {EVAL_RULES}: 'king-class/king's class (Königsklasse = Champions League)'. In motor "
     "sport Königsklasse means Formula One (same article), hence the context",
     "Königsklasse"),
    ("de-en", r"Kremlin's chief diplomat", "Russian Foreign Minister", "",
     f"{EVIDENCE}: Chef-Diplomat des Kreml -> Kremlin's chief diplomat (literal_calque)",
     "Chef-Diplomat des Kreml"),
    ("de-en", r"(?i:state and party (?:leader|chief))", "President|leader", "",
     f"{EVIDENCE}: Staats- und Parteichef -> state and party leader (literal_calque)",
     "Staats- und Parteichef"),
    ("en-de",
     r"(?<![Dd]er )(?<![Dd]ie )(?<![Ee]ine )(?<![Ee]iner )(?<![Ee]inem )(?<![Dd]en )(?<!dem )"
     r"\b(?:Herrn?|Frau)(?= (?!und\b|oder\b)[A-ZÄÖÜ][\w’'-]*[a-zäöüß](?:[ .,;:!?]|$))",
     "(drop the title)", "quote",
     f"{EVAL_RULES}: 'Herr/Frau + surname for English Mr/Ms/Mrs in running news text (Herr Putin, Frau "
     "Hyslop); German news copy names people without a title. Inside direct quotations it would be dont_care'; "
     "blog-cj.de/2008/06/05/mr-obama-and-mrs-clinton/ (a German journalist: trainees are taught to write the "
     "bare 'Kohl', 'Schröder', unlike English 'Mr. Obama')",
     "Mr/Mrs/Ms"),
]


def read_evidence(folder: Path) -> list[dict]:
    with (folder / EVIDENCE).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def build(folder: Path) -> dict[str, list[list[str]]]:
    rows = read_evidence(folder)
    pairs: dict[str, dict[str, list[str]]] = {}
    for n, row in enumerate(rows, start=2):
        if row["relation"] != "literal_calque":
            continue
        pair = f"{row['source_lang']}-{row['target_lang']}"
        alts = [r["target_term"] for r in rows
                if r["source_term"] == row["source_term"] and r["target_lang"] == row["target_lang"]
                and r["relation"] in ("usual_english_equivalent", "equivalent")]
        src = f"{EVIDENCE}:{n} {row['source_url']}"
        pairs.setdefault(pair, {})[row["target_term"]] = [
            re.escape(row["target_term"]), "|".join(alts), "", src, row["source_term"]]
    for pair, pattern, alts, right, source, note in HAND_ROWS:
        re.compile(pattern)
        plain = pattern.replace("\\", "")
        entry = pairs.setdefault(pair, {})
        key = next((k for k in entry if re.fullmatch(pattern, k)), plain)
        old = entry.get(key)
        if old:  # an evidence row: the hand row adds pattern, alternatives and context
            entry[key] = [pattern, alts or old[1], right, f"{old[3]}; {source}", note or old[4]]
        else:
            entry[key] = [pattern, alts, right, source, note]
    out: dict[str, list[list[str]]] = {}
    for pair, entry in pairs.items():
        out[pair] = [v for v in entry.values() if v[1]]  # a calque without an alternative cannot be reported
    return out


def main(argv: list[str]) -> None:
    folder = Path(argv[1]) if len(argv) > 1 else SHARED
    OUT.mkdir(parents=True, exist_ok=True)
    for pair, rows in sorted(build(folder).items()):
        if not rows:
            continue
        path = OUT / f"{pair}.tsv"
        with path.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write(f"# Calques {pair}: built by scripts/build_calque_data.py from {EVIDENCE} and hand rows "
                     "(each row names its source). Edit the script, not this file.\n")
            fh.write("# calque (regex)\talternatives (|)\tright_when (regex in the paragraph | quote)\tsource\tnote\n")
            for row in rows:
                fh.write("\t".join(c.replace("\t", " ") for c in row) + "\n")
        print(path.relative_to(ROOT), len(rows))


if __name__ == "__main__":
    main(sys.argv)
