"""ART004 without a source reads only the mentions with table meanings (``artefacts._maybe_inflected``): its
findings are those of the plain walk over every mention, on the rule cases, the shared dev corpus where it is
checked out, and generated text full of names with case endings."""

from __future__ import annotations

import random

import pytest

from checker import Config
from checker import _engine as engine_for
from checker.documents import Document
from checker.engine import Context
from checker.names.mentions import Mentions
from checker.rules import artefacts

from .real_texts import real_texts

_NAMES = ["Putin", "Putins", "Putina", "Putinem", "Zelenski", "Zelenskiego", "Zelenskyy", "Merkels", "Merkel",
          "Scholz", "Scholza", "Macrona", "Macron", "Bucha", "Buchi", "Kyiv", "Kyjowa", "Trumpa", "Trump", "Bidens",
          "Warschau", "Warszawy", "Nawalnys", "Navalny", "Peskov", "Peskowa", "Moskau", "Moskwy", "Olafa"]
_WORDS = ["said", "the", "in", "of", "and", "spokesman", "met", "with", "on", "Monday", ".", ",", "'s", "\n"]


def _texts() -> list[tuple[str, str]]:
    out = real_texts(150, sources=False)
    rnd = random.Random(4)
    for _ in range(60):
        words = [rnd.choice(_NAMES if rnd.random() < 0.4 else _WORDS) for _ in range(rnd.randint(1, 80))]
        out.append((" ".join(words), rnd.choice(["en", "de", "fr"])))
    return out


def _findings(ctx: Context) -> list[tuple]:
    rule = next(r for r in engine_for(None, Config(select=["ART004"])).rules if r.code == "ART004")
    return [(f.start, f.end, f.message, f.suggestions) for f in rule.check(ctx)]


@pytest.mark.parametrize(("text", "lang"), _texts())
def test_known_mentions_give_the_findings_of_every_mention(text, lang):
    engine = engine_for(None, Config(select=["ART004"]))
    fast = Context(Document(text=text, lang=lang), engine.table, engine.finder, engine.config)
    plain = Context(Document(text=text, lang=lang), engine.table, engine.finder, engine.config)
    plain.mentions = list(plain.mentions)  # a plain sequence: every mention walked
    assert isinstance(fast.mentions, Mentions) or not fast.mentions
    assert _findings(fast) == _findings(plain)


def test_known_mentions_stand_in_text_order():
    engine = engine_for(None, Config(select=["ART004"]))
    for text, lang in _texts():
        ms = Context(Document(text=text, lang=lang), engine.table, engine.finder, engine.config).mentions
        got = artefacts._maybe_inflected(ms, None)
        assert list(got) == [m for m in ms if m.infos or m.keyed]  # the mentions the rule does not skip
