"""Table forms are found through their anchor words: a capitalised word of the form, then the rest of the
form around it, with case endings of the copy's or the form's language."""

from checker.names.compiled import compiled_finder


def _found(text, lang="en"):
    finder = compiled_finder()
    return [(text[m.start:m.end], m.form) for m in finder.find(text, lang) if m.infos]


def test_form_whose_anchor_is_not_its_first_word():
    assert ("the Netherlands", "the Netherlands") in _found("Talks in the Netherlands ended on Monday.")


def test_inflected_form_runs_on_into_its_case_ending():
    assert ("Selenskyjs", "Selenskyj") in _found("Das ist Selenskyjs Plan, sagte er.", "de")


def test_form_inside_a_longer_word_is_not_a_mention():
    assert not any(form == "Kyiv" for _, form in _found("The Kyivstar network went down."))


def test_form_without_a_capitalised_word_is_found_by_search():
    assert ("obwód kurski", "obwód kurski") in _found("Atak na obwód kurski trwa.", "pl")


def test_form_after_a_hyphen_starts_a_word():
    assert ("Putin", "Putin") in _found("The pro-Putin camp met.")


def test_a_form_of_the_copys_language_wins_over_another_form_with_an_ending(tmp_path):
    """"Athens" is the English form; it is also the German "Athen" with a genitive s. Of two forms over
    one span, the one valid in the copy's language is the mention (it was the shorter one, and a table
    that deprecates Athen in English flagged every Athens)."""
    table = tmp_path / "names.tsv"
    table.write_text("from\tto\tlang\tsource\nAthen\tAthens\ten\tGerman exonym\n", encoding="utf-8")
    finder = compiled_finder([str(table)])
    text = "Talks in Athens ended on Monday."
    assert [(text[m.start:m.end], m.form) for m in finder.find(text, "en") if m.infos] == [("Athens", "Athens")]
