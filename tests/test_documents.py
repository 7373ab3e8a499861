"""Reading copy: encodings, BOM, line endings, positions as an editor shows them, language."""

from __future__ import annotations

import codecs

import pytest

from checker.documents import (
    LineIndex,
    decode,
    detect_language,
    language_from_filename,
    normalize_language,
    read_document,
)
from checker.errors import InputError, LanguageError

LINE = "Ukrainian President Volodymyr Zelensky is welcomed by French President Emmanuel Macron in Paris."


def test_utf8_bom_is_not_part_of_the_text():
    text, enc, bom = decode(codecs.BOM_UTF8 + LINE.encode())
    assert (text, enc, bom) == (LINE, "utf-8", True)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    text, enc, has_bom = decode(bom + LINE.encode(codec))
    assert text == LINE and enc == "utf-16" and has_bom


def test_crlf_kept_and_lines_counted_like_an_editor():
    text = "SDA\r\n\r\n6.1.2026 - 19:48\r\nKiew\tand Kyiv"
    idx = LineIndex(text)
    assert idx.position(text.index("6.1")) == (3, 1)
    assert idx.position(text.index("Kyiv")) == (4, 10)  # a tab is one column
    assert idx.position(text.index("\r\n")) == (1, 4)


def test_lone_cr_and_astral_characters():
    text = "a\rb 😀 Kiew"
    assert LineIndex(text).position(text.index("Kiew")) == (2, 5)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Zürich".encode("latin-1"), "invalid UTF-8"),
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
    ],
)
def test_bad_bytes_give_one_clear_error(data, message):
    with pytest.raises(InputError, match=message):
        decode(data, "story.en.txt")


def test_invalid_utf8_names_the_line():
    with pytest.raises(InputError, match=r"story.en.txt:2: invalid UTF-8 \(byte 0xfc"):
        decode("Kiew\nZürich".encode("latin-1"), "story.en.txt")


def test_language_from_file_name():
    assert language_from_filename("copy/coalition.de.txt") == "de"
    assert language_from_filename("copy/coalition.ua.md") == "uk"
    assert language_from_filename("copy/coalition.txt") is None
    assert language_from_filename("copy/v1.2.txt") is None


def test_unknown_language_code():
    assert normalize_language("de-CH") == "de"
    with pytest.raises(LanguageError, match="unknown language code 'xx'"):
        normalize_language("xx")


def test_detection_is_deterministic(seed_text):
    assert {detect_language(seed_text) for _ in range(5)} == {"en"}
    german = ("Die Koalition der Willigen will die Sicherheit der Ukraine garantieren. Bundeskanzler "
              "Friedrich Merz reiste aus Deutschland an, auch Nato-Generalsekretär Mark Rutte nahm teil.")
    assert detect_language(german) == "de"


def test_detection_below_the_floor_asks_for_lang():
    with pytest.raises(LanguageError, match="cannot tell the language"):
        detect_language("Kyiv 2026 NATO EU", "x.txt")


def test_read_document_resolves_language(tmp_path, seed_text):
    p = tmp_path / "story.txt"
    p.write_bytes(seed_text.replace("\n", "\r\n").encode())
    doc = read_document(p)
    assert doc.lang == "en" and doc.lang_origin == "detected" and doc.newline == "\r\n"
    assert read_document(p, lang="de").lang == "de"


def test_function_words_give_a_cheap_guess(seed_text):
    from checker.documents import guess_language_by_function_words

    assert guess_language_by_function_words(seed_text) == "en"
    german = ("Die Koalition der Willigen will die Sicherheit der Ukraine garantieren. Bundeskanzler Friedrich "
              "Merz reiste aus Deutschland an, und auch der Generalsekretär der Nato nahm an dem Treffen teil, "
              "das in Paris stattfand. Es ist nicht klar, wie viele Soldaten die Länder schicken wollen.")
    assert guess_language_by_function_words(german) == "de"
    assert guess_language_by_function_words("Merz, Macron, Rutte, Costa") is None


# Short news lines (headlines, one-sentence briefs) whose function words are too few for the cheap guess:
# the vocabulary guess tells them, word by word.
SHORT_LINES = [
    ("en", "President Selenskyj spoke in Kiew on Monday."),
    ("en", "Storm closes schools across the north."),
    ("de", "Bundesregierung verschiebt Entscheidung über Panzer."),
    ("de", "Bahn streicht Verbindungen nach Zürich."),
    ("fr", "Le président a parlé lundi à Kiev."),
    ("fr", "Grève massive dans les transports publics."),
    ("pl", "Rząd podnosi ceny prądu od stycznia."),
    ("cs", "Prezident promluvil v pondělí v Kyjevě."),
    ("es", "El presidente habló el lunes en Kiev."),
    ("it", "Il presidente ha parlato lunedì a Kiev."),
    ("pt", "O presidente falou na segunda-feira em Kiev."),
    ("ru", "Президент выступил в понедельник в Киеве."),
    ("uk", "Президент виступив у понеділок у Києві."),
]


@pytest.mark.parametrize(("lang", "line"), SHORT_LINES)
def test_short_lines_are_told_by_their_words(lang, line):
    from checker.documents import guess_language_by_function_words, guess_language_by_vocabulary

    assert guess_language_by_function_words(line) is None  # too few function words: the vocabulary decides
    assert guess_language_by_vocabulary(line) == lang
    assert detect_language(line) == lang


@pytest.mark.parametrize("text", [
    "Merz Macron Rutte Costa",  # names only: no ordinary word
    "Kyiv 2026 NATO EU",
    "Internet radio hotel taxi",  # words every language has
    "Die Kinder spielen.",  # two ordinary words: too few
])
def test_thin_or_shared_words_give_no_vocabulary_guess(text):
    from checker.documents import guess_language_by_vocabulary

    assert guess_language_by_vocabulary(text) is None


def test_vocabulary_guess_is_deterministic_and_cheap():
    import time

    from checker.documents import guess_language_by_vocabulary

    line = "President Selenskyj spoke in Kiew on Monday."
    assert {guess_language_by_vocabulary(line) for _ in range(3)} == {"en"}  # the vocabularies are read now
    start = time.perf_counter()
    for _ in range(100):
        guess_language_by_vocabulary(line)
    assert (time.perf_counter() - start) / 100 < 0.005


def test_vocabularies_are_read_only_when_the_function_words_do_not_decide(seed_text):
    import subprocess
    import sys

    code = ("import sys, checker.cli, checker.documents as d; text = sys.stdin.read(); "
            "assert d.guess_language_by_function_words(text) == 'en'; n = d.vocabulary.cache_info().currsize; "
            "d.detect_language(text); print(n, d.vocabulary.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], input=seed_text, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0", "0"]  # neither start-up nor a decided guess reads a vocabulary


def test_short_file_without_language_in_its_name(cli, tmp_path):
    p = tmp_path / "brief.txt"
    p.write_text("President Selenskyj spoke in Kiew on Monday.\n", encoding="utf-8")
    proc = cli("check", "--select", "NAME001", str(p))
    assert proc.returncode == 1 and b"German form" in proc.stdout  # told as English: Selenskyj, Kiew are German
    q = tmp_path / "ambiguous.txt"
    q.write_text("Internet radio hotel taxi\n", encoding="utf-8")
    proc = cli("check", str(q))
    assert proc.returncode == 6 and b"cannot tell the language" in proc.stderr
