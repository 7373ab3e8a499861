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
