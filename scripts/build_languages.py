"""Build the language data checker reads at run time:

* ``checker/data/languages.tsv``: ISO 639-1 codes with English names, from Unicode CLDR via babel
  (``Locale('en').languages``, Unicode License v3). Only two-letter codes (``story.de.txt``, ``--lang``).
* ``checker/data/lang/function_words.tsv``: the most frequent words of each language that wordfreq covers
  well (wordfreq 3.x ``top_n_list``; data CC BY-SA 4.0, from Wikipedia, subtitles, news, books, web text),
  for the cheap first guess of a text's language before langdetect.
* ``checker/data/lang/vocab/<lang>.txt.gz``: a compact vocabulary per language that checker has format
  data for (``checker/data/formats/``, less Chinese, Japanese and Korean, which are told by their script):
  the ``VOCAB_WORDS`` most frequent words with their Zipf frequency (wordfreq 3.x ``zipf_frequency``,
  log10 of occurrences per billion words, rounded to 0.1). Read lazily by ``checker.documents.vocabulary`` for the
  untranslated-word check (ART002) and to tell the language of a short text. Words are alphabetic only
  (no digits, no apostrophes: checker splits words there); one line per Zipf band, most frequent first.

Both packages are needed only here, never at run time: ``pip install babel wordfreq`` then
``python scripts/build_languages.py``.
"""

from __future__ import annotations

import gzip
from importlib.metadata import version
from pathlib import Path

from babel import Locale, __version__

DATA = Path(__file__).resolve().parent.parent / "checker" / "data"
OUT = DATA / "languages.tsv"
FUNCTION_WORDS = DATA / "lang" / "function_words.tsv"
#: How many of each language's most frequent words to keep.
TOP_WORDS = 120
VOCAB = DATA / "lang" / "vocab"
#: Words per language in the vocabularies: 40,000 reaches down to Zipf 2.7 in English and 3.0 in German
#: (words seen about once per million), so "rare in this language" can be told for any word that is
#: common (Zipf 3.5 and up) in another; a dict of that size is about 5 MB in memory.
VOCAB_WORDS = 40_000
#: Languages told by script alone (Han, kana, Hangul) and not split into words by spaces: no vocabulary.
NO_VOCAB = {"ja", "ko", "zh"}


def build_function_words() -> None:
    import wordfreq

    langs = sorted(code for code in wordfreq.available_languages("best") if len(code) == 2)
    with FUNCTION_WORDS.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("# The most frequent words per language (wordfreq top_n_list, data CC BY-SA 4.0);"
                 " built by scripts/build_languages.py\n")
        fh.write("lang\twords\n")
        for code in langs:
            words = [w for w in wordfreq.top_n_list(code, TOP_WORDS * 2) if w.isalpha()][:TOP_WORDS]
            fh.write(f"{code}\t{' '.join(words)}\n")
    print(f"{FUNCTION_WORDS}: {len(langs)} languages")


def build_vocabularies() -> None:
    import wordfreq

    langs = sorted(p.stem for p in (DATA / "formats").glob("*.yml") if p.stem not in NO_VOCAB)
    VOCAB.mkdir(exist_ok=True)
    for code in langs:
        words = [w for w in wordfreq.top_n_list(code, VOCAB_WORDS * 2) if w.isalpha()][:VOCAB_WORDS]
        bands: dict[int, list[str]] = {}
        for w in words:
            bands.setdefault(round(wordfreq.zipf_frequency(w, code) * 10), []).append(w)
        lines = [f"# {code}: the {len(words)} most frequent words by Zipf frequency x 10 (wordfreq"
                 f" {version('wordfreq')}, data CC BY-SA 4.0); built by scripts/build_languages.py"]
        lines += [f"{z}\t{' '.join(sorted(ws))}" for z, ws in sorted(bands.items(), reverse=True)]
        data = ("\n".join(lines) + "\n").encode("utf-8")
        with gzip.GzipFile(VOCAB / f"{code}.txt.gz", "wb", compresslevel=9, mtime=0) as fh:
            fh.write(data)
    print(f"{VOCAB}: {len(langs)} languages ({', '.join(langs)})")


def main() -> None:
    names = Locale("en").languages
    rows = sorted((code, name) for code, name in names.items() if len(code) == 2 and code.isalpha())
    with OUT.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(f"# ISO 639-1 codes and English names from Unicode CLDR via babel {__version__}"
                 " (Unicode License v3); built by scripts/build_languages.py\n")
        fh.write("code\tname\n")
        for code, name in rows:
            fh.write(f"{code}\t{name}\n")
    print(f"{OUT}: {len(rows)} languages")
    build_function_words()
    build_vocabularies()


if __name__ == "__main__":
    main()
