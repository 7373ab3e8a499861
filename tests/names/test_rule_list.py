"""The key rules' fast path (a rule skipped while the string lacks its first characters, literal rules
through str.replace) gives exactly what applying every rule in order gives."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.names import keys


def _naive(rules: keys._RuleList, s: str) -> str:
    for pat, repl in rules.subs:
        if type(pat) is str:
            s = s.replace(pat, repl)
        else:
            s = pat.sub(repl, s)
    return s


ALPHABET = "abcdehijklmnopqrstuvwxyzéšžčřłі'- "


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=14))
def test_fold_fast_path_equals_every_rule_in_order(s):
    r = keys._rules()
    for rules in (r.fold, r.skeleton, r.loose, r.native["*"], *r.native.values()):
        assert rules.apply(s) == _naive(rules, s)


def test_literal_and_group_rules_are_compiled_for_speed():
    literal = keys._compile_rule("sch", "sh")
    assert literal[0] == "sch" and literal[2] == frozenset("s")
    group = keys._compile_rule(r"(.)\1+", r"\1")
    assert isinstance(group[0], re.Pattern) and callable(group[1])
    assert group[0].sub(group[1], "zelenskyy") == "zelensky"


WORDS = st.text(alphabet="abcdehijklmnopqrstuvwxyzSCZMW'’-éšłі", min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, min_size=20, max_size=60), st.sampled_from([None, "en", "de", "pl", "fr", "hu", "cs", "it"]))
def test_keys_worked_out_in_a_block_equal_keys_one_at_a_time(words, lang):
    keys._TOKEN_KEYS.clear()
    keys.prime_token_keys(words, lang)
    primed = {w: keys._TOKEN_KEYS.get(lang, {}).get(w) for w in words}
    keys._TOKEN_KEYS.clear()
    keys._latin.cache_clear()
    assert primed == {w: keys.token_key(w, lang) for w in words}


def test_block_rules_see_each_line_as_a_whole_string():
    rules = keys._RuleList([keys._compile_rule(r"^mc(?=[a-z])", "mak"), keys._compile_rule(r"[^a-z]", ""),
                            keys._compile_rule(r"(.)\1+", r"\1")])
    words = ["mcCain", "amca", "o'neill", "mc"]
    assert rules.apply_lines("\n".join(w.lower() for w in words)).split("\n") == \
        [rules.apply(w.lower()) for w in words] == ["makcain", "amca", "oneil", "mc"]
