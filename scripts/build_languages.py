"""Build the language data checker reads at run time:

* ``checker/data/languages.tsv``: ISO 639-1 codes with English names, from Unicode CLDR via babel
  (``Locale('en').languages``, Unicode License v3). Only two-letter codes (``story.de.txt``, ``--lang``).
* ``checker/data/lang/function_words.tsv``: the most frequent words of each language that wordfreq covers
  well (wordfreq 3.x ``top_n_list``; data CC BY-SA 4.0, from Wikipedia, subtitles, news, books, web text),
  for the cheap first guess of a text's language before langdetect.

Both packages are needed only here, never at run time: ``pip install babel wordfreq`` then
``python scripts/build_languages.py``.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale, __version__

DATA = Path(__file__).resolve().parent.parent / "checker" / "data"
OUT = DATA / "languages.tsv"
FUNCTION_WORDS = DATA / "lang" / "function_words.tsv"
#: How many of each language's most frequent words to keep.
TOP_WORDS = 120


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


if __name__ == "__main__":
    main()
