"""``checker table import``: other tools' substitution lists as a checker name table (``checker-names/1``).

Reads a Vale ``substitution`` or ``consistency`` style, a textlint-rule-prh ``prh.yml`` and a codespell
dictionary (``wrong->right``). Each pair "write B, not A" becomes, in the chosen language, an entity whose
``preferred`` form is B with A ``deprecated`` (the reason is kept where the source has one: prh's ``prh:``
comment). None of these formats says which language a pair belongs to, so ``--lang`` names it. What cannot
be mapped is reported, never dropped silently: a real regular expression (only literal words, optionally
between the word-boundary lookarounds these tools use, are mapped), several suggestions for one word,
options checker has no equivalent for, codespell's lower-cased keys (the case is taken from the target).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TableError

KINDS = ("vale", "prh", "codespell")
_LOOKBEHIND = re.compile(r"^\(\?<!\[[^\]]*\]\)")
_LOOKAHEAD = re.compile(r"\(\?!\[[^\]]*\]\)$")
_SPECIAL = set("\\^$.|?*+()[]{}")


@dataclass
class Imported:
    """Pairs read from a foreign config, and what could not be mapped (``file:line: why``)."""

    pairs: list[tuple[str, str, str]] = field(default_factory=list)  # (wrong, right, reason)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def detect_kind(path: str | Path, text: str) -> str:
    name = Path(path).name.lower()
    if re.search(r"^\s*extends\s*:\s*(substitution|consistency)", text, re.M):
        return "vale"
    if re.search(r"^\s*rules\s*:", text, re.M) and re.search(r"^\s*-?\s*expected\s*:", text, re.M):
        return "prh"
    if "->" in text or name.endswith((".dict", ".txt")):
        return "codespell"
    raise TableError(f"{path}:1: cannot tell the format; name it with --from ({', '.join(KINDS)})")


def literal(pattern: str) -> str | None:
    """The literal text a pattern stands for (``/re/flags`` or a bare Vale/prh pattern; escapes and the
    word-boundary lookarounds and ``\\b`` these tools add are fine), or None for a real regular expression."""
    body = pattern.rstrip("gimsuy")
    if pattern.startswith("/") and body.endswith("/") and len(body) > 2:
        pattern = body[1:-1]
    pattern = _LOOKAHEAD.sub("", _LOOKBEHIND.sub("", pattern))
    pattern = pattern.removeprefix("\\b").removesuffix("\\b")
    out, i = [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern) and not pattern[i + 1].isalnum():
            out.append(pattern[i + 1])
            i += 2
            continue
        if c in _SPECIAL:
            return None
        out.append(c)
        i += 1
    return "".join(out)


def _line_of(lines: list[str], needle: str, start: int = 0) -> int:
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i + 1
    return 0


def read_vale(path: str, text: str) -> Imported:
    out = Imported()
    lines = text.splitlines()
    data = _yaml(path, text)
    kind = data.get("extends")
    if kind not in ("substitution", "consistency"):
        raise TableError(f"{path}:{_line_of(lines, 'extends') or 1}: a Vale style that extends {kind!r}; "
                         "only substitution and consistency styles hold name pairs")
    for key in ("ignorecase", "nonword", "vocab", "action", "exceptions", "tokens"):
        if data.get(key):
            out.notes.append(f"{path}:{_line_of(lines, key + ':') or 1}: option {key!r} has no checker "
                             f"equivalent (checker matches names case-sensitively, as words)")
    if "level" in data:
        out.notes.append(f"{path}:{_line_of(lines, 'level:') or 1}: level {data['level']!r} not mapped: "
                         "set it per rule with [severity] in checker.toml")
    swap = data.get("swap") or {}
    if not isinstance(swap, dict):
        raise TableError(f"{path}:{_line_of(lines, 'swap') or 1}: 'swap' must be a mapping")
    for wrong, right in swap.items():
        wrong, right = str(wrong), str(right)
        where = f"{path}:{_line_of(lines, wrong) or _line_of(lines, wrong.split()[0] if wrong.split() else wrong) or 1}"
        if kind == "consistency":
            # either form may be used, but one story must keep to one: both are accepted forms of one entity
            out.pairs.append((right, wrong, "consistency"))
            continue
        lit = literal(wrong)
        if lit is None:
            out.skipped.append(f"{where}: {wrong!r} is a regular expression; checker tables hold literal forms")
            continue
        options = [r.strip() for r in right.split("|")]
        if len(options) > 1:
            out.skipped.append(f"{where}: {wrong!r} has several replacements ({right}); a table form has one")
            continue
        out.pairs.append((lit, options[0], ""))
    return out


def read_prh(path: str, text: str) -> Imported:
    out = Imported()
    lines = text.splitlines()
    data = _yaml(path, text)
    if data.get("imports"):
        out.notes.append(f"{path}:{_line_of(lines, 'imports') or 1}: 'imports' not followed; import those files too")
    pos = 0
    for rule in data.get("rules") or []:
        if not isinstance(rule, dict) or "expected" not in rule:
            out.skipped.append(f"{path}:{_line_of(lines, '- ', pos) or 1}: a rule without 'expected'")
            continue
        expected = str(rule["expected"])
        line = _line_of(lines, "expected", pos) or 1
        pos = line
        where = f"{path}:{line}"
        if re.search(r"\$\d", expected):
            out.skipped.append(f"{where}: expected {expected!r} uses capture groups")
            continue
        patterns = rule.get("patterns", rule.get("pattern"))
        if patterns is None:
            out.skipped.append(f"{where}: expected {expected!r} without 'pattern': prh derives a pattern from it; "
                               "nothing to deprecate")
            continue
        for pat in patterns if isinstance(patterns, list) else [patterns]:
            pat = str(pat)
            lit = literal(pat) if pat.startswith("/") else pat  # a bare prh pattern is a literal string
            if lit is None:
                out.skipped.append(f"{where}: pattern {pat!r} is a regular expression")
            elif lit != expected:
                out.pairs.append((lit, expected, str(rule.get("prh") or "")))
        if rule.get("specs"):
            out.notes.append(f"{where}: 'specs' (self-tests) not imported: checker's table has no such field")
    return out


def read_codespell(path: str, text: str) -> Imported:
    out = Imported()
    cased = 0
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "->" not in line:
            out.skipped.append(f"{path}:{lineno}: not a 'wrong->right' line")
            continue
        wrong, right = (s.strip() for s in line.split("->", 1))
        options = [r.strip() for r in right.split(",") if r.strip()]
        reason = ""
        if right.rstrip().endswith(",") and len(options) == 1:
            reason = "codespell: no automatic fix"
        if len(options) != 1:
            out.skipped.append(f"{path}:{lineno}: {wrong!r} has {len(options)} suggestions ({right}); "
                               "a table form has one")
            continue
        target = options[0]
        if wrong.islower() and target[:1].isupper():
            wrong = wrong[:1].upper() + wrong[1:]
            cased += 1
        out.pairs.append((wrong, target, reason))
    if cased:
        out.notes.append(f"{path}: codespell keys are lower case; {cased} were capitalised like their target "
                         "(checker matches names case-sensitively)")
    return out


def _yaml(path: str, text: str) -> dict:
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise TableError(f"{path}:{mark.line + 1 if mark else 1}: not valid YAML: "
                         f"{getattr(err, 'problem', None) or err}") from None
    if not isinstance(data, dict):
        raise TableError(f"{path}:1: expected a mapping at the top level")
    return data


READERS = {"vale": read_vale, "prh": read_prh, "codespell": read_codespell}


def import_file(path: str | Path, kind: str | None = None) -> Imported:
    path = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise TableError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as err:
        raise TableError(f"{path}: cannot read ({err})") from None
    return READERS[kind or detect_kind(path, text)](path, text)


def to_table(imported: Imported, lang: str, source: str) -> dict:
    """A ``checker-names/1`` table: one entity per target form, the replaced forms deprecated under it."""
    entities: dict[str, dict] = {}
    for wrong, right, reason in imported.pairs:
        if wrong == right:
            continue
        ent = entities.setdefault(right, {"id": f"import:{lang}:{right}", "type": "MISC", "sources": [source],
                                          "names": {lang: {"preferred": right}}})
        names = ent["names"][lang]
        if reason == "consistency":
            if wrong not in names.setdefault("accepted", []):
                names["accepted"].append(wrong)
            continue
        dep = names.setdefault("deprecated", [])
        if all((d["form"] if isinstance(d, dict) else d) != wrong for d in dep):
            dep.append({"form": wrong, "reason": reason} if reason else wrong)
    return {"format": "checker-names/1", "entities": list(entities.values())}


def dump(table: dict, header: list[str]) -> str:
    import yaml

    body = yaml.safe_dump(table, allow_unicode=True, sort_keys=False, width=120)
    return "".join(f"# {h}\n" for h in header) + body
