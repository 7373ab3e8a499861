"""HTML: one self-contained page for an editor's pass: each file's copy with every finding marked in place,
and a list of the findings (line:column, code, message, suggestion) that jumps to each mark.

The page needs nothing from the network (styles and the small filter script are inline), so it can be
written next to the story and opened from disk: ``checker check --format html -o report.html story.en.txt``.
Overlapping findings split the copy into pieces; a piece carries every finding that covers it.
"""

from __future__ import annotations

from collections import Counter
from html import escape
from typing import TextIO

from .text import summary

_STYLE = """
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:70rem;padding:1rem 2rem;
color:#1d1d1f;background:#fff}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2.5rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
.meta{color:#555;font-size:.9rem}.error-line{color:#b00020}
.copy{white-space:pre-wrap;overflow-wrap:anywhere;border:1px solid #e3e3e3;border-radius:6px;padding:1rem;
background:#fafafa;font:15px/1.6 Georgia,"Times New Roman",serif}
mark{background:#ffe08a;border-bottom:2px solid #d89a00;padding:0 1px;border-radius:2px}
mark.error{background:#ffc9c9;border-bottom-color:#c62828}mark.info{background:#d6ecff;border-bottom-color:#1e6fd0}
mark.many{background:#ffb38a}mark:target,mark.hl{outline:2px solid #1d1d1f}
table{border-collapse:collapse;width:100%;margin-top:1rem;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid #eee}
th{background:#f3f3f3}td.where{white-space:nowrap}td.where a{color:inherit}
code{font:13px ui-monospace,Menlo,Consolas,monospace;background:#f1f1f1;padding:0 .25rem;border-radius:3px}
.sugg{color:#1b5e20}.filters{margin:.5rem 0;font-size:.9rem}.filters label{margin-right:1rem;white-space:nowrap}
tr.hidden{display:none}mark.off{background:none;border:0}
.notice{background:#e8f5e9;border:1px solid #a5d6a7;border-radius:6px;padding:.4rem .8rem}
form.act{display:inline;margin-left:.5rem}form.act button{font-size:.85rem;cursor:pointer}
"""

_SCRIPT = """
document.querySelectorAll('.filters input').forEach(function(box){
  box.addEventListener('change',function(){
    var code=box.value,on=box.checked,root=box.closest('section');
    root.querySelectorAll('tr[data-code="'+code+'"]').forEach(function(r){r.classList.toggle('hidden',!on)});
    root.querySelectorAll('mark').forEach(function(m){
      var codes=m.dataset.codes.split(' '),shown=codes.some(function(c){
        var b=root.querySelector('.filters input[value="'+c+'"]');return !b||b.checked});
      m.classList.toggle('off',!shown)});
  });
});
"""


def _pieces(text: str, findings: list) -> list[tuple[int, int, list[int]]]:
    """(start, end, indexes of the findings covering it) for the pieces the findings' bounds cut ``text``
    into, in order; pieces no finding covers have an empty list. An empty span (an insertion point) is
    widened to the character after it, so that it can be seen."""
    spans = [(f.start, max(f.end, min(f.start + 1, len(text)))) for f in findings]
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for i, (s, e) in enumerate(spans):
        opens.setdefault(s, []).append(i)
        closes.setdefault(e, []).append(i)
    bounds = sorted({0, len(text), *opens, *closes})
    out, active = [], set()
    for a, b in zip(bounds, bounds[1:], strict=False):
        active.difference_update(closes.get(a, ()))
        active.update(opens.get(a, ()))
        out.append((a, b, sorted(active)))
    return out


def _copy(text: str, findings: list, anchor: str) -> str:
    """The copy as HTML with a ``<mark>`` on every piece a finding covers; the first piece of finding ``i``
    gets the id ``{anchor}-{i}``."""
    parts, first = [], set()
    for a, b, covering in _pieces(text, findings):
        chunk = escape(text[a:b])
        if not covering:
            parts.append(chunk)
            continue
        severities = {findings[i].severity.value for i in covering}
        cls = "many" if len(covering) > 1 else next(iter(severities))
        ids = [i for i in covering if i not in first]
        first.update(ids)
        title = "\n".join(f"{findings[i].code}: {findings[i].message}" for i in covering)
        codes = " ".join(sorted({findings[i].code for i in covering}))
        id_attr = f' id="{anchor}-{ids[0]}"' if ids else ""
        parts.append(f'<mark class="{cls}"{id_attr} data-codes="{escape(codes)}" title="{escape(title)}">'
                     f"{chunk}</mark>")
    for i, f in enumerate(findings):  # a point at the very end of the copy covers no character
        if i not in first:
            parts.append(f'<mark class="{f.severity.value}" id="{anchor}-{i}" data-codes="{escape(f.code)}" '
                         f'title="{escape(f.code + ": " + f.message)}">‸</mark>')
    return "".join(parts)


def _section(res, k: int, actions=None) -> str:
    anchor = f"file{k}"
    head = f"<h2>{escape(res.path)}</h2>"
    if res.error is not None:
        return f'<section id="{anchor}">{head}<p class="error-line">{escape(res.error)}</p></section>'
    findings = res.findings
    lang = f"language {escape(res.lang or 'unknown')}" + (f" ({escape(res.lang_origin)})" if res.lang_origin else "")
    counts = Counter(f.code for f in findings)
    meta = (f'<p class="meta">{lang}; {len(findings)} finding{"s" * (len(findings) != 1)}'
            + (f", {res.suppressed} suppressed" if res.suppressed else "")
            + (f", {res.fixed} fixed" if res.fixed else "") + "</p>")
    if not findings:
        return f'<section id="{anchor}">{head}{meta}<p>No findings.</p></section>'
    filters = '<div class="filters">' + "".join(
        f'<label><input type="checkbox" value="{escape(c)}" checked> <code>{escape(c)}</code> {n}</label>'
        for c, n in sorted(counts.items())) + "</div>"
    rows = []
    for i, f in enumerate(findings):
        sugg = " | ".join(escape(s) for s in f.suggestions)
        how = f" ({escape(f.applicability.value)} fix)" if f.edits else ""
        act = actions(res, k, f) if actions else ""
        rows.append(f'<tr data-code="{escape(f.code)}"><td class="where"><a href="#{anchor}-{i}">{f.line}:{f.column}'
                    f"</a></td><td><code>{escape(f.code)}</code> {escape(f.severity.value)}</td>"
                    f"<td>{escape(f.message)}</td><td class=\"sugg\">{sugg}{how if sugg else ''}{act}</td></tr>")
    table = ("<table><thead><tr><th>line:col</th><th>rule</th><th>what</th><th>suggestion</th></tr></thead>"
             f"<tbody>{''.join(rows)}</tbody></table>")
    copy = f'<div class="copy">{_copy(res.text, findings, anchor)}</div>' if res.text is not None else ""
    return f'<section id="{anchor}">{head}{meta}{filters}{copy}{table}</section>'


def render(results, out: TextIO, actions=None, notice: str = "") -> None:
    """Write one HTML page for all ``results``. ``actions(result, k, finding)``, where given, adds HTML to
    a finding's suggestion cell (the local editor page's buttons: ``checker serve``); ``notice`` is a line
    shown under the heading."""
    total = sum(len(r.findings) for r in results)
    out.write('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
              '<meta name="viewport" content="width=device-width,initial-scale=1">'
              f"<title>checker report: {total} finding{'s' * (total != 1)}</title><style>{_STYLE}</style></head>"
              "<body><h1>checker report</h1>")
    out.write(f'<p class="meta">{escape(summary(results) or "No findings.")}</p>')
    if notice:
        out.write(f'<p class="notice">{escape(notice)}</p>')
    for k, res in enumerate(results):
        out.write(_section(res, k, actions))
    out.write(f"<script>{_SCRIPT}</script></body></html>\n")
