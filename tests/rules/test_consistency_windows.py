"""The consistency rules compare a long file in windows (``consistency.windows``): a file of many stories
is not held to one spelling, and a file without line breaks is cut too, so that no window, and no rule's
work on it, grows with the length of the file."""

from __future__ import annotations

from checker.config import Config
from checker.documents import Document
from checker.engine import Engine
from checker.names.compiled import compiled_finder
from checker.rules import consistency

from .real_texts import real_texts


def _old_windows(text: str, size: int) -> list[tuple[int, int]]:
    """The windows as they were: cut only at the first line break past ``size``."""
    out, a, n = [], 0, len(text)
    while a < n:
        b = text.find("\n", a + size) if a + size < n else -1
        b = n if b < 0 else b + 1
        out.append((a, b))
        a = b
    return out


def test_windows_cover_the_text_and_stay_short():
    texts = [t for t, _ in real_texts(eval_docs=60)]
    joined = "\n".join(texts)
    assert consistency.windows("", 200) == []
    for text in (joined, joined.replace("\n", " "), "x" * 2500, "word " * 900 + "y" * 3000):
        for size in (200, 1000):
            pieces = consistency.windows(text, size)
            assert [a for a, _ in pieces] == [0] + [b for _, b in pieces[:-1]]
            assert pieces[-1][1] == len(text)
            assert all(b - a <= 2 * size for a, b in pieces)
            # a piece ends after a line break, else after a space, where one stands in reach
            for a, b in pieces[:-1]:
                reach = text[a + size: a + 2 * size]
                assert text[b - 1] == "\n" if "\n" in reach else text[b - 1] == " " if " " in reach else True


def test_windows_of_copy_with_line_breaks_are_cut_as_before():
    for text, _ in real_texts(eval_docs=60):
        for size in (300, 2000):
            if all(len(line) < size for line in text.split("\n")):
                assert consistency.windows(text, size) == _old_windows(text, size)


def test_two_stories_on_one_line_are_not_held_to_one_spelling():
    filler = "The committee met again on Tuesday and the talks went on into the night. " * 160
    text = f"Send it by e-mail, she said. {filler}{filler}Readers wrote to us by email. {filler}"
    assert "\n" not in text and len(text) > 2 * consistency.WINDOW
    engine = Engine(compiled_finder(), Config(select=("ART006",)))
    assert engine.check(Document(text=text, path="one-line.en.txt", lang="en")) == []
    near = "Send it by e-mail, she said. Readers wrote to us by email. " + filler
    assert [f.code for f in engine.check(Document(text=near, path="near.en.txt", lang="en"))] == ["ART006"]
