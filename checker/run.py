"""One batch of copy through the pipeline: the files read (errors kept per file), paired into stories
(the versions of one text), each document checked with the run's settings, on one process or several
(``--jobs``), fixed when asked. ``checker check`` reports what comes out; ``checker serve`` shows it."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

import click

from .config import Config
from .errors import CheckerError, ExitCode, InputError, LanguageError
from .report import FileResult


class Linter:
    """One document through the pipeline with the run's settings: directives and what is not prose (URLs,
    e-mail addresses, Markdown code and link targets) blanked, engine, per-file ignores, configured
    severities, directives applied."""

    def __init__(self, engine, config: Config) -> None:
        from .markup import prose
        from .suppress import Suppressions, apply

        self.engine, self.config = engine, config
        self.suppressions, self.apply = Suppressions, apply
        #: the copy as the rules read it: URLs, e-mail addresses and Markdown code, comments, tags and link
        #: targets blanked (``markup.prose``), directives blanked (``suppress``)
        self.prose = prose
        #: code → kept (when no per-file-ignores make it depend on the path) and code → configured Severity:
        #: worked out once per code, not once per finding.
        self._enabled: dict[str, bool] = {}
        self._severity: dict[str, object] = {}

    def __call__(self, doc, source=None) -> tuple[list, int]:
        sup = self.suppressions(doc.text)
        text = self.prose(sup.mask(doc.text) if sup else doc.text, doc.path)
        # blanking keeps every line break: the lines of the copy as read are the lines of the copy checked
        checked = replace(doc, text=text, _lines=doc.lines) if text is not doc.text else doc
        if source is not None:
            source_text = self.prose(source.text, source.path)
            if source_text is not source.text:
                source = replace(source, text=source_text, _lines=source.lines)
        found = self.engine.check(checked, source)
        if self.config.per_file_ignores:
            findings = [f for f in found if self.config.enabled_for(f.code, doc.path)]
        else:
            enabled = self._enabled
            findings = []
            for f in found:
                keep = enabled.get(f.code)
                if keep is None:
                    keep = enabled[f.code] = self.config.enabled(f.code)
                if keep:
                    findings.append(f)
        for f in findings:
            if level := self._severity_of(f.code):
                f.severity = level
            if checked is not doc:
                f.match = doc.text[f.start:f.end]
        return self.apply(findings, sup)

    def _severity_of(self, code: str):
        """The Severity the configuration gives ``code``, or None."""
        try:
            return self._severity[code]
        except KeyError:
            from .configfile import severity_for
            from .findings import Severity

            level = severity_for(self.config, code)
            self._severity[code] = Severity(level) if level else None
            return self._severity[code]


@dataclass
class Batch:
    """What one run of a batch gives: a result per file (findings, or the error that kept it from being
    checked), in the order the paths were given; the worst error's exit status; the documents as they
    stand after any fix; the ``--diff`` lines in file order."""

    results: list[FileResult] = field(default_factory=list)
    worst: ExitCode = ExitCode.CLEAN
    docs: dict = field(default_factory=dict)
    diffs: list[str] = field(default_factory=list)


def check_batch(paths, config: Config, lint: Linter, table, lang: str | None = None, fix: bool = False,
                diff: bool = False, unsafe: bool = False, jobs: int = 1, stdin_name: str | None = None) -> Batch:
    """Read, pair, check (and with ``fix``/``diff`` fix) the files of ``paths`` (files, folders, ``-``);
    errors and notices go to stderr as one line each, and a file that cannot be read is a result with its
    error, never an abort of the batch. ``stdin_name`` is the file that ``-`` holds (``--stdin-filename``):
    its language, per-file settings and the version beside it come from that name, and it is reported under
    it. The cyclic garbage collector is paused for the batch (``engine.collector_paused``)."""
    from .engine import collector_paused

    with collector_paused():
        return _check_batch(paths, config, lint, table, lang, fix, diff, unsafe, jobs, stdin_name)


def _check_batch(paths, config: Config, lint: Linter, table, lang: str | None, fix: bool, diff: bool,
                 unsafe: bool, jobs: int, stdin_name: str | None) -> Batch:
    from .bilingual import is_bilingual, read_bilingual, to_file_positions
    from .configfile import lang_for
    from .documents import language_from_filename, read_document
    from .parallel import map_tasks, workers_for
    from .paths import expand, unlisted_versions, versions

    out = Batch()
    files, path_errors = expand(list(paths), config.include, config.exclude)
    for err in path_errors:
        _error(out, str(err).split(": ")[0], err)
    docs = out.docs
    docs_source: dict[str, object] = {}  # file → the version beside it on disk that the run does not check
    raw: dict[str, bytes] = {}
    bilinguals: dict[str, object] = {}  # XLIFF, TMX, TSV: file → its two versions (bilingual.Bilingual)
    for path in files:
        name = (stdin_name or "<stdin>") if path == "-" else path
        try:
            stdin = sys.stdin.buffer.read() if path == "-" else None
            if is_bilingual(name):
                bilinguals[path] = read_bilingual(name, lang or lang_for(config, name), stdin)
                docs[path] = bilinguals[path].target
                if fix or diff:
                    click.echo(f"checker: notice: {path}: --fix and --diff do not rewrite XLIFF, TMX or TSV files; "
                               "its findings are reported with their suggestions", err=True)
                continue
            data = stdin if path == "-" else Path(path).read_bytes() if fix else None
            if data is not None:
                raw[path] = data
            forced = lang or lang_for(config, name)
            if not forced and config.default_lang and (path != "-" or stdin_name) and \
                    language_from_filename(name) is None:
                forced = config.default_lang
            docs[path] = read_document(name, forced, data)
            docs[path].stdin = path == "-"
        except OSError as err:
            _error(out, path, InputError(f"{path}: cannot read ({err.strerror or err})"))
        except (InputError, LanguageError) as err:
            _error(out, path, err)
    read = [p for p in files if p in docs and p not in bilinguals]
    siblings = versions(read)
    # the version beside a file checked alone (or beside the file that stdin holds, by its name): read as its
    # source, not checked or reported
    beside = list(unlisted_versions(read, siblings).items())
    if stdin_name and "-" in read:
        beside += [("-", other) for other in unlisted_versions([stdin_name], {}).values()]
    for path, other in beside:
        try:
            docs_source[path] = read_document(other, lang_for(config, other), None)
        except (OSError, CheckerError) as err:
            name = stdin_name if path == "-" else path
            click.echo(f"checker: notice: {name}: its other version {other} is not read ({err})", err=True)
    uncovered: set[str] = set()
    for doc in docs.values():
        if doc.lang not in table.languages and doc.lang not in uncovered:
            uncovered.add(doc.lang)
            click.echo(f"checker: notice: the name table has no {doc.lang} forms; "
                       f"checking {doc.path} with the rules that apply to any language", err=True)
    for bi in bilinguals.values():
        findings, hidden = lint(bi.target, bi.source)
        to_file_positions(findings, bi)
        out.results.append(FileResult(path=bi.target.path, lang=bi.target.lang, lang_origin=bi.target.lang_origin,
                                      findings=findings, text=bi.raw, suppressed=hidden))
    stories = _stories([p for p in docs if p not in bilinguals], siblings, docs, docs_source, raw)
    how = (fix, diff, unsafe)
    workers = workers_for(jobs, len(stories))
    checked = map_tasks(_check_story_in_worker, stories, _worker_linter, (config, how), workers) \
        if workers > 1 else None
    if workers > 1 and checked is None:
        click.echo("checker: notice: this system cannot start worker processes; checking on one", err=True)
    if checked is None:
        checked = [_check_story(lint, story, how) for story in stories]
    diffs_of: dict[str, list[str]] = {}
    for story, outcomes in zip(stories, checked, strict=True):
        for item, (findings, hidden, applied, item_diffs, text, error) in zip(story.items, outcomes, strict=True):
            doc = docs[item.path]
            if error:
                click.echo(f"checker: error: {error}", err=True)
                out.worst = max(out.worst, ExitCode.INPUT)
            if text != doc.text:  # fixed (in a worker, on its copy)
                doc.text, doc._lines = text, None
            diffs_of[item.path] = item_diffs
            out.results.append(FileResult(path=doc.path, lang=doc.lang, lang_origin=doc.lang_origin,
                                          findings=findings, text=text, fixed=0 if diff else applied,
                                          suppressed=hidden))
    out.diffs = [line for path in docs if path in diffs_of for line in diffs_of[path]]
    order = {p: i for i, p in enumerate(list(paths) + files)}
    stdin_path = docs["-"].path if "-" in docs else None
    out.results.sort(key=lambda r: order.get("-" if r.path == stdin_path else r.path, len(order)))
    return out


def _error(out: Batch, path: str, err: CheckerError) -> None:
    click.echo(f"checker: error: {err}", err=True)
    out.results.append(FileResult(path=path, error=str(err), error_code=int(err.exit_code)))
    out.worst = max(out.worst, err.exit_code)


@dataclass
class _Item:
    """One file of a story to check: its document, the versions of the story it is checked against (paths
    of the same batch), the version beside it on disk that the run does not check, its bytes (--fix)."""

    path: str
    doc: object
    siblings: list[str]
    outside_source: object | None
    raw: bytes | None


@dataclass
class _Story:
    """The versions of one story that the run checks, in file order: one task (``--jobs``)."""

    items: list[_Item]

    def size(self) -> int:
        return sum(len(item.doc.text) for item in self.items)


def _stories(paths: list[str], siblings: dict[str, list[str]], docs: dict, outside: dict, raw: dict) -> list[_Story]:
    """The files grouped into stories: a file with the other versions of its story that the run checks,
    in file order (a fix of one version is the source the next one is checked against)."""
    story_of: dict[str, _Story] = {}
    stories: list[_Story] = []
    for path in paths:
        story = next((story_of[s] for s in siblings.get(path, []) if s in story_of), None)
        if story is None:
            story = _Story([])
            stories.append(story)
        story_of[path] = story
        story.items.append(_Item(path, docs[path], [s for s in siblings.get(path, []) if s in docs],
                                 outside.get(path), raw.get(path)))
    return stories


def _check_story(lint, story: _Story, how: tuple[bool, bool, bool]) -> list[tuple]:
    """(findings, suppressed, fixes applied, diff lines, text after fixing, the error that kept a fix from
    being written or None) of each file of a story, each
    checked against the first other version of the story (fixed first if it came first), else the version
    beside it on disk."""
    fix, diff, unsafe = how
    versions = {item.path: item.doc for item in story.items}
    out = []
    for item in story.items:
        doc = item.doc
        source = next((versions[s] for s in item.siblings if s in versions), item.outside_source)
        findings, hidden = lint(doc, source)
        applied, diffs, error = 0, [], None
        if fix or diff:
            try:
                findings, applied, hidden = _fix(doc, source, lint, findings, hidden, unsafe, diff, item.raw, diffs)
            except _Unwritable as err:
                findings, hidden, error = err.findings, err.hidden, str(err)
        out.append((findings, hidden, applied, diffs, doc.text, error))
    return out


def _worker_linter(config: Config, how: tuple[bool, bool, bool]) -> tuple:
    """A worker process's engine (``--jobs``): the run's table from the cache and its settings."""
    from .engine import Engine
    from .names.compiled import compiled_finder

    finder = compiled_finder(config.tables, default=not config.no_default_table)
    return Linter(Engine(finder, config), config), how


def _check_story_in_worker(state: tuple, story: _Story) -> list[tuple]:
    lint, how = state
    return _check_story(lint, story, how)


class _Unwritable(Exception):
    """A fixed text that could not be written: the message, and the findings of the text as it stays."""

    def __init__(self, message: str, findings: list, hidden: int) -> None:
        super().__init__(message)
        self.findings, self.hidden = findings, hidden


def _fix(doc, source, lint, findings, hidden, unsafe, diff_only, original, diffs):
    """Fix one document (write it unless ``diff_only``); returns (remaining findings, edits applied, hidden)."""
    import dataclasses
    import difflib

    from .fix import encode, fix_text, write_atomic

    state = {"hidden": hidden}

    def relint(text):
        if text == doc.text:
            return findings
        found, state["hidden"] = lint(dataclasses.replace(doc, text=text, _lines=None), source)
        return found

    new, applied, remaining = fix_text(doc.text, relint, unsafe, doc.newline)
    if new == doc.text:
        return remaining, 0, state["hidden"]
    if diff_only:
        for line in difflib.unified_diff(doc.text.splitlines(keepends=True), new.splitlines(keepends=True),
                                         fromfile=f"a/{doc.path}", tofile=f"b/{doc.path}"):
            diffs.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
        return findings, applied, hidden
    if not doc.stdin:
        try:
            write_atomic(doc.path, encode(new, doc.encoding, doc.bom, original))
        except OSError as err:  # a read-only file or folder, a full disk: the file stays as it was
            raise _Unwritable(f"{doc.path}: cannot write the fixed file ({err.strerror or err}); it is unchanged",
                              findings, hidden) from None
    doc.text = new
    doc._lines = None
    return remaining, applied, state["hidden"]
