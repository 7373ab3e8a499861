"""GitHub Actions workflow commands: ``::warning file=…,line=…::message``, one per finding; annotations
show on the pull request. Escaping follows the runner: in the message ``%``, CR and LF; in properties also
``:`` and ``,``."""

from __future__ import annotations

from typing import TextIO

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    body = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level} {body}::{escape_data(message)}\n" if body else f"::{level}::{escape_data(message)}\n"


def render(results, out: TextIO) -> None:
    for res in results:
        if res.error:
            out.write(command("error", res.error, file=res.path, title="checker: cannot check this file"))
        for f in res.findings:
            fix = f" [fix: {' | '.join(f.suggestions)}]" if f.suggestions else ""
            out.write(command(LEVELS[f.severity.value], f"{f.code} {f.message}{fix}", file=res.path, line=f.line,
                              col=f.column, endLine=f.end_line, endColumn=f.end_column, title=f"{f.code} ({f.rule})"))
