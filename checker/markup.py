"""What of a file is not prose, blanked before the rules read it.

In any copy: URLs, web addresses and e-mail addresses (``segments.url_spans``): "https://…/Kiew/Selenskyj"
is an address, not two German name forms, and a fix must never rewrite it. In Markdown (``.md``,
``.markdown``) also fenced code blocks, code spans, HTML comments and tags, and the targets of links,
images and link reference definitions: the link text is copy, the address it points to is not.

Blanking replaces every character of those spans but line breaks with a space, so offsets, lines and
columns stay those of the file and every rule skips the spans without knowing of them.
"""

from __future__ import annotations

import re

from .segments import url_spans

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


def is_markdown(path: str) -> bool:
    """True for a Markdown file name."""
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def non_prose_spans(text: str, path: str = "") -> list[tuple[int, int]]:
    """The spans of ``text`` that are not prose (see the module docstring), sorted, possibly overlapping."""
    spans = list(url_spans(text).spans)
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
