"""What of a file is not prose, blanked before the rules read it.

In any copy: URLs, web addresses and e-mail addresses (``address_spans``): "https://…/Kiew/Selenskyj"
is an address, not two German name forms, and a fix must never rewrite it. In Markdown (``.md``,
``.markdown``) also fenced code blocks, code spans, HTML comments and tags, and the targets of links,
images and link reference definitions: the link text is copy, the address it points to is not.

Blanking replaces every character of those spans but line breaks with a space, so offsets, lines and
columns stay those of the file and every rule skips the spans without knowing of them.
"""

from __future__ import annotations

import re

MARKDOWN_SUFFIXES = (".md", ".markdown")

#: A fenced code block: an opening fence of three or more backticks or tildes (indented up to three spaces),
#: through the closing fence of the same character and at least the same length, or the end of the file.
_FENCE = re.compile(r"^ {0,3}(?P<fence>`{3,}|~{3,})[^\n]*\n(?:.*\n)*?(?: {0,3}(?P=fence)[`~]*[ \t]*(?:\n|$)|\Z)",
                    re.M)
#: A code span on one line (a run of backticks, its content, the same run).
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)[^\n]*?(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
#: The target of an inline link or image, with its title: ``](target "title")``; the brackets stay.
_LINK_TARGET = re.compile(r"\]\((?P<target>[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*)\)")
#: A link reference definition: ``[label]: target "title"`` on a line of its own.
_REFERENCE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(?P<target>\S+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?)[ \t]*$",
                        re.M)


#: Where a URL starts (the scheme or "www."); a URL runs on to the next white space.
_URL_PREFIXES = ("http://", "https://", "www.")
_NON_SPACE = re.compile(r"\S+")
#: A top-level domain after a dot: the anchor of a bare web address (example.com/...) or of an e-mail address.
_TLD = re.compile(r"\.(?:com|org|net|de|ru|ua|cz|uk|eu)\b")


def _found(text: str, needle: str) -> list[int]:
    """Every position of ``needle`` in ``text`` (``str.find``: a scan in C)."""
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def address_spans(text: str) -> list[tuple[int, int]]:
    """Spans of URLs, web addresses (example.com/...) and e-mail addresses, sorted and merged."""
    out: list[tuple[int, int]] = []
    end = -1
    for i in sorted(i for prefix in _URL_PREFIXES for i in _found(text, prefix)):
        if i < end:
            continue  # inside the URL before it (https://www.…)
        end = _NON_SPACE.match(text, i).end()
        if end > i + (4 if text.startswith("www.", i) else text.index("//", i) + 2 - i):
            out.append((i, end))
        else:
            end = -1
    anchors = [(i, i + 1, True) for i in _found(text, "@")]
    anchors += [(m.start(), m.end(), False) for m in _TLD.finditer(text)] if "." in text else []
    for start, stop, at in anchors:  # expand around an '@' or a top-level domain
        a = start
        while a > 0 and (text[a - 1].isalnum() or text[a - 1] in "._+-"):
            a -= 1
        b = stop
        while b < len(text) and not text[b].isspace() and text[b] not in "\"'”’)]>,;":
            b += 1
        if a < start and (not at or "." in text[stop:b]):
            out.append((a, b))
    out.sort()
    merged: list[tuple[int, int]] = []
    for a, b in out:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged


def is_markdown(path: str) -> bool:
    """True for a Markdown file name."""
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def non_prose_spans(text: str, path: str = "") -> list[tuple[int, int]]:
    """The spans of ``text`` that are not prose (see the module docstring), sorted, possibly overlapping."""
    spans = address_spans(text)
    if is_markdown(path):
        for pattern in (_FENCE, _COMMENT, _CODE_SPAN, _TAG):
            spans += [m.span() for m in pattern.finditer(text)]
        for pattern in (_LINK_TARGET, _REFERENCE):
            spans += [m.span("target") for m in pattern.finditer(text)]
    return sorted(spans)


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character of ``spans`` but a line break replaced by a space (same length)."""
    if not spans:
        return text
    parts: list[str] = []
    at = 0
    for a, b in spans:
        a = max(a, at)
        if b <= a:
            continue
        parts.append(text[at:a])
        parts.append(re.sub(r"[^\r\n]", " ", text[a:b]))
        at = b
    parts.append(text[at:])
    return "".join(parts)


def prose(text: str, path: str = "") -> str:
    """``text`` with what is not prose blanked (``non_prose_spans``); ``text`` itself when there is none."""
    return blank(text, non_prose_spans(text, path))
