"""Find name mentions in a text: every form of every language of the table in one pass over the
capitalised words (each looked up among the forms' anchor words),
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
    """The upper- and title-case letters of the Latin, Greek, Cyrillic and Armenian blocks, as a class body
    of ranges (a few hundred, not a thousand single letters: the regexes compile in a fraction of the time)."""
    blocks = [(0x41, 0x24F), (0x370, 0x58F), (0x10A0, 0x10FF), (0x1E00, 0x1FFF)]
    codes = [c for lo, hi in blocks for c in range(lo, hi + 1) if chr(c).isupper() or chr(c).istitle()]
    ranges: list[list[int]] = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)


_UPPER = _upper_letters()
#: A word (as ``WORD``) that starts with a capital letter and does not continue another word. The capital
#: comes first and the look-behind after it, so that the regex engine skips to the next capital in C.
CAPITALISED_WORD = re.compile(f"[{_UPPER}](?<![^\\W_][{_UPPER}])" + r"[^\W\d_]*(?:['’][^\W\d_]+|-[^\W\d_]+)*")
#: Capitalised words one space apart (a maximal run; ``_chunks`` splits it).
CAPITALISED_RUN = re.compile(f"(?:{CAPITALISED_WORD.pattern})(?:[{NAME_GAPS}](?:{CAPITALISED_WORD.pattern}))*")
#: A word that starts with a capital at a word start (letters, digits, underscores: a whole ``\\w`` run):
#: where a table form can be anchored.
ANCHOR = re.compile(f"[{_UPPER}](?<!\\w[{_UPPER}])\\w*")
#: The longest case ending a table form may carry in the text (Selenskyj-s, Zełensk-iego).
MAX_ENDING = 4
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


Word = tuple[int, int, str]  # (start, end, word)
#: A chunk of a run: (offset in the run, text, words from the chunk's start, the same without the first
#: word as (shift, text, words) or None). A decision on it: (shift, text, words, opens a sentence).
Chunk = tuple[int, str, tuple[Word, ...], tuple | None]
Decision = tuple[int, str, tuple[Word, ...], bool]
#: The finder's memos of document-independent work are emptied past this many entries.
MEMO_MAX = 200_000


def _chunk(offset: int, text: str, words: tuple[Word, ...]) -> Chunk:
    tail = None
    if len(words) > 1:
        shift = words[1][0]
        tail = (shift, text[shift:], tuple((a - shift, b - shift, w) for a, b, w in words[1:]))
    return offset, text, words, tail


def _chunks(run_text: str) -> tuple[Chunk, ...]:
    """The chunks of a maximal run of capitalised words (``CAPITALISED_RUN``): split at short all-capital
    words (acronyms: US, NATO, which neither start nor continue a name) and every ``MAX_PHRASE`` words."""
    if " " not in run_text and "\u00a0" not in run_text:  # one word: most runs
        if 1 < len(run_text) <= 4 and run_text.isupper():
            return ()
        return (_chunk(0, run_text, ((0, len(run_text), run_text),)),)
    runs: list[list[Word]] = []
    run: list[Word] = []
    for m in CAPITALISED_WORD.finditer(run_text):
        word = m.group()
        if 1 < len(word) <= 4 and word.isupper():
            if run:
                runs.append(run)
                run = []
            continue
        if len(run) == MAX_PHRASE:
            runs.append(run)
            run = []
        run.append((m.start(), m.end(), word))
    if run:
        runs.append(run)
    out = []
    for run in runs:
        at = run[0][0]
        out.append(_chunk(at, run_text[at:run[-1][1]], tuple((a - at, b - at, w) for a, b, w in run)))
    return tuple(out)


def _decide(chunk: Chunk, initial: bool, common: frozenset[str], forms) -> Decision | None:
    """What of a chunk may name someone, where it stands at a sentence start (``initial``) or not: the
    chunk, or the chunk less a sentence-initial common word ("The"), or nothing (a lone letter, a word the
    story also writes in lower case)."""
    _offset, text, words, tail = chunk
    variant = (0, text, words)
    if initial:
        # a capital that only marks a sentence start: the word is written in lower case elsewhere in the
        # document ("The", "However", "Being"), so it is a common word, not a name
        first = words[0][2]
        if first.lower() in common and first not in forms:
            if tail is None:
                return None
            variant = tail
            initial = False
    kept = variant[2]
    if len(kept) == 1:
        word = kept[0][2]
        if len(word) == 1:
            return None  # a lone capital letter ("I", a list item "A") names nothing
        if not initial and word.lower() in common:
            return None  # a title or heading word the story also writes in lower case ("President")
    return variant[0], variant[1], kept, initial


class MentionFinder:
    """Holds the anchor index of a table's forms; ``find(text, lang)`` lists the mentions."""

    def __init__(self, table: NameTable) -> None:
        self.table = table
        #: (word, language, at a sentence start) → (base form, table meanings) of key lookups
        self._keyed_memo: dict[tuple[str, str, bool], tuple[str, list[FormInfo]]] = {}
        #: document-independent work kept across documents: a run's chunks (run text → chunks), a chunk's
        #: mentions ((text, opens a sentence, language) → mention shapes), a capitalised word's anchors
        self._splits: dict[str, tuple[Chunk, ...]] = {}
        self._shapes: dict[tuple[str, bool, str], list[tuple]] = {}
        self._anchors: dict[str, tuple[tuple[int, str], ...]] = {}
        #: (form, surface running on past it, language) → whether the surface is the form inflected
        self._inflections: dict[tuple[str, str, str], bool] = {}

    @cached_property
    def form_index(self) -> tuple[dict, dict, tuple[str, ...]]:
        """Where the table's forms can be found: (anchor word → ((offset, form), ...); the same for the
        forms that end with their anchor, which alone may carry a case ending there; forms without an
        anchor). A form's anchor is its first word that starts with a capital (``ANCHOR``): "Zelensky"
        for itself, "Netherlands" at offset 4 for "the Netherlands". Anchorless forms ("obwód kurski")
        are few."""
        index: dict[str, list[tuple[int, str]]] = {}
        tails: dict[str, list[tuple[int, str]]] = {}
        plain = []
        for form in sorted(self.table.forms):
            if len(form) < 2:
                continue
            m = ANCHOR.search(form)
            if m is None:
                plain.append(form)
                continue
            index.setdefault(m.group(), []).append((m.start(), form))
            if m.end() == len(form):
                tails.setdefault(m.group(), []).append((m.start(), form))
        return ({w: tuple(hits) for w, hits in index.items()}, {w: tuple(hits) for w, hits in tails.items()},
                tuple(plain))

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
        """(start, end, form) of table forms at word boundaries, inflection endings included in end.

        Every capitalised word of the text is looked up (as is, and less up to ``MAX_ENDING`` letters for
        an inflected form, among the anchors that end their form); the few anchorless forms are searched for. One dict
        lookup a capitalised word: several times faster than an Aho-Corasick pass over every character."""
        index, tails, plain = self.form_index
        known = self._anchors  # word → the forms it may anchor (most words repeat, across documents too)
        if len(known) > MEMO_MAX:
            known.clear()
        found: list[tuple[int, tuple[tuple[int, str], ...]]] = []
        for m in ANCHOR.finditer(text):
            word = m.group()
            hits = known.get(word)
            if hits is None:
                hits = index.get(word, ())
                for k in range(1, min(MAX_ENDING, len(word) - 1) + 1):
                    hits += tails.get(word[:-k], ())
                known[word] = hits
            if hits:
                found.append((m.start(), hits))
        out = []
        n = len(text)
        for q, hits in found:
            for offset, form in hits:
                start = q - offset
                if start < 0 or (offset and start > 0 and _is_word_char(text[start - 1])) \
                        or not text.startswith(form, start):
                    continue
                match = self._bounded(text, n, start, form, lang)
                if match is not None:
                    out.append(match)
        for form in plain:
            start = text.find(form)
            while start >= 0:
                if not (start > 0 and _is_word_char(text[start - 1])):
                    match = self._bounded(text, n, start, form, lang)
                    if match is not None:
                        out.append(match)
                start = text.find(form, start + 1)
        return out

    def _bounded(self, text: str, n: int, start: int, form: str, lang: str) -> tuple[int, int, str] | None:
        """(start, end, form) when the form found at ``start`` ends at a word end, or runs on into a case
        ending (at most ``MAX_ENDING`` letters) of the form's or the document's language; else None."""
        end = start + len(form)
        if end < n and _is_word_char(text[end]):
            word_end = end
            while word_end < n and _is_word_char(text[word_end]):
                word_end += 1
            if word_end - end > MAX_ENDING or not self._inflects(form, text[start:word_end], lang):
                return None
            end = word_end
        return start, end, form

    def _inflects(self, form: str, surface: str, lang: str) -> bool:
        memo = self._inflections
        hit = memo.get((form, surface, lang))
        if hit is None:
            if len(memo) > MEMO_MAX:
                memo.clear()
            hit = memo[(form, surface, lang)] = self._inflects_uncached(form, surface, lang)
        return hit

    def _inflects_uncached(self, form: str, surface: str, lang: str) -> bool:
        last = surface.split()[-1]
        base_last = form.split()[-1]
        langs = {lang} | {info.lang for info in self.table.lookup(form)}
        return any(base_last in keys.base_forms(last, code) for code in sorted(langs))

    # -- candidates -------------------------------------------------------------------------------
    @staticmethod
    def _outside_table(text: str, starts: list[int], ends: list[int], pos: int,
                       endpos: int) -> Iterator[tuple[int, str]]:
        """(start, text) of the stretches of the capitalised run ``text[pos:endpos]`` that table mentions
        leave: a word inside a table mention (``starts``/``ends``: sorted, not overlapping) splits the run."""
        first = last = -1
        t, n_table = 0, len(starts)
        for m in CAPITALISED_WORD.finditer(text, pos, endpos):
            start, end = m.span()
            while t < n_table and ends[t] <= start:
                t += 1
            if t < n_table and starts[t] <= start:
                if first >= 0:
                    yield first, text[first:last]
                    first = -1
                continue
            if first < 0:
                first = start
            last = end
        if first >= 0:
            yield first, text[first:last]

    def find(self, text: str, lang: str) -> list[Mention]:
        """All mentions in ``text`` (a document in ``lang``), in text order, not overlapping."""
        matches = self._table_matches(text, lang)
        # leftmost, then longest with its ending, then the shorter form (Putin before Putins in "Putins")
        matches.sort(key=lambda m: (m[0], m[0] - m[1], len(m[2])))
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
        common = frozenset(text.split())  # the words as the story writes them, to tell common words
        forms = self.table.forms
        splits, memo = self._splits, self._shapes
        if len(splits) > MEMO_MAX or len(memo) > MEMO_MAX:
            splits.clear()
            memo.clear()
        n_table = len(starts)
        t = 0
        decided: dict[str, tuple[Decision | None, Decision | None]] = {}  # chunk text → (inside, initial)
        idle: set[str] = set()  # runs of common words only ("The", "In")
        found: list[tuple[int, Decision]] = []  # (start of the chunk, what of it may name someone)
        for m in CAPITALISED_RUN.finditer(text):
            s, e = m.span()
            while t < n_table and ends[t] <= s:
                t += 1
            if t < n_table and starts[t] < e:  # a table mention inside: the stretches around it
                t2 = t
                while t2 < n_table and starts[t2] < e:
                    t2 += 1
                runs: Iterator[tuple[int, str]] | tuple[tuple[int, str]] = \
                    self._outside_table(text, starts[t:t2], ends[t:t2], s, e)
            else:
                runs = ((s, m.group()),)
            for run_start, run_text in runs:
                if run_text in idle:
                    continue  # nothing in this run can name anyone, wherever it stands
                chunks = splits.get(run_text)
                if chunks is None:
                    chunks = splits[run_text] = _chunks(run_text)
                live = False
                for chunk in chunks:
                    both = decided.get(chunk[1])
                    if both is None:
                        both = decided[chunk[1]] = (_decide(chunk, False, common, forms),
                                                    _decide(chunk, True, common, forms))
                    if both[0] is None and both[1] is None:
                        continue  # a common word or a lone letter wherever it stands
                    live = True
                    at = run_start + chunk[0]
                    decision = both[starts_sentence(text, at)]
                    if decision is not None:
                        found.append((at, decision))
                if not live:
                    idle.add(run_text)
        # a chunk's mentions depend only on its text, whether it opens a sentence and the language: each
        # is worked out once (and kept for the next documents), its words keyed in one block first
        words = {w for _at, (_s, vtext, vwords, initial) in found if (vtext, initial, lang) not in memo
                 for _a, _b, w in vwords}
        # the words and the base forms key lookups try (``_lookup_key``)
        keys.prime_name_keys(form for word in words for form in keys.base_forms(word, lang))
        append = mentions.append
        for at, (shift, vtext, vwords, initial) in found:
            shapes = memo.get((vtext, initial, lang))
            if shapes is None:
                shapes = memo[(vtext, initial, lang)] = [
                    (m.start, m.end, m.text, m.form, m.infos, m.keyed, m.sentence_initial, m.position, m.key)
                    for m in self._candidates_in(vtext, list(vwords), lang, initial)]
            at += shift
            for a, b, surface, f, i, k, si, p, key in shapes:
                append(Mention(at + a, at + b, surface, f, i, k, si, p, key))
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
