"""The ``checker`` command line: check, names cluster, rules, explain."""

from __future__ import annotations

import json
import sys

import click

from . import __version__
from .config import Config
from .errors import CheckerError, ExitCode, InputError, LanguageError
from .report import FORMATS, FileResult, render


def _fail(err: CheckerError) -> None:
    click.echo(f"checker: error: {err}", err=True)
    sys.exit(int(err.exit_code))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="checker")
def cli() -> None:
    """Find source-language leaks in translated news copy: foreign and deprecated name forms,
    inconsistent spellings, translation artefacts."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--lang", "lang", metavar="CODE",
              help="Language of the copy (default: from story.<lang>.txt, else detected).")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="Output format.")
@click.option("--table", "tables", multiple=True, metavar="FILE",
              help="Name table (YAML/JSON, or from<TAB>to<TAB>lang TSV) layered on the built-in one; repeatable.")
@click.option("--no-default-table", is_flag=True, help="Do not load the built-in name table.")
@click.option("--select", multiple=True, metavar="CODE", help="Only these rule codes or prefixes (NAME, NAME001).")
@click.option("--ignore", multiple=True, metavar="CODE", help="Skip these rule codes or prefixes.")
@click.option("--house", metavar="STYLE", help="House style whose name forms win (ap, reuters, ...).")
@click.option("--include", multiple=True, metavar="GLOB", help="Files to take from folders (default *.txt, *.md).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Files to skip.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
def check(paths, lang, fmt, tables, no_default_table, select, ignore, house, include, exclude, exit_zero):
    """Check copy files, folders or - (stdin) and report findings.

    Exit status: 0 clean, 1 findings, 2 usage, 3 unreadable input, 4 config, 5 table, 6 language.
    """
    from .documents import normalize_language, read_document
    from .engine import Engine
    from .names.compiled import compiled_finder
    from .paths import expand, versions

    try:
        if lang:
            lang = normalize_language(lang)
        finder = compiled_finder(tables, default=not no_default_table)
    except CheckerError as err:
        _fail(err)
    table = finder.table
    config = Config(select=list(select), ignore=list(ignore), house=house, tables=list(tables))
    engine = Engine(finder, config)
    files, path_errors = expand(list(paths), include, exclude)
    results: list[FileResult] = []
    worst = ExitCode.CLEAN
    for err in path_errors:
        click.echo(f"checker: error: {err}", err=True)
        results.append(FileResult(path=str(err).split(": ")[0], error=str(err), error_code=int(err.exit_code)))
        worst = max(worst, err.exit_code)
    docs = {}
    for path in files:
        try:
            data = sys.stdin.buffer.read() if path == "-" else None
            docs[path] = read_document("<stdin>" if path == "-" else path, lang, data)
        except (InputError, LanguageError) as err:
            click.echo(f"checker: error: {err}", err=True)
            results.append(FileResult(path=path, error=str(err), error_code=int(err.exit_code)))
            worst = max(worst, err.exit_code)
    siblings = versions([p for p in files if p in docs])
    uncovered: set[str] = set()
    found_any = False
    for path, doc in docs.items():
        if doc.lang not in table.languages and doc.lang not in uncovered:
            uncovered.add(doc.lang)
            click.echo(f"checker: notice: the name table has no {doc.lang} forms; "
                       f"checking {doc.path} with the rules that apply to any language", err=True)
        source = next((docs[s] for s in siblings.get(path, []) if s in docs), None)
        findings = engine.check(doc, source)
        found_any = found_any or bool(findings)
        results.append(FileResult(path=doc.path, lang=doc.lang, lang_origin=doc.lang_origin, findings=findings))
    order = {p: i for i, p in enumerate(list(paths) + files)}
    results.sort(key=lambda r: order.get(r.path, len(order)))
    render(fmt, results, sys.stdout)
    if worst != ExitCode.CLEAN:
        sys.exit(int(worst))
    sys.exit(int(ExitCode.FINDINGS if found_any and not exit_zero else ExitCode.CLEAN))


@cli.group()
def names() -> None:
    """Work with name mentions: cluster them into entities."""


@names.command("cluster")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl"]), default="json", show_default=True)
@click.option("--table", "tables", multiple=True, metavar="FILE", help="Extra name tables.")
def cluster_cmd(file, fmt, tables):
    """Group name mentions (JSON lines: mention, lang, optional type, set) into entities."""
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
def rules_cmd():
    """List the rules: code, name, family, fix availability, summary."""
    from .rules import all_rules

    for rule in all_rules():
        click.echo(f"{rule.code:8} {rule.name:26} {rule.family():22} fix:{rule.fix:9} {rule.summary()}")


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
