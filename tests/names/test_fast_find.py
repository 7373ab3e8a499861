"""The mention finder's shortcuts give what the plain computation gives: runs found by one split, anchors
looked up per distinct run, chunks split on gaps, and candidates grouped by spelling in ``resolve``."""

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.names import mentions as M
from checker.names.compiled import compiled_finder
from checker.names.resolve import resolve

ROOT = Path(__file__).resolve().parents[2]
#: Capitals, letters, the gaps of a run, apostrophes, hyphens, digits, "_", sentence ends: every edge case.
TEXT = st.text(alphabet="AKPZÉОaekzé ЗO \u00a0'’-_1.,\n(", max_size=80) | st.sampled_from(
    ["Putin-Selenskyj G7 Kyiv_Post O'Brien", "Das ist Selenskyjs Plan. Die USA und NATO.",
     "The Netherlands, the Kyivstar network and A320s. I met Walerii Saluzhnyi."])


def _plain_table_matches(finder, text, lang):
    """The anchors as a pass over the whole text finds them (before runs held them)."""
    found = [(m.start(), finder._anchor_hits(m.group())) for m in M.ANCHOR.finditer(text)]
    return [(q, hits) for q, hits in found if hits]


def _plain_chunks(run_text):
    runs, run = [], []
    for m in M.CAPITALISED_WORD.finditer(run_text):
        word = m.group()
        if 1 < len(word) <= 4 and word.isupper():
            if run:
                runs.append(run)
                run = []
            continue
        if len(run) == M.MAX_PHRASE:
            runs.append(run)
            run = []
        run.append((m.start(), m.end(), word))
    if run:
        runs.append(run)
    return tuple((r[0][0], run_text[r[0][0]:r[-1][1]], tuple(w for _a, _b, w in r)) for r in runs)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_runs_are_the_regex_runs_and_know_their_sentence_starts(text):
    runs = M._Runs(text)
    spans = [m.span() for m in M.CAPITALISED_RUN.finditer(text)]
    assert [(runs.bounds[2 * i], runs.bounds[2 * i + 1]) for i in range(len(runs.texts))] == spans
    assert runs.initial == [M.starts_sentence(text, s) for s, _e in spans]
    for run_text in runs.texts:
        assert M._chunks(run_text) == _plain_chunks(run_text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_anchors_found_through_runs_are_the_anchors_of_the_text(text):
    finder = compiled_finder()
    runs = M._Runs(text)
    plain = _plain_table_matches(finder, text, "en")
    memo = finder._run_anchors
    through_runs = []
    for i, run_text in enumerate(runs.texts):
        start, end = runs.bounds[2 * i], runs.bounds[2 * i + 1]
        if i in runs.edged:
            while end < len(text) and M._is_word_char(text[end]):
                end += 1
            through_runs += [(m.start(), h) for m in M.ANCHOR.finditer(text, start, end)
                             if (h := finder._anchor_hits(m.group()))]
        else:
            through_runs += [(start + offset, hits) for offset, hits in memo.get(run_text) or
                             finder._anchors_in(run_text)]
    assert through_runs == plain


def _dump(groups):
    return [(g.key, [(r.mention.start, r.mention.end, r.mention.form, r.status, r.part, r.listed,
                      r.source_inflected) for r in g.members]) for g in groups]


def _check_grouping(text, lang="en", source_lang=None, source_words=frozenset()):
    finder = compiled_finder()
    found = finder.find(text, lang)
    by_spelling = resolve(found, finder.table, lang, source_lang, source_words)
    by_mention = resolve(list(found), finder.table, lang, source_lang, source_words)
    assert _dump(by_spelling) == _dump(by_mention)
    assert [(m.start, m.end, m.form) for m in found] == sorted((m.start, m.end, m.form) for m in found)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Metsola", "Metzola", "Ortega", "Ortegas", "Selensky", "Kivers", "Kiver's",
                                 "said", "The", "Pfosheim", "Profsheim", ".", "and", "Walerii"]), max_size=30))
def test_grouping_by_spelling_is_grouping_by_mention(words):
    _check_grouping(" ".join(words))
    _check_grouping(" ".join(words), "en", "de", frozenset(words))


def test_grouping_by_spelling_is_grouping_by_mention_on_real_copy():
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        _check_grouping(path.read_text(encoding="utf-8"), path.name.split(".")[-2])


def _word_runs(text):
    return sorted({run for run in M._Runs(text).texts if " " not in run and "\u00a0" not in run})


@settings(max_examples=300, deadline=None)
@given(TEXT, st.sets(st.sampled_from(["a", "ak", "pz", "zé", "о", "ok", "the", "kyiv", "ae"])))
def test_one_word_decisions_are_the_chunk_decisions(text, common):
    finder = compiled_finder()
    common = frozenset(common | set(text.split()))
    for word in _word_runs(text) + ["Kyiv", "Kiew", "The", "NATO", "A", "Ak"]:
        assert finder._word_decisions(word, common) == finder._decisions(word, common)


def test_one_word_decisions_are_the_chunk_decisions_on_real_copy():
    finder = compiled_finder()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        common = frozenset(text.split())
        for word in _word_runs(text):
            assert finder._word_decisions(word, common) == finder._decisions(word, common)


def test_base_targets_are_the_keys_of_the_base_forms(monkeypatch):
    from checker.names import keys
    from checker.names import resolve as R

    wanted = [("Selenskyjs", "de"), ("Zełenskiego", "pl"), ("Ortegas", "de"), ("Kyiv", "en"), ("Bucha", "uk")]
    for limit in (R._TARGETS_MAX, 2):  # 2: the memo is emptied while these are worked out
        monkeypatch.setattr(R, "_TARGETS_MAX", limit)
        R._TARGETS.clear()
        R._base_targets(wanted[:3])
        got = R._base_targets(wanted)
        for form, lang in wanted:
            assert got[(form, lang)] == tuple("key:" + keys.name_key(b) for b in keys.base_forms(form, lang)[1:])


def _plain_anchor_hits(finder, word):
    index, tails, _plain = finder.form_index
    hits = index.get(word, ())
    for k in range(1, min(M.MAX_ENDING, len(word) - 1) + 1):
        hits += tails.get(word[:-k], ())
    return hits


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["Selenskyj", "Zełensk", "Kyiv", "Moskau", "Ab", "Al", "Netherlands"]),
       st.text(alphabet="aesiuowyjg'", max_size=5))
def test_anchor_hits_are_the_plain_anchor_hits(head, ending):
    finder = compiled_finder()
    finder._anchors.clear()
    assert finder._anchor_hits(head + ending) == _plain_anchor_hits(finder, head + ending)


def test_anchor_hits_are_the_plain_anchor_hits_on_real_copy():
    finder = compiled_finder()
    finder._anchors.clear()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for m in M.ANCHOR.finditer(path.read_text(encoding="utf-8")):
            assert finder._anchor_hits(m.group()) == _plain_anchor_hits(finder, m.group())
