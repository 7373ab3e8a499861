"""The ``checker`` command line: check, serve, names cluster, rules, explain, table import."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .config import Config
from .errors import CheckerError, ExitCode, InputError
from .report import FORMATS, FileResult, render


def _fail(err: CheckerError) -> None:
    click.echo(f"checker: error: {err}", err=True)
    sys.exit(int(err.exit_code))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def cli() -> None:
    """Find source-language leaks in translated news copy: foreign and deprecated name forms,
    inconsistent spellings, translation artefacts."""


def _codes(values) -> list[str]:
    """Codes from repeatable, comma-separated options (``--select NAME001,NAME003``)."""
    return [c.strip().upper() for v in values for c in v.split(",") if c.strip()]


def _settings(paths, config_file, isolated, **cli) -> Config:
    """The run's Config: built-in defaults < the configuration file < command-line options."""
    from .configfile import find_config, load_config

    if isolated:
        config = Config()
    else:
        found = config_file or find_config(next((p for p in paths if p and p != "-"), None))
        config = load_config(found) if found else Config()
    if cli["select"]:
        config.select = cli["select"]
    config.extend_select += cli["extend_select"]
    config.ignore += cli["ignore"]
    config.tables += list(cli["tables"])
    config.include = list(cli["include"]) or config.include
    config.exclude = list(cli["exclude"]) or config.exclude
    config.house = cli["house"] or config.house
    config.no_default_table = cli["no_default_table"] or config.no_default_table
    return config


_BATCH_OPTIONS = (
    click.option("--lang", "lang", metavar="CODE",
                 help="Language of the copy (default: from story.<lang>.txt, else detected)."),
    click.option("--table", "tables", multiple=True, metavar="FILE",
                 help="Name table (YAML/JSON, or from<TAB>to<TAB>lang TSV) layered on the built-in one; repeatable."),
    click.option("--no-default-table", is_flag=True, help="Do not load the built-in name table."),
    click.option("--select", multiple=True, metavar="CODES", help="Only these rule codes or prefixes (NAME, NAME001)."),
    click.option("--extend-select", multiple=True, metavar="CODES", help="Add codes to the selection."),
    click.option("--ignore", multiple=True, metavar="CODES", help="Skip these rule codes or prefixes."),
    click.option("--house", metavar="STYLE", help="House style whose name forms win (ap, reuters, ...)."),
    click.option("--include", multiple=True, metavar="GLOB",
                 help="Files to take from folders (default *.txt, *.md, *.xlf, *.xliff, *.tmx)."),
    click.option("--exclude", multiple=True, metavar="GLOB", help="Files to skip."),
    click.option("--config", "config_file", type=click.Path(dir_okay=False),
                 help="Configuration file (default: the nearest checker.toml or pyproject.toml [tool.checker])."),
    click.option("--isolated", is_flag=True, help="Ignore configuration files."),
)


def _batch_options(command):
    """The options that say which copy is checked and how (``check`` and ``serve`` share them)."""
    for option in reversed(_BATCH_OPTIONS):
        command = option(command)
    return command


def _pipeline(paths, lang, tables, no_default_table, select, extend_select, ignore, house, include, exclude,
              config_file, isolated, stdin_filename=None):
    """(config, linter, table, language) of a run from the batch options; a bad config, table or language
    ends the run with its one-line error. The configuration file is the one nearest the first path (the
    ``--stdin-filename`` for ``-``)."""
    from .documents import normalize_language
    from .engine import Engine
    from .names.compiled import compiled_finder
    from .run import Linter

    try:
        named = [stdin_filename if p == "-" else p for p in paths]
        config = _settings(named, config_file, isolated, select=_codes(select), extend_select=_codes(extend_select),
                           ignore=_codes(ignore), tables=tables, include=include, exclude=exclude, house=house,
                           no_default_table=no_default_table)
        lang = normalize_language(lang) if lang else None
        finder = compiled_finder(config.tables, default=not config.no_default_table)
    except CheckerError as err:
        _fail(err)
    return config, Linter(Engine(finder, config), config), finder.table, lang


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_batch_options
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("-o", "--output-file", type=click.Path(dir_okay=False), help="Write the report here, not stdout.")
@click.option("--statistics", is_flag=True, help="Print the number of findings per code instead of the findings.")
@click.option("--fix", is_flag=True, help="Apply safe fixes in place (atomic; encoding, BOM, line endings kept).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes.")
@click.option("--diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Baseline file: written when missing, else its findings are not reported.")
@click.option("--write-baseline", is_flag=True, help="(Re)write the --baseline file from this run.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True, metavar="N",
              help="Check the files on N processes (0: one per CPU); the report is the same.")
@click.option("--stdin-filename", metavar="PATH",
              help="The file that - (stdin) holds, for an editor: its language, configuration and the version "
                   "beside it come from this name, and findings are reported under it (fixes still go to stdout).")
def check(paths, lang, fmt, output_file, statistics, tables, no_default_table, select, extend_select, ignore, house,
          include, exclude, config_file, isolated, fix, unsafe_fixes, diff, baseline, write_baseline, exit_zero, jobs,
          stdin_filename):
    """Check copy files, folders or - (stdin) and report findings.

    Exit status: 0 clean, 1 findings, 2 usage, 3 unreadable input, 4 config, 5 table, 6 language.
    """
    from . import baseline as baselines
    from .run import check_batch

    if write_baseline and not baseline:
        raise click.UsageError("--write-baseline needs --baseline FILE")
    if unsafe_fixes and not (fix or diff):
        fix = True
    if stdin_filename is not None and "-" not in paths:
        raise click.UsageError("--stdin-filename names the copy read from -, which is not among the paths")
    config, lint, table, lang = _pipeline(paths, lang, tables, no_default_table, select, extend_select, ignore, house,
                                          include, exclude, config_file, isolated, stdin_filename)
    try:
        known = baselines.load(baseline) if baseline and not write_baseline and Path(baseline).exists() else None
    except CheckerError as err:
        _fail(err)
    batch = check_batch(paths, config, lint, table, lang, fix, diff, unsafe_fixes, jobs, stdin_filename)
    results, worst, docs, diffs = batch.results, batch.worst, batch.docs, batch.diffs
    if baseline and (write_baseline or known is None):
        n = baselines.write(baseline, results)
        click.echo(f"checker: wrote {n} finding{'s' * (n != 1)} to the baseline {baseline}", err=True)
        sys.exit(int(worst))
    if known is not None:
        baselines.apply(baseline, results, known)
    if diff:
        sys.stdout.write("".join(diffs))
        sys.exit(int(worst if worst != ExitCode.CLEAN else ExitCode.FINDINGS if diffs and not exit_zero else 0))
    if fix and "-" in docs:  # stdin: the fixed text goes to stdout, like a filter
        sys.stdout.write(docs["-"].text)
        sys.exit(int(worst))
    _report("statistics" if statistics else fmt, results, output_file)
    if worst != ExitCode.CLEAN:
        sys.exit(int(worst))
    found_any = any(r.findings for r in results)
    sys.exit(int(ExitCode.FINDINGS if found_any and not exit_zero else ExitCode.CLEAN))


def _report(fmt: str, results: list[FileResult], output_file: str | None) -> None:
    if output_file is None:
        render(fmt, results, sys.stdout)
        return
    import io

    from .fix import write_atomic

    buf = io.StringIO()
    render(fmt, results, buf)
    write_atomic(output_file, buf.getvalue().encode("utf-8"))


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@_batch_options
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port on 127.0.0.1 (0: any free one).")
@click.option("--open/--no-open", "open_browser", default=True, show_default=True,
              help="Open the page in the web browser (where there is a graphical session).")
def serve(paths, lang, tables, no_default_table, select, extend_select, ignore, house, include, exclude,
          config_file, isolated, port, open_browser):
    """Show the findings of copy files or folders on a local web page, and apply the fixes you choose.

    The page lists every finding beside the copy; a fix is applied to the file on disk when you press its
    button (as --fix writes: atomic, encoding and line endings kept). Reload to check again. Only this
    machine can reach the page. Stop with Ctrl-C.
    """
    from .serve import EditorPage, make_server

    if "-" in paths:
        raise click.UsageError("serve checks files and folders, not stdin")
    config, lint, table, lang = _pipeline(paths, lang, tables, no_default_table, select, extend_select, ignore, house,
                                          include, exclude, config_file, isolated)
    try:
        server = make_server(EditorPage(paths, config, lint, table, lang), port=port)
    except OSError as err:
        _fail(InputError(f"cannot listen on 127.0.0.1:{port} ({err.strerror or err}); try --port 0"))
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    click.echo(f"checker: the page is at {url} (Ctrl-C stops)", err=True)
    if open_browser and _graphical_session():
        import threading
        import webbrowser

        # beside the server, not before it: a browser that waits for its page would otherwise wait forever
        threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def _graphical_session() -> bool:
    """Whether a web browser can show a page here: macOS and Windows, or a Linux/BSD display. Without one
    (a server, CI, ssh) ``webbrowser`` may start a text browser in this terminal instead."""
    import os

    return sys.platform in ("darwin", "win32") or bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


@cli.group()
def names() -> None:
    """Work with name mentions: cluster them into entities."""


@names.command("cluster")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
@click.option("--table", "tables", multiple=True, metavar="FILE", help="Extra name tables.")
def cluster_cmd(file, fmt, tables):
    """Group name mentions (JSON lines: mention, lang, optional type, set; FILE ``-`` reads standard input)
    into entities."""
    from .names.cluster import cluster_mentions
    from .names.records import read_mentions
    from .names.table import load_table

    try:
        records = read_mentions(file)
        table = load_table(tables)
    except CheckerError as err:
        _fail(err)
    ids = cluster_mentions(records, table)
    rows = [{"mention_index": r.get("mention_index", i), "cluster": c}
            for i, (r, c) in enumerate(zip(records, ids, strict=True))]
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps(row))
    else:
        click.echo(json.dumps({"clusters": rows}))


@cli.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_cmd(fmt):
    """List the rules: code, name, family, fix availability, status, summary."""
    from .rules import all_rules

    rows = [{"code": r.code, "name": r.name, "family": r.family(), "fix": r.fix, "status": r.status,
             "severity": r.severity.value, "summary": r.summary()} for r in all_rules()]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    cols = ("code", "name", "family", "fix", "status")
    width = {c: max(len(c), *(len(r[c]) for r in rows)) for c in cols}
    click.echo("  ".join(c.upper().ljust(width[c]) for c in cols) + "  SUMMARY")
    for r in rows:
        click.echo("  ".join(r[c].ljust(width[c]) for c in cols) + "  " + r["summary"])
    click.echo("\nfix: always / sometimes (see `checker explain CODE`, Fix safety) / none")


@cli.command("explain")
@click.argument("code")
def explain_cmd(code):
    """Explain one rule: what it flags, why, an example, fix safety, data."""
    from .rules import all_rules, docstring_sections

    rules = {r.code: r for r in all_rules()}
    rule = rules.get(code.upper())
    if rule is None:
        raise click.UsageError(f"unknown rule code {code!r}; `checker rules` lists them")
    sections = docstring_sections(rule)
    click.echo(f"{rule.code} ({rule.name}): {sections['summary']}\n")
    for title, body in sections.items():
        if title != "summary":
            click.echo(f"{title}:\n" + "\n".join("    " + ln for ln in body.splitlines()) + "\n")


@cli.group("table")
def table_group() -> None:
    """Work with name tables."""


@table_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--from", "kind", type=click.Choice(["vale", "prh", "codespell"]),
              help="Format of FILE (default: told from its content).")
@click.option("--lang", "lang", default="en", show_default=True, metavar="CODE",
              help="Language of the forms (none of these formats says).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the table here, not stdout.")
def table_import_cmd(file, kind, lang, output):
    """Turn a Vale substitution style, a textlint prh.yml or a codespell dictionary into a checker name
    table (docs/name-table.md); what cannot be mapped is listed on stderr."""
    from .documents import normalize_language
    from .fix import write_atomic
    from .table_import import dump, import_file, to_table

    try:
        lang = normalize_language(lang)
        imported = import_file(file, kind)
    except CheckerError as err:
        _fail(err)
    table = to_table(imported, lang, Path(file).name)
    n_forms = sum(len(e["names"][lang].get("deprecated", [])) + len(e["names"][lang].get("accepted", []))
                  for e in table["entities"])
    header = [f"checker-names/1 table imported from {Path(file).name} by `checker table import` ({lang})",
              f"{len(table['entities'])} entities, {n_forms} forms; {len(imported.skipped)} entries not mapped"]
    text = dump(table, header)
    if output:
        write_atomic(output, text.encode("utf-8"))
    else:
        sys.stdout.write(text)
    for line in imported.notes:
        click.echo(f"checker: note: {line}", err=True)
    for line in imported.skipped:
        click.echo(f"checker: not mapped: {line}", err=True)
    click.echo(f"checker: imported {n_forms} forms of {len(table['entities'])} entities; "
               f"{len(imported.skipped)} entries not mapped", err=True)


def main() -> None:
    """Console entry point: usage errors exit 2 (click), checker errors their own code, never a traceback."""
    try:
        cli(standalone_mode=True)
    except CheckerError as err:
        _fail(err)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as err:  # noqa: BLE001 - the last line of defence: one line, a distinct code
        click.echo(f"checker: internal error: {type(err).__name__}: {err} (please report this)", err=True)
        sys.exit(int(ExitCode.INTERNAL))
