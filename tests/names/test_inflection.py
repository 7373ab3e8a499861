"""Inflected source names carried across scripts into a translation (checker.names.inflection)."""

from __future__ import annotations

import pytest

from checker.names.compiled import compiled_finder
from checker.names.inflection import transliterated_inflections


@pytest.fixture(scope="module")
def finder():
    return compiled_finder()


def _found(finder, text: str, source: str, source_lang: str, lang: str = "en") -> dict[str, tuple[str, str]]:
    return transliterated_inflections(finder.find(text, lang), lang, source, source_lang, finder)


def test_transliterated_locative_meets_the_nominative_the_story_writes(finder):
    # uk-en news: "в Бучі" (locative of Буча) came out as "in Buchi" and "in Buch" beside "Bucha"
    text = ("What happened in Buch calls for a new round of sanctions. Russian troops left Bucha at the end "
            "of March, and the world saw the images from Buchi.")
    source = ("Те, що сталося в Бучі, вимагає нового раунду санкцій. Російські війська залишили Бучу наприкінці "
              "березня, і світ побачив зображення з Бучі.")
    found = _found(finder, text, source, "uk")
    assert found["Buchi"] == ("Бучі", "Bucha")
    assert found["Buch"][1] == "Bucha" and found["Buch"][0] in ("Бучі", "Бучу")  # the stem of either case
    assert set(found) == {"Buch", "Buchi"}


def test_without_the_nominative_in_the_story_the_table_gives_it(finder):
    assert _found(finder, "Shelling hit Kharkova overnight.", "Обстріл Харкова вночі.", "uk") == \
        {"Kharkova": ("Харкова", "Kharkiv")}
    assert _found(finder, "Zelenskogo said the talks would go on.", "Зеленского заявил, что переговоры "
                  "продолжатся.", "ru") == {"Zelenskogo": ("Зеленского", "Zelensky")}


@pytest.mark.parametrize(("text", "source", "source_lang"), [
    # the nominative rendered right, whatever case the source uses
    ("Russian troops left Bucha at the end of March.", "Російські війська залишили Бучу наприкінці березня.", "uk"),
    ("Shelling hit Kharkiv overnight.", "Обстріл Харкова вночі.", "uk"),
    # a person's name that merely looks like a declined form of another name is not the table's
    ("Ivana Petrova met Ivan Petrov in Kyiv.", "Ивана Петрова встретила Ивана Петрова в Киеве.", "ru"),
    # same script: ART004 reads the source as written, nothing to transliterate
    ("Putins spokesman declined to comment.", "Putins Sprecher lehnte einen Kommentar ab.", "de"),
])
def test_right_or_unrelated_names_are_left_alone(finder, text, source, source_lang):
    assert _found(finder, text, source, source_lang) == {}
