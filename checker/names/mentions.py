"""Find name mentions in a text: every form of every language of the table in one automaton pass,
plus capitalised-name candidates that the table does not know.

Each mention carries its transliteration-aware key (``keys.name_key``) and, for table forms, what the
form means (``FormInfo``: entity, language, status, part). An inflected table form (``Selenskyjs``,
``Zełenskiego``) is found through the inflection rules of ``keys.base_forms``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from . import keys
from .table import FormInfo, NameTable, RawInfo

#: A word: letters, with inner apostrophes or hyphens (O'Brien, Jean-Claude, Selenskyj’s).
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+|-[^\W\d_]+)*")
#: What may stand between the words of one multi-word name.
NAME_GAPS = " \u00a0"


def _upper_letters() -> str:
    """The upper- and title-case letters of the Latin, Greek, Cyrillic and Armenian blocks, as a class body."""
    blocks = [(0x41, 0x24F), (0x370, 0x58F), (0x10A0, 0x10FF), (0x1E00, 0x1FFF)]
    return "".join(re.escape(chr(c)) for lo, hi in blocks for c in range(lo, hi + 1)
                   if chr(c).isupper() or chr(c).istitle())


#: A word (as ``WORD``) that starts with a capital letter and does not continue another word.
CAPITALISED_WORD = re.compile(r"(?<![^\W_])[" + _upper_letters() + r"][^\W\d_]*(?:['’][^\W\d_]+|-[^\W\d_]+)*")
#: Characters after which a word starts a sentence (or a heading, caption, list item).
SENTENCE_END = frozenset(".!?:;\"„“”«»‚‘’'()[]–—-•*#|\n\r")
#: The longest candidate phrase, in words.
MAX_PHRASE = 5
#: How alike (rapidfuzz ratio of the Latin letters, 0-100) an unlisted word must be to the table form
#: whose key it shares: Selensky / Selenskyj 94, Saluzhnyi / Zaluzhnyi 89, Jahren / Yaren 73.
KEYED_SIMILARITY = 80


@dataclass(slots=True)
class Mention:
    """One name mention in one document.

    ``form`` is the table form (or candidate base) that matched; ``text`` the surface, which may carry an
    inflection ending (``Selenskyjs``: form ``Selenskyj``). ``infos`` lists the table meanings of
    ``form``; ``keyed`` the table meanings reached only through the key (an unlisted spelling).
    """

    start: int
    end: int
    text: str
    form: str
    infos: list[FormInfo] = field(default_factory=list)
    keyed: list[FormInfo] = field(default_factory=list)
    sentence_initial: bool = False
    #: where the word stands in its run of capitalised words: single | first | inner | last
    position: str = "single"
    _key: str | None = field(default=None, repr=False, compare=False)

    @property
    def key(self) -> str:
        """The transliteration-aware key of ``form`` (``keys.name_key``)."""
        if self._key is None:
            self._key = keys.name_key(self.form)
        return self._key

    @property
    def inflected(self) -> bool:
        return self.text != self.form


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def starts_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a sentence, line, quotation or heading."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in SENTENCE_END


class MentionFinder:
    """Holds the compiled automaton of a table; ``find(text, lang)`` lists the mentions."""

    def __init__(self, table: NameTable) -> None:
        self.table = table
        #: (word, language, at a sentence start) → (base form, table meanings) of key lookups
        self._keyed_memo: dict[tuple[str, str, bool], tuple[str, list[FormInfo]]] = {}

    @cached_property
    def automaton(self):
        import ahocorasick

        auto = ahocorasick.Automaton()
        for form in self.table.forms:
            if len(form) >= 2:
                auto.add_word(form, form)
        if len(auto):
            auto.make_automaton()
        return auto

    @cached_property
    def key_index(self) -> dict[str, tuple[str, ...]]:
        """Transliteration-aware key → table full forms and surnames with that key; a given name alone
        is too ambiguous to identify anyone (``_named`` drops given-name meanings)."""
        index: dict[str, set[str]] = {}
        named = [form for form in self.table.forms if len(form) >= 4 and self._named(form)]
        for form, key in keys.name_keys(named).items():
            index.setdefault(key, set()).add(form)
        return {key: tuple(sorted(forms)) for key, forms in index.items()}

    def _named(self, form: str) -> list[RawInfo]:
        """The meanings of a table form other than a given name."""
        return [i for i in self.table.forms.get(form, ()) if i[3] != "given"]

    # -- table forms ------------------------------------------------------------------------------
    def _table_matches(self, text: str, lang: str) -> list[tuple[int, int, str]]:
        """(start, end, form) of table forms at word boundaries, inflection endings included in end."""
        out = []
        if not len(self.automaton):
            return out
        n = len(text)
        for last, form in self.automaton.iter(text):
            start = last + 1 - len(form)
            if start > 0 and _is_word_char(text[start - 1]):
                continue
            end = last + 1
            if end < n and _is_word_char(text[end]):
                word_end = end
                while word_end < n and _is_word_char(text[word_end]):
                    word_end += 1
                if word_end - end > 4 or not self._inflects(form, text[start:word_end], lang):
                    continue
                end = word_end
            out.append((start, end, form))
        return out

    def _inflects(self, form: str, surface: str, lang: str) -> bool:
        last = surface.split()[-1]
        base_last = form.split()[-1]
        langs = {lang} | {info.lang for info in self.table.lookup(form)}
        return any(base_last in keys.base_forms(last, code) for code in sorted(langs))

    # -- candidates -------------------------------------------------------------------------------
    def _candidate_runs(self, text: str, starts: list[int], ends: list[int]) -> Iterator[list[tuple[int, int, str]]]:
        """Runs of capitalised words (one space apart, at most ``MAX_PHRASE``) that may be names, as
        (start, end, word) lists. Words inside table mentions split a run (``starts``/``ends``: the
        table mentions, sorted, not overlapping); short all-capital words (acronyms: US, NATO) neither
        start nor continue one."""
        run: list[tuple[int, int, str]] = []
        t, n_table = 0, len(starts)
        for m in CAPITALISED_WORD.finditer(text):
            start, end = m.span()
            while t < n_table and ends[t] <= start:
                t += 1
            word = m.group()
            if (t < n_table and starts[t] <= start) or (1 < len(word) <= 4 and word.isupper()):
                if run:
                    yield run
                    run = []
                continue
            if run and len(run) < MAX_PHRASE and start - run[-1][1] == 1 and text[start - 1] in NAME_GAPS:
                run.append((start, end, word))
                continue
            if run:
                yield run
            run = [(start, end, word)]
        if run:
            yield run

    def find(self, text: str, lang: str) -> list[Mention]:
        """All mentions in ``text`` (a document in ``lang``), in text order, not overlapping."""
        matches = self._table_matches(text, lang)
        matches.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        mentions: list[Mention] = []
        taken_end = -1
        for start, end, form in matches:
            if start < taken_end:
                continue
            infos = self.table.lookup(form)
            mentions.append(Mention(start, end, text[start:end], form, list(infos),
                                    sentence_initial=starts_sentence(text, start)))
            taken_end = end
        mentions = self._join_given_names(text, mentions)
        starts = [m.start for m in mentions]  # sorted, not overlapping
        ends = [m.end for m in mentions]
        common: frozenset[str] | None = None
        # a run's mentions depend only on its text and whether it opens a sentence: work each out once
        done: dict[tuple[str, bool], list[tuple]] = {}
        for run in self._candidate_runs(text, starts, ends):
            initial = starts_sentence(text, run[0][0])
            if initial:
                # a capital that only marks a sentence start: the word is written in lower case elsewhere
                # in the document ("The", "However", "Being"), so it is a common word, not a name
                if common is None:
                    common = frozenset(text.split())
                if run[0][2].lower() in common and run[0][2] not in self.table.forms:
                    run = run[1:]
                    initial = False
                    if not run:
                        continue
            if len(run) == 1:
                word = run[0][2]
                if len(word) == 1:
                    continue  # a lone capital letter ("I", a list item "A") names nothing
                if not initial:
                    if common is None:
                        common = frozenset(text.split())
                    if word.lower() in common:
                        continue  # a title or heading word the story also writes in lower case ("President")
            at = run[0][0]
            sig = (text[at:run[-1][1]], initial)
            shapes = done.get(sig)
            if shapes is None:
                shapes = done[sig] = [(m.start - at, m.end - at, m.text, m.form, m.infos, m.keyed,
                                       m.sentence_initial, m.position)
                                      for m in self._candidates_in(text, run, lang, initial)]
            mentions.extend(Mention(at + a, at + b, t, f, i, k, si, p) for a, b, t, f, i, k, si, p in shapes)
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _join_given_names(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Keep a given-name mention only right before its entity's surname ("Wladimir Putin"); it then
        means that entity's given name. A given name on its own is too ambiguous to be a mention."""
        out: list[Mention] = []
        for i, m in enumerate(mentions):
            given = [x for x in m.infos if x.part == "given"]
            nxt = mentions[i + 1] if i + 1 < len(mentions) else None
            if given and nxt is not None and text[m.end:nxt.start] == " ":
                ids = {x.entity.id for x in nxt.infos if x.part in ("surname", "full")}
                joined = [x for x in given if x.entity.id in ids]
                if joined:
                    m.infos = joined
                    out.append(m)
                    continue
            m.infos = [x for x in m.infos if x.part != "given"]
            if m.infos:
                out.append(m)
        return out

    def _keyed(self, mention: Mention, lang: str) -> list[FormInfo]:
        """Table meanings reached by the key of the mention, or of one of its base forms.

        A one-word mention must also look like a table form it meets (``KEYED_SIMILARITY``), and at a
        sentence start be about as long: the key alone joins "Being" to Beijing, German "Jahren" to Yaren.
        """
        if len(mention.form) < 4:
            return []
        memo_key = (mention.form, lang, mention.sentence_initial)
        hit = self._keyed_memo.get(memo_key)
        if hit is None:
            base, raws = self._lookup_key(mention, lang)
            hit = self._keyed_memo[memo_key] = (base, [self.table.info(raw) for raw in raws])
        base, infos = hit
        if infos and base != mention.form:
            mention.form = base
            mention._key = None
        return list(infos)

    def _lookup_key(self, mention: Mention, lang: str) -> tuple[str, list[RawInfo]]:
        candidates = [mention.form] if " " in mention.form else keys.base_forms(mention.form, lang)
        for base in candidates:
            forms = self.key_index.get(keys.name_key(base))
            if forms and (" " in base or self._looks_like(mention, base, forms)):
                return base, [raw for form in forms for raw in self._named(form)]
        return mention.form, []

    @staticmethod
    def _looks_like(mention: Mention, base: str, forms: tuple[str, ...]) -> bool:
        from rapidfuzz import fuzz

        latin = keys.latin_form(base)
        for form in forms:
            if mention.sentence_initial and abs(len(form) - len(base)) > 1:
                continue
            if fuzz.ratio(latin, keys.latin_form(form)) >= KEYED_SIMILARITY:
                return True
        return False

    def _candidates_in(self, text: str, words: list[tuple[int, int, str]], lang: str,
                       initial: bool) -> list[Mention]:
        """Mentions for a run of capitalised words not in the table: one per word, the last (or only) one
        looked up by key; when that meets a person, the whole run is tried as a full name ("Walerii
        Saluzhnyi") and kept as one mention if its key meets a full form."""
        start, end = words[0][0], words[-1][1]
        surface = text[start:end]
        if surface.isupper():  # a dateline or heading in capitals: GAZIANTEP is Gaziantep
            titled = " ".join(w.capitalize() for w in surface.split(" "))
            if titled in self.table.forms:
                return [Mention(start, end, surface, titled, self.table.lookup(titled), sentence_initial=initial)]
        last = len(words) - 1
        out = [Mention(s, e, w, w, sentence_initial=initial and i == 0,
                       position="single" if not last else "first" if i == 0 else "last" if i == last else "inner")
               for i, (s, e, w) in enumerate(words)]
        tail = out[-1]
        tail.keyed = self._keyed(tail, lang)  # a word before another capitalised one is a given name
        if last and tail.keyed and any(i.entity.type == "PER" for i in tail.keyed):
            whole = Mention(start, end, surface, surface, sentence_initial=initial)
            whole.keyed = self._keyed(whole, lang)
            if whole.keyed:
                return [whole]
        return out
