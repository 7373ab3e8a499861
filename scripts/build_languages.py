"""Build checker/data/languages.tsv: ISO 639-1 language codes with their English names.

Source: Unicode CLDR via babel (``Locale('en').languages``), Unicode License v3. Only two-letter codes
are kept (what file names like ``story.de.txt`` and ``--lang`` use). Run: ``python scripts/build_languages.py``.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale, __version__

OUT = Path(__file__).resolve().parent.parent / "checker" / "data" / "languages.tsv"


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


if __name__ == "__main__":
    main()
