"""Exit codes and the errors that map to them: one clear line on stderr, never a traceback."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit status of ``checker`` (documented in the README's exit-code table)."""

    CLEAN = 0  # no findings
    FINDINGS = 1  # findings reported
    USAGE = 2  # bad command line (click's own code for usage errors)
    INPUT = 3  # a file could not be read as copy: missing, binary, invalid encoding, empty
    CONFIG = 4  # malformed configuration
    TABLE = 5  # malformed name table
    LANGUAGE = 6  # unknown language code, or language not determinable
    INTERNAL = 70  # a bug in checker (EX_SOFTWARE)


class CheckerError(Exception):
    """An error the user can act on. ``str(err)`` is the one line printed on stderr."""

    exit_code: ExitCode = ExitCode.INTERNAL


class InputError(CheckerError):
    """A path or its bytes cannot be checked (missing, unreadable, binary, undecodable, empty)."""

    exit_code = ExitCode.INPUT


class ConfigError(CheckerError):
    """A configuration file is malformed; the message names file:line."""

    exit_code = ExitCode.CONFIG


class TableError(CheckerError):
    """A name table is malformed; the message names file:line."""

    exit_code = ExitCode.TABLE


class LanguageError(CheckerError):
    """A language code is unknown, or the language of a text cannot be determined."""

    exit_code = ExitCode.LANGUAGE
