"""FMT009's data file and its shortcut: the address patterns tried only where the digit windows show a
candidate find what the plain scan of the whole text finds."""

import random

import pytest

from checker.datafiles import tsv_rows
from checker.rules import addresses
from checker.rules.formats import format_languages

_TEXT = (
    "Trumps Wolkenkratzer an der 40 Wall Street steht; das 40-Wall-Street-Gebäude, 20 Wall-Street-Banken.\n"
    "He lived at Baker Street 221 in London; Zhongguancun Street No. 8, Haidian; Wall Street 10 years ago.\n"
    "Die Boutique in der 10 rue de la Paix, 5 Calle Mayor, 5 ul. Marszałkowska, 7 ул. Тверская, 221B Baker St.\n"
)
_PIECES = ["40", "221B", "10-12", "2019", "5", " ", " ", "-", "\n", ",", ".", "Wall", "Street", "St.", "Road", "Avenue",
           "No. ", "Gebäude", "rue", "de la", "Paix", "ul.", "Marszałkowska", "in", "years", "Journal", "Calle",
           "Mayor", "5th", "ул.", "Тверская", "a", "B", "\u00a0", "Downing", "40 Wall", " Street", "Street 221",
           " Road No. 5", "10 rue", " de la Paix", "5 ul. ", "Baker Street 2", " Gebäude", "-Gebäude", "12 Main"]


def _texts(n=300, seed=11):
    rnd = random.Random(seed)
    return [_TEXT] + ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, 50))) for _ in range(n)]


def _plain_number_first(text, lang):
    suffix_re, prefix_re, _ = addresses._number_first_patterns(lang)
    i, out = 0, []
    while i < len(text):
        m = (suffix_re and suffix_re.match(text, i)) or (prefix_re and prefix_re.match(text, i))
        if m:
            out.append(m.span())
            i = m.end()
        else:
            i += 1
    return out


@pytest.mark.parametrize("lang", ["de", "it", "pl", "ru"])
def test_number_first_shortcut_is_the_plain_scan(lang):
    for text in _texts():
        assert [m.span() for m in addresses.number_first_matches(text, lang)] == _plain_number_first(text, lang)


def test_number_after_shortcut_is_the_plain_scan():
    pattern = addresses._number_after_pattern("en")[1]
    for text in _texts():
        want = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in addresses.number_after_matches(text, "en")] == want


def test_every_row_names_its_source_and_every_format_language_has_a_number_position():
    rows = tsv_rows("formats", "addresses.tsv")
    kinds = {"number", "mixed", "separator", "suffix", "prefix", "follow", "marker", "building"}
    for row in rows:
        assert len(row) == 4 and row[0] in kinds and row[2].strip() and row[3].strip(), row
    positions = {row[1]: row[2] for row in rows if row[0] == "number"}
    assert set(positions.values()) == {"before", "after"}
    assert set(format_languages()) <= set(positions)
    assert positions["en"] == positions["fr"] == "before" and positions["de"] == "after"
    assert addresses._position("fr") is None  # Belgium and Switzerland write the number after the street
