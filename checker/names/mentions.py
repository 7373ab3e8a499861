"""Find name mentions in a text: every form of every language of the table in one pass over the
capitalised words (each looked up among the forms' anchor words),
plus capitalised-name candidates that the table does not know.

Each mention carries its transliteration-aware key (``keys.name_key``) and, for table forms, what the
form means (``FormInfo``: entity, language, status, part). An inflected table form (``Selenskyjs``,
``Zełenskiego``) is found through the inflection rules of ``keys.base_forms``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate, compress, count, repeat
from operator import attrgetter, itemgetter

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
#: Capitalised words one space apart (a maximal run; ``_chunks`` splits it), as one group: the same matches,
#: and a text splits on it into what stands before each run, and the run (one compiled pattern for both
#: uses: compiling these letter classes costs 1.5 ms of every start).
CAPITALISED_RUN = re.compile(f"((?:{CAPITALISED_WORD.pattern})(?:[{NAME_GAPS}](?:{CAPITALISED_WORD.pattern}))*)")
RUN_SPLIT = CAPITALISED_RUN
#: A word that starts with a capital at a word start (letters, digits, underscores: a whole ``\\w`` run):
#: where a table form can be anchored.
ANCHOR = re.compile(f"[{_UPPER}](?<!\\w[{_UPPER}])\\w*")
#: The longest case ending a table form may carry in the text (Selenskyj-s, Zełensk-iego).
MAX_ENDING = 4
#: Characters after which a word starts a sentence (or a heading, caption, list item).
SENTENCE_END = frozenset(".!?:;\"„“”«»‚‘’'()[]–—-•*#|\n\r")
#: What ``starts_sentence`` looks back over.
SPACES = " \t\u00a0"
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


#: A candidate mention as offsets into its chunk: (start, end, surface, form, infos, keyed, sentence_initial,
#: position, key). A chunk's shapes are the same wherever it stands.
Shape = tuple


class Spelling:
    """Where one candidate shape stands in a document (``ats``: its chunk's starts, in text order): what
    ``resolve`` groups the names the table does not know by, without a Mention for each occurrence."""

    __slots__ = ("form", "key", "position", "sentence_initial", "start", "_shape", "_ats")

    def __init__(self, shape: Shape, ats: list[int]) -> None:
        self._shape, self._ats = shape, ats
        self.form, self.sentence_initial, self.position, self.key = shape[3], shape[6], shape[7], shape[8]
        self.start = ats[0] + shape[0]

    def mentions(self) -> list[Mention]:
        a, b, surface, form, infos, keyed, initial, position, key = self._shape
        return [Mention(at + a, at + b, surface, form, infos, keyed, initial, position, key) for at in self._ats]


class Mentions(Sequence):
    """A document's mentions in text order (``MentionFinder.find``). Those with table meanings (``known``,
    in text order) are Mention objects; the candidates the table does not know are ``spellings`` (ordered by
    first occurrence), made Mention objects only when the sequence is read: ``resolve`` needs few."""

    def __init__(self, known: list[Mention], spellings: list[Spelling]) -> None:
        self.known = known
        self.spellings = spellings
        self._all: list[Mention] | None = None

    @classmethod
    def of(cls, mentions: Sequence[Mention]) -> Mentions:
        """The mentions of a plain sequence, each one without table meanings a spelling of its own."""
        if isinstance(mentions, Mentions):
            return mentions
        return cls([m for m in mentions if m.infos or m.keyed], [
            Spelling((0, m.end - m.start, m.text, m.form, m.infos, m.keyed, m.sentence_initial, m.position,
                      m.key), [m.start]) for m in mentions if not (m.infos or m.keyed)])

    def _list(self) -> list[Mention]:
        if self._all is None:
            self._all = self.known + [m for s in self.spellings for m in s.mentions()]
            self._all.sort(key=attrgetter("start"))
        return self._all

    def __len__(self) -> int:
        return len(self._list())

    def __getitem__(self, i):
        return self._list()[i]

    def __iter__(self) -> Iterator[Mention]:
        return iter(self._list())


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def starts_sentence(text: str, start: int) -> bool:
    """True when the word at ``start`` opens a sentence, line, quotation or heading."""
    i = start - 1
    while i >= 0 and text[i] in SPACES:
        i -= 1
    return i < 0 or text[i] in SENTENCE_END


#: A chunk of a run: (offset in the run, text, words); its words stand one gap (``NAME_GAPS``) apart.
#: A decision on it: (shift, text, words, opens a sentence) of the chunk, less a dropped first word.
Chunk = tuple[int, str, tuple[str, ...]]
Decision = tuple[int, str, tuple[str, ...], bool]
#: The finder's memos of document-independent work are emptied past this many entries.
MEMO_MAX = 200_000


def _is_acronym(word: str) -> bool:
    return 1 < len(word) <= 4 and word.isupper()


def _chunks(run_text: str) -> tuple[Chunk, ...]:
    """The chunks of a maximal run of capitalised words (``CAPITALISED_RUN``): split at short all-capital
    words (acronyms: US, NATO, which neither start nor continue a name) and every ``MAX_PHRASE`` words."""
    if " " not in run_text and "\u00a0" not in run_text:  # one word: most runs
        return () if _is_acronym(run_text) else ((0, run_text, (run_text,)),)
    out = []
    run: list[str] = []
    at = pos = 0
    for word in run_text.replace("\u00a0", " ").split(" "):  # a run's words stand one gap apart
        if _is_acronym(word) or len(run) == MAX_PHRASE:
            if run:
                out.append((at, run_text[at:pos - 1], tuple(run)))
                run = []
        if not _is_acronym(word):
            if not run:
                at = pos
            run.append(word)
        pos += len(word) + 1
    if run:
        out.append((at, run_text[at:pos - 1], tuple(run)))
    return tuple(out)


def _decide(chunk: Chunk, initial: bool, common: frozenset[str], forms) -> Decision | None:
    """What of a chunk may name someone, where it stands at a sentence start (``initial``) or not: the
    chunk, or the chunk less a sentence-initial common word ("The"), or nothing (a lone letter, a word the
    story also writes in lower case)."""
    _offset, text, words = chunk
    shift = 0
    if initial:
        # a capital that only marks a sentence start: the word is written in lower case elsewhere in the
        # document ("The", "However", "Being"), so it is a common word, not a name
        first = words[0]
        if first.lower() in common and first not in forms:
            if len(words) == 1:
                return None
            shift = len(first) + 1
            text, words, initial = text[shift:], words[1:], False
    if len(words) == 1:
        word = words[0]
        if len(word) == 1:
            return None  # a lone capital letter ("I", a list item "A") names nothing
        if not initial and word.lower() in common:
            return None  # a title or heading word the story also writes in lower case ("President")
    return shift, text, words, initial


class _Runs:
    """The maximal runs of capitalised words of a text (``CAPITALISED_RUN``), found in one split."""

    __slots__ = ("texts", "bounds", "initial", "edged")

    def __init__(self, text: str) -> None:
        parts = RUN_SPLIT.split(text)  # what stands before each run, the run, ..., the rest
        #: the runs' texts; run i spans bounds[2 * i]:bounds[2 * i + 1]
        self.texts: list[str] = parts[1::2]
        self.bounds = list(accumulate(map(len, parts)))
        before = list(map(str.rstrip, parts[:-1:2], repeat(SPACES)))
        after = list(map(itemgetter(slice(0, 1)), parts[2::2]))
        #: whether each run opens a sentence: what stands before it ends, spaces aside, in a sentence end
        #: (a run ends in a letter: a run after a run and spaces does not)
        self.initial = list(map(SENTENCE_END.__contains__, map(itemgetter(slice(-1, None)), before)))
        if self.texts:
            self.initial[0] = starts_sentence(text, self.bounds[0])
        #: the runs that a word character ("_", a digit) touches: their anchors are looked up in the text
        underscore = {"_"}.__contains__
        self.edged = set(compress(count(), map(underscore, map(itemgetter(slice(-1, None)), parts[:-1:2]))))
        self.edged.update(compress(count(), map(str.isalnum, after)), compress(count(), map(underscore, after)))


class MentionFinder:
    """Holds the anchor index of a table's forms; ``find(text, lang)`` lists the mentions."""

    def __init__(self, table: NameTable) -> None:
        self.table = table
        #: (word, language, at a sentence start) → (base form, table meanings) of key lookups
        self._keyed_memo: dict[tuple[str, str, bool], tuple[str, list[FormInfo]]] = {}
        #: document-independent work kept across documents: a run's chunks (run text → chunks), a chunk's
        #: mentions ((text, opens a sentence, language) → mention shapes), a capitalised word's anchors, the
        #: anchors in a run (run text → ((offset, anchors), ...))
        self._splits: dict[str, tuple[Chunk, ...]] = {}
        self._shapes: dict[str, dict[tuple[str, bool], list[tuple]]] = {}  # by language: no key tuples to build
        self._anchors: dict[str, tuple[tuple[int, str], ...]] = {}
        self._run_anchors: dict[str, tuple[tuple[int, tuple[tuple[int, str], ...]], ...]] = {}
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
    def _tail_heads(self) -> frozenset[str]:
        """The first 3 letters of the anchors that end their form (``form_index``): a quick no for
        ``_anchor_hits``."""
        return frozenset(anchor[:3] for anchor in self.form_index[1])

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
    def _table_matches(self, text: str, runs: _Runs, lang: str) -> list[tuple[int, int, str]]:
        """(start, end, form) of table forms at word boundaries, inflection endings included in end.

        Every capitalised word of the text is looked up (as is, and less up to ``MAX_ENDING`` letters for
        an inflected form, among the anchors that end their form); the few anchorless forms are searched
        for. A capitalised word starts a run of capitalised words, or follows an apostrophe or a hyphen in
        one: the words are looked up once per distinct run text, and only runs that hold an anchor are
        placed in the text."""
        _index, _tails, plain = self.form_index
        memo = self._run_anchors
        if len(memo) > MEMO_MAX or len(self._anchors) > MEMO_MAX:
            memo.clear()
            self._anchors.clear()
        distinct = set(runs.texts)
        for run in distinct.difference(memo):
            memo[run] = self._anchors_in(run)
        hitting = {run for run in distinct if memo[run]}
        found: list[tuple[int, tuple[tuple[int, str], ...]]] = []  # (start of the word, forms it may anchor)
        n = len(text)
        for i in sorted(runs.edged | set(compress(count(), map(hitting.__contains__, runs.texts)))):
            start = runs.bounds[2 * i]
            if i in runs.edged:  # the text around the run decides where its words start and end
                end = runs.bounds[2 * i + 1]
                while end < n and _is_word_char(text[end]):
                    end += 1
                found += [(m.start(), hits) for m in ANCHOR.finditer(text, start, end)
                          if (hits := self._anchor_hits(m.group()))]
            else:
                found += [(start + offset, hits) for offset, hits in memo[runs.texts[i]]]
        out = []
        for q, hits in found:
            for offset, form in hits:
                start = q - offset
                if start < 0 or (offset and start > 0 and _is_word_char(text[start - 1])) \
                        or not text.startswith(form, start):
                    continue
                match = self._bounded(text, n, start, form, lang)
                if match is not None:
                    out.append(match)
        for form in filter(text.__contains__, plain):  # most documents hold none of them
            start = text.find(form)
            while start >= 0:
                if not (start > 0 and _is_word_char(text[start - 1])):
                    match = self._bounded(text, n, start, form, lang)
                    if match is not None:
                        out.append(match)
                start = text.find(form, start + 1)
        return out

    def _anchors_in(self, run_text: str) -> tuple[tuple[int, tuple[tuple[int, str], ...]], ...]:
        """((offset, ``_anchor_hits``), ...) of the anchors in a run of capitalised words (``ANCHOR``, as
        if the run stood alone): its words, and in a word with an apostrophe or a hyphen its parts."""
        out = []
        at = 0
        for word in run_text.replace("\u00a0", " ").split(" "):
            if word.isalpha():
                hits = self._anchor_hits(word)
                if hits:
                    out.append((at, hits))
            else:
                out += [(at + m.start(), hits) for m in ANCHOR.finditer(word) if (hits := self._anchor_hits(m.group()))]
            at += len(word) + 1
        return tuple(out)

    def _anchor_hits(self, word: str) -> tuple[tuple[int, str], ...]:
        """(offset of the anchor in the form, form) of the table forms ``word`` may anchor: as is, or
        less a case ending for a form that ends with its anchor."""
        hits = self._anchors.get(word)
        if hits is None:
            index, tails, _plain = self.form_index
            hits = index.get(word, ())
            # a word of 7 letters or more keeps its first 3 in every cut: none is a tail unless they head one
            if len(word) < 3 + MAX_ENDING or word[:3] in self._tail_heads:
                for k in range(1, min(MAX_ENDING, len(word) - 1) + 1):
                    hits += tails.get(word[:-k], ())
            self._anchors[word] = hits
        return hits

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

    def find(self, text: str, lang: str) -> Mentions:
        """All mentions in ``text`` (a document in ``lang``), in text order, not overlapping."""
        runs = _Runs(text)
        matches = self._table_matches(text, runs, lang)
        # leftmost, then longest with its ending; of two forms over one span, a form of the document's
        # language, then the form as written (English "Vientiane", not Slovak "Vientian" + locative e),
        # then the shorter form (Putin before Putins in "Putins")
        valid = self.table.is_valid
        matches.sort(key=lambda m: (m[0], m[0] - m[1], not valid(m[2], lang), m[1] - m[0] != len(m[2]),
                                    len(m[2])))
        listed: list[Mention] = []
        taken_end = -1
        for start, end, form in matches:
            if start < taken_end:
                continue
            infos = self.table.lookup(form)
            listed.append(Mention(start, end, text[start:end], form, list(infos),
                                  sentence_initial=starts_sentence(text, start)))
            taken_end = end
        listed = self._join_given_names(text, listed)
        memo = self._shapes.get(lang)
        if memo is None:
            memo = self._shapes[lang] = {}
        if len(self._splits) > MEMO_MAX or len(memo) > MEMO_MAX:
            self._splits.clear()
            memo.clear()
        spots = self._spots(text, runs, listed)
        # a chunk's mentions depend only on its text, whether it opens a sentence and the language: each
        # is worked out once (and kept for the next documents), its words keyed in one block first
        words = {w for key, (vwords, _ats) in spots.items() if key not in memo for w in vwords}
        # the words and the base forms key lookups try (``_lookup_key``)
        keys.prime_name_keys(form for word in words for form in keys.base_forms(word, lang))
        spellings = []
        for key, (vwords, ats) in spots.items():
            shapes = memo.get(key)
            if shapes is None:
                shapes = memo[key] = self._shapes_of(key[0], vwords, lang, key[1])
            for shape in shapes:
                if shape[4] or shape[5]:  # table meanings: a known name
                    listed += Spelling(shape, ats).mentions()
                else:
                    spellings.append(Spelling(shape, ats))
        listed.sort(key=attrgetter("start"))
        spellings.sort(key=attrgetter("start"))
        return Mentions(listed, spellings)

    def _spots(self, text: str, runs: _Runs,
               listed: list[Mention]) -> dict[tuple[str, bool], tuple[tuple[str, ...], list[int]]]:
        """Where the chunks that may name someone stand: (chunk text, opens a sentence) → (its words, the
        starts of its occurrences, in text order). Each distinct run of capitalised words is decided once
        as it stands at a sentence start and once as it stands inside one; a run that holds a table mention
        (``listed``) gives the stretches around it instead (``_outside_table``)."""
        texts, bounds, initial = runs.texts, runs.bounds, runs.initial
        common = frozenset(text.split())  # the words as the story writes them, to tell common words
        decided = {run: self._decisions(run, common) if " " in run or "\u00a0" in run
                   else self._word_decisions(run, common) for run in set(texts)}
        live = {run for run, (inside, opening) in decided.items() if inside or opening}
        touched = self._touched(listed, bounds)
        spots: dict[tuple[str, bool], tuple[tuple[str, ...], list[int]]] = {}
        for i in sorted(touched.keys() | set(compress(count(), map(live.__contains__, texts)))):
            ts = touched.get(i)
            if ts is None:
                places = ((bounds[2 * i], decided[texts[i]][initial[i]]),)
            else:
                places = ((at, self._stretch(stretch, decided, common)[starts_sentence(text, at)])
                          for at, stretch in self._outside_table(text, [listed[t].start for t in ts],
                                                                 [listed[t].end for t in ts],
                                                                 bounds[2 * i], bounds[2 * i + 1]))
            for at, decisions in places:
                for shift, key, vwords in decisions:
                    spot = spots.get(key)
                    if spot is None:
                        spots[key] = (vwords, [at + shift])
                    else:
                        spot[1].append(at + shift)
        return spots

    def _stretch(self, stretch: str, decided: dict[str, tuple[tuple, tuple]], common: frozenset[str]) -> tuple:
        """``_decisions`` of a stretch of a run, kept in the document's ``decided``."""
        both = decided.get(stretch)
        if both is None:
            both = decided[stretch] = self._decisions(stretch, common)
        return both

    @staticmethod
    def _touched(listed: list[Mention], bounds: list[int]) -> dict[int, list[int]]:
        """Run index → the indices of the table mentions (``listed``, in text order) inside the run."""
        ends = bounds[1::2]
        touched: dict[int, list[int]] = {}
        for t, m in enumerate(listed):
            i = bisect_right(ends, m.start)
            while i < len(ends) and bounds[2 * i] < m.end:
                touched.setdefault(i, []).append(t)
                i += 1
        return touched

    def _word_decisions(self, word: str, common: frozenset[str]) -> tuple[tuple, tuple]:
        """``_decisions`` of a run of one word (most runs), without its chunk and loops: an acronym or a
        lone letter names nothing; a word the story also writes in lower case names nothing inside a
        sentence, nor at its start unless it is a table form."""
        if len(word) == 1 or _is_acronym(word):
            return (), ()
        if word.lower() in common:
            return (), (() if word not in self.table.forms else ((0, (word, True), (word,)),))
        return ((0, (word, False), (word,)),), ((0, (word, True), (word,)),)

    def _decisions(self, run_text: str, common: frozenset[str]) -> tuple[tuple, tuple]:
        """What of a run may name someone, where the run stands inside a sentence and where it opens one:
        two tuples of (offset in the run, (chunk text, opens a sentence), words) of its chunks (``_decide``)."""
        chunks = self._splits.get(run_text)
        if chunks is None:
            chunks = self._splits[run_text] = _chunks(run_text)
        forms = self.table.forms
        inside: list[tuple] = []
        opening: list[tuple] = []
        for chunk in chunks:
            decision = _decide(chunk, False, common, forms)
            # a chunk after the first follows a word of the run: it never opens a sentence
            for opens, out in ((False, inside), (True, opening)):
                if opens and not chunk[0]:
                    decision = _decide(chunk, True, common, forms)
                if decision is not None:
                    shift, vtext, vwords, initial = decision
                    out.append((chunk[0] + shift, (vtext, initial), vwords))
        return tuple(inside), tuple(opening)

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

    def _keyed(self, form: str, lang: str, initial: bool) -> tuple[str, list[FormInfo]]:
        """(form, table meanings) reached by the key of ``form`` (``initial``: at a sentence start), or of
        one of its base forms: then that base form.

        A one-word form must also look like a table form it meets (``KEYED_SIMILARITY``), and at a sentence
        start be about as long: the key alone joins "Being" to Beijing, German "Jahren" to Yaren.
        """
        if len(form) < 4:
            return form, []
        memo_key = (form, lang, initial)
        hit = self._keyed_memo.get(memo_key)
        if hit is None:
            base, raws = self._lookup_key(form, lang, initial)
            hit = self._keyed_memo[memo_key] = (base, [self.table.info(raw) for raw in raws])
        return hit[0], list(hit[1])

    def _lookup_key(self, form: str, lang: str, initial: bool) -> tuple[str, list[RawInfo]]:
        candidates = [form] if " " in form else keys.base_forms(form, lang)
        for base in candidates:
            forms = self.key_index.get(keys.name_key(base))
            if forms and (" " in base or self._looks_like(base, forms, initial)):
                return base, [raw for form in forms for raw in self._named(form)]
        return form, []

    @staticmethod
    def _looks_like(base: str, forms: tuple[str, ...], initial: bool) -> bool:
        from rapidfuzz import fuzz

        latin = keys.latin_form(base)
        for form in forms:
            if initial and abs(len(form) - len(base)) > 1:
                continue
            if fuzz.ratio(latin, keys.latin_form(form)) >= KEYED_SIMILARITY:
                return True
        return False

    def _shapes_of(self, text: str, words: tuple[str, ...], lang: str, initial: bool) -> list[Shape]:
        """The mentions of a chunk of capitalised words not in the table, as shapes: one per word, the
        last (or only) one looked up by key; when that meets a person, the whole chunk is tried as a full
        name ("Walerii Saluzhnyi") and kept as one mention if its key meets a full form."""
        if text.isupper():  # a dateline or heading in capitals: GAZIANTEP is Gaziantep
            titled = " ".join(w.capitalize() for w in text.split(" "))
            if titled in self.table.forms:
                return [(0, len(text), text, titled, self.table.lookup(titled), [], initial, "single",
                         keys.name_key(titled))]
        last = len(words) - 1
        # a word before another capitalised one is a given name: only the last is looked up
        tail, keyed = self._keyed(words[-1], lang, initial and not last)
        if last and keyed and any(i.entity.type == "PER" for i in keyed):
            whole, keyed_whole = self._keyed(text, lang, initial)
            if keyed_whole:
                return [(0, len(text), text, whole, [], keyed_whole, initial, "single", keys.name_key(whole))]
        shapes = []
        at = 0
        for i, word in enumerate(words):
            position = "single" if not last else "first" if i == 0 else "last" if i == last else "inner"
            form = tail if i == last else word
            shapes.append((at, at + len(word), word, form, [], keyed if i == last else [], initial and i == 0,
                           position, keys.name_key(form)))
            at += len(word) + 1
        return shapes
