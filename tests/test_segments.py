"""Segmentation: spans are code points into the text; sentences respect abbreviations and ordinals."""

from __future__ import annotations

from checker import segments


def texts(text, segs):
    return [s.text(text) for s in segs]


def test_lines_strip_and_skip_blank():
    text = "  First line \r\n\r\nSecond\rThird\n"
    assert texts(text, segments.lines(text)) == ["First line", "Second", "Third"]


def test_paragraphs():
    text = "One.\nStill one.\n\n\nTwo.\n  \nThree."
    assert texts(text, segments.paragraphs(text)) == ["One.\nStill one.", "Two.", "Three."]


def test_sentences_keep_abbreviations_initials_and_ordinals():
    text = ("Mr. Smith met Donald J. Trump in the U.S. on Monday. He left. "
            "Am 11. Februar sprach Dr. Müller, dt. Fassung. Dann ging er.")
    assert texts(text, segments.sentences(text)) == [
        "Mr. Smith met Donald J. Trump in the U.S. on Monday.",
        "He left.",
        "Am 11. Februar sprach Dr. Müller, dt. Fassung.",
        "Dann ging er.",
    ]


def test_sentences_do_not_cross_lines_and_end_with_quotes():
    text = "He said: \"It is over.\" Then he left\nNew line here."
    assert texts(text, segments.sentences(text)) == ["He said: \"It is over.\"", "Then he left", "New line here."]


def test_sentence_after_a_year():
    text = "It happened in 2023. Nobody noticed."
    assert texts(text, segments.sentences(text)) == ["It happened in 2023.", "Nobody noticed."]


def test_clauses_keep_decimal_commas():
    text = "Prices rose by 8,5 percent, the office said; exports fell (slightly)."
    sent = segments.sentences(text)[0]
    assert texts(text, segments.clauses(text, sent)) == [
        "Prices rose by 8,5 percent", "the office said", "exports fell", "slightly", "."]


def test_words_spans_are_code_points():
    text = "🙂 Selenskyj’s visit"
    got = [(w.start, w.end, w.text(text)) for w in segments.words(text)]
    assert got == [(2, 13, "Selenskyj’s"), (14, 19, "visit")]


def test_quoted_spans():
    text = "Er sagte: „Wir bleiben.“ Sie sagte \"nein\" und ging. Don't split 'em"
    q = segments.quoted_spans(text)
    assert [text[a:b] for a, b in q.spans] == ["„Wir bleiben.“", "\"nein\""]
    assert q.overlaps(text.index("Wir"), text.index("Wir") + 3)
    assert not q.overlaps(0, 2)
    assert q.covers(text.index("nein"), text.index("nein") + 4)


def test_a_closing_mark_after_a_word_opens_nothing():
    """German closes with “: one left without its opening mark (real MT, WMT23 en-de) must not open a
    quotation that runs to the next mark and hides the text between from the rules."""
    text = ("Ukrenergo erklärte, die Situation sei schwierig, aber kontrollierbar“, und fügte hinzu, dass "
            "die Stromrationierung in einigen Gebieten fortgesetzt werde. Er sagte „ja“ und ging. Sie rief: “Nein!“")
    q = segments.quoted_spans(text)
    assert [text[a:b] for a, b in q.spans] == ["„ja“", "“Nein!“"]


def test_unclosed_quote_quotes_nothing():
    text = "„Wir bleiben hier\nund gehen nicht."
    assert not segments.quoted_spans(text)


def test_url_spans():
    text = "See https://example.com/a?b=1 or write to desk@example.org today."
    u = segments.url_spans(text)
    assert [text[a:b] for a, b in u.spans] == ["https://example.com/a?b=1", "desk@example.org"]
