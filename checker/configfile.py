"""Reading ``checker.toml`` or ``pyproject.toml [tool.checker]``: discovery, validation, file:line errors.

Discovery walks up from the first path checked (or the working directory): in each folder a
``checker.toml`` wins, else a ``pyproject.toml`` that has a ``[tool.checker]`` table. Settings (keys in
kebab-case; ``checker.toml`` has them at the top level)::

    select = ["NAME"]                 # codes or prefixes; default: every rule
    extend-select = ["NAME004"]
    ignore = ["NAME004"]
    house = "ap"                      # house style whose forms win
    strict-house = false
    tables = ["names/house.yaml"]     # relative to the configuration file
    no-default-table = false
    default-lang = "en"               # files whose name does not say, instead of detection
    include = ["*.txt", "*.md"]
    exclude = ["drafts/*"]
    [severity]                        # [tool.checker.severity] in pyproject.toml
    NAME003 = "error"
    [per-file-ignores]
    "archive/*" = ["NAME002"]
    [per-file-lang]
    "copy/de/*" = "de"

tomllib gives no line numbers for values, so a bad key or value is located by searching its key under its
table in the text; every error reads ``file:line: message`` and exits with ExitCode.CONFIG.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path, PurePath

from .config import Config
from .errors import ConfigError

SEVERITIES = ("error", "warning", "info")
_LIST_KEYS = ("select", "extend-select", "ignore", "include", "exclude")
_CODE = re.compile(r"^[A-Z]+\d{0,3}$")


def glob_match(path: str, glob: str) -> bool:
    """``glob`` against the path's POSIX form, its file name, or any tail of it (``*`` also crosses ``/``)."""
    posix = PurePath(path).as_posix()
    g = glob.removeprefix("./")
    return fnmatch.fnmatch(posix, g) or fnmatch.fnmatch(PurePath(path).name, g) or fnmatch.fnmatch(posix, "*/" + g)


def find_config(start: str | Path | None = None) -> Path | None:
    """The nearest ``checker.toml`` or ``pyproject.toml`` with ``[tool.checker]``, walking up from ``start``."""
    here = Path(start or ".").resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        cand = folder / "checker.toml"
        if cand.is_file():
            return cand
        cand = folder / "pyproject.toml"
        if cand.is_file():
            try:
                text = cand.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            if re.search(r"^\s*\[\s*tool\s*\.\s*checker\s*[\].]", text, flags=re.M):
                return cand
    return None


def key_line(text: str, table: tuple[str, ...], key: str | None) -> int:
    """1-based line of ``key`` in ``[table]`` (or of the table header when ``key`` is None), found in the text."""
    header = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    current: tuple[str, ...] = ()
    header_line = 0
    fallback = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        m = header.match(line)
        if m:
            current = tuple(p.strip().strip('"\'') for p in m.group(1).split("."))
            if current == table:
                header_line = lineno
            continue
        if key is None:
            continue
        km = re.match(r"""\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_.\-]+))\s*=""", line)
        if km:
            name = km.group(1) or km.group(2) or km.group(3)
            dotted = tuple(p.strip().strip('"\'') for p in name.split("."))
            if current == table and dotted[0] == key or current + dotted[:-1] == table and dotted[-1] == key:
                return lineno
            if dotted[-1] == key and not fallback:
                fallback = lineno
    if key is None or not fallback:
        return header_line or fallback or 1
    return fallback


class _Reader:
    def __init__(self, path: Path, text: str, prefix: tuple[str, ...]) -> None:
        self.path, self.text, self.prefix = path, text, prefix

    def fail(self, key: str | None, message: str, table: tuple[str, ...] = ()) -> ConfigError:
        line = key_line(self.text, self.prefix + table, key)
        return ConfigError(f"{self.path}:{line}: {message}")

    def strings(self, data: dict, key: str, table: tuple[str, ...] = ()) -> list[str]:
        value = data[key]
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, f"'{key}' must be a list of strings", table)
        return value

    def codes(self, data: dict, key: str, table: tuple[str, ...] = ()) -> list[str]:
        codes = [c.strip().upper() for v in self.strings(data, key, table) for c in v.split(",") if c.strip()]
        for c in codes:
            if not _CODE.match(c):
                raise self.fail(key, f"'{key}': {c!r} is not a rule code or prefix (NAME, NAME001)", table)
        return codes


def load_config(path: str | Path) -> Config:
    """A Config from one configuration file; ConfigError (file:line) when it is malformed."""
    from .documents import normalize_language
    from .errors import LanguageError

    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except UnicodeDecodeError as err:
        raise ConfigError(f"{path}:{text_line_of_byte(path, err.start)}: not UTF-8") from None
    except OSError as err:
        raise ConfigError(f"{path}: cannot read ({err.strerror or err})") from None
    import tomllib  # only a run with a configuration file needs it

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        msg = str(err)
        m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
        where = f":{m.group(1)}" if m else (":1" if "end of document" not in msg else f":{text.count(chr(10)) + 1}")
        msg = re.sub(r"\s*\(at (line \d+, column (\d+)|end of document)\)", r" (column \2)" if m else "", msg)
        raise ConfigError(f"{path}{where}: not valid TOML: {msg}") from None
    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        prefix = ("tool", "checker")
        data = doc.get("tool", {}).get("checker", {})
    else:
        data = doc
    r = _Reader(path, text, prefix)
    if not isinstance(data, dict):
        raise r.fail(None, "[tool.checker] must be a table")
    cfg = Config(source=str(path))
    known = {*_LIST_KEYS, "house", "strict-house", "tables", "no-default-table", "default-lang", "severity",
             "per-file-ignores", "per-file-lang"}
    for key in data:
        if key not in known:
            hint = f" (did you mean {key.replace('_', '-')!r}?)" if key.replace("_", "-") in known else ""
            raise r.fail(key, f"unknown setting {key!r}{hint}; known: {', '.join(sorted(known))}")
    for key in ("select", "extend-select", "ignore"):
        if key in data:
            setattr(cfg, key.replace("-", "_"), r.codes(data, key))
    for key in ("include", "exclude"):
        if key in data:
            setattr(cfg, key, r.strings(data, key))
    if "tables" in data:
        cfg.tables = [str(path.parent / t) for t in r.strings(data, "tables")]
        for t, raw in zip(cfg.tables, data["tables"] if isinstance(data["tables"], list) else [data["tables"]],
                          strict=True):
            if not Path(t).is_file():
                raise r.fail("tables", f"table file {raw!r} not found (tables are relative to {path.name})")
    for key in ("strict-house", "no-default-table"):
        if key in data:
            if not isinstance(data[key], bool):
                raise r.fail(key, f"'{key}' must be true or false")
            setattr(cfg, key.replace("-", "_"), data[key])
    if "house" in data:
        if not isinstance(data["house"], str) or not data["house"].strip():
            raise r.fail("house", "'house' must be the name of a house style (ap, reuters, ...)")
        cfg.house = data["house"].strip()
    if "default-lang" in data:
        try:
            cfg.default_lang = normalize_language(str(data["default-lang"]))
        except LanguageError as err:
            raise r.fail("default-lang", f"'default-lang': {err}") from None
    for key in ("severity", "per-file-ignores", "per-file-lang"):
        if key in data and not isinstance(data[key], dict):
            raise r.fail(key, f"'{key}' must be a table")
    for code, level in data.get("severity", {}).items():
        if not _CODE.match(code.upper()):
            raise r.fail(code, f"severity: {code!r} is not a rule code or prefix", ("severity",))
        if level not in SEVERITIES:
            raise r.fail(code, f"severity of {code}: {level!r} is not one of {', '.join(SEVERITIES)}", ("severity",))
        cfg.severity[code.upper()] = level
    ignores = data.get("per-file-ignores", {})
    for glob in ignores:
        cfg.per_file_ignores[glob] = r.codes(ignores, glob, ("per-file-ignores",))
    for glob, lang in data.get("per-file-lang", {}).items():
        try:
            cfg.per_file_lang[glob] = normalize_language(str(lang))
        except LanguageError as err:
            raise r.fail(glob, f"per-file-lang: {err}", ("per-file-lang",)) from None
    return cfg


def text_line_of_byte(path: Path, offset: int) -> int:
    try:
        return path.read_bytes()[:offset].count(b"\n") + 1
    except OSError:
        return 1


def lang_for(cfg: Config, path: str) -> str | None:
    """The language ``per-file-lang`` gives ``path``, if any."""
    for glob, lang in cfg.per_file_lang.items():
        if glob_match(path, glob):
            return lang
    return None


def severity_for(cfg: Config, code: str) -> str | None:
    """The configured severity of ``code``: the longest matching code or prefix wins."""
    best = max((c for c in cfg.severity if code.startswith(c)), key=len, default=None)
    return cfg.severity[best] if best else None
