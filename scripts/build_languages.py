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
* ``checker/data/untranslated/rare_words.en-de.txt.gz``: English words beyond that vocabulary that wordfreq
  finds in English (Zipf >= ``RARE_ZIPF``) and never in German, for ART002's check of English words copied
  into German copy, and ``unseen_words.de-en.txt.gz``: German words wordfreq never finds in English, for its
  check of German words copied into English copy (see ``checker/data/untranslated/SOURCES.md``).

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


#: The rarest English words kept in the English-only word list (about once in 100 million words).
RARE_ZIPF = 2.0
RARE_WORDS = DATA / "untranslated" / "rare_words.en-de.txt.gz"


def build_rare_words() -> None:
    """English words outside the English vocabulary that wordfreq never sees in German text."""
    import re

    import wordfreq

    from checker.documents import vocabulary

    en = vocabulary("en")
    word = re.compile(r"^[^\W\d_]+$")
    out = []
    for w in wordfreq.iter_wordlist("en"):  # most frequent first
        if not word.match(w) or w in en:
            continue
        if wordfreq.zipf_frequency(w, "en") < RARE_ZIPF:
            break
        if wordfreq.zipf_frequency(w, "de") == 0:
            out.append(w)
    header = (f"# English words outside vocab/en.txt.gz (its 40,000 most frequent) that wordfreq {version('wordfreq')}"
              f" finds in English at Zipf >= {RARE_ZIPF} and never in German (zipf_frequency(w, 'de') == 0);"
              " alphabetic, lower case, one a line. Data CC BY-SA 4.0 (wordfreq). See lang/SOURCES.md.\n")
    with gzip.GzipFile(RARE_WORDS, "wb", mtime=0) as fh:
        fh.write((header + "\n".join(sorted(out)) + "\n").encode("utf-8"))
    print(f"{RARE_WORDS}: {len(out)} words")


UNSEEN_WORDS = DATA / "untranslated" / "unseen_words.de-en.txt.gz"
#: German words kept: Zipf >= 3.0 (those of the German vocabulary), or >= 2.0 with a noun suffix.
UNSEEN_ZIPF, UNSEEN_SUFFIX_ZIPF = 3.0, 2.0


def build_unseen_words() -> None:
    """German words that wordfreq never sees in English text, which holds German place names and surnames
    (Pforzheim, Kassel, Bundestag) but not German common words (nachlegen, närrin, bürgermeister)."""
    import re

    import wordfreq

    from checker.datafiles import tsv_rows

    suffixes = next(r[2].split() for r in tsv_rows("untranslated", "copied_word_forms.tsv")
                    if r[:2] == ["de", "noun_suffix"])
    word = re.compile(r"^[^\W\d_]+$")
    out = []
    for w in wordfreq.iter_wordlist("de"):  # most frequent first
        z = wordfreq.zipf_frequency(w, "de")
        if z < UNSEEN_SUFFIX_ZIPF:
            break
        if not word.match(w) or wordfreq.zipf_frequency(w, "en") != 0:
            continue
        if z >= UNSEEN_ZIPF or any(w.endswith(s) and len(w) >= len(s) + 3 for s in suffixes):
            out.append(w)
    header = (f"# German words that wordfreq {version('wordfreq')} finds in German at Zipf >= {UNSEEN_ZIPF}, or at"
              f" Zipf >= {UNSEEN_SUFFIX_ZIPF} when they end in a noun suffix of copied_word_forms.tsv (three letters"
              " before it), and never in English (zipf_frequency(w, 'en') == 0); alphabetic, lower case, one a line."
              " Data CC BY-SA 4.0 (wordfreq). See SOURCES.md.\n")
    with gzip.GzipFile(UNSEEN_WORDS, "wb", mtime=0) as fh:
        fh.write((header + "\n".join(sorted(out)) + "\n").encode("utf-8"))
    print(f"{UNSEEN_WORDS}: {len(out)} words")


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
    build_rare_words()
    build_unseen_words()


if __name__ == "__main__":
    main()
