"""--format html: one self-contained page with the copy, every finding marked in place, and a findings list."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from checker.findings import Finding, Severity
from checker.report import FileResult
from checker.report.html import _pieces

SEED = Path(__file__).parents[1] / "seeds" / "coalition-of-the-willing.en.txt"


class _Page(HTMLParser):
    """The marks (id, codes, text) and table rows (link, code) of a report page, and whether tags balance."""

    VOID = {"meta", "input", "br"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.marks, self.links, self.text, self.external = [], [], [], [], []
        self._mark = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in self.VOID:
            self.stack.append("copy" if tag == "div" and a.get("class") == "copy" else tag)
        if tag == "mark":
            self._mark = [a.get("id"), a.get("data-codes"), ""]
        if tag == "a":
            self.links.append(a["href"])
        if tag in ("script", "link", "img") and (a.get("src") or a.get("href")):
            self.external.append(a)

    def handle_endtag(self, tag):
        assert self.stack.pop() in (tag, "copy" if tag == "div" else tag)
        if tag == "mark":
            self.marks.append(tuple(self._mark))
            self._mark = None

    def handle_data(self, data):
        if self._mark is not None:
            self._mark[2] += data
        if "copy" in self.stack:
            self.text.append(data)


def _page(html: str) -> _Page:
    p = _Page()
    p.feed(html)
    assert p.stack == []
    return p


def test_seed_story_page_marks_each_finding_where_it_stands(cli, tmp_path):
    out = tmp_path / "report.html"
    proc = cli("check", "--format", "html", "-o", str(out), str(SEED))
    assert proc.returncode == 1
    html = out.read_text(encoding="utf-8")
    page = _page(html)
    assert page.external == []  # opens from disk: nothing fetched
    marked = {text for _, _, text in page.marks}
    assert {"Selenskyj", "Federal Chancellor", "according to negotiating circles"} <= marked
    # every row links to a mark that exists
    ids = {i for i, _, _ in page.marks if i}
    assert page.links and all(link[1:] in ids for link in page.links)
    # the copy is all there, in order, once
    body = "".join(page.text)
    assert SEED.read_text(encoding="utf-8").replace("\r\n", "\n").strip() in body.replace("\r\n", "\n")


def test_markup_in_the_copy_is_escaped(cli):
    text = '<script>alert("x")</script> Explosions were heard in Kiew & Lviv on Monday, officials said.\n'
    proc = cli("check", "--format", "html", "--select", "NAME", "--lang", "en", "-", stdin=text.encode())
    html = proc.stdout.decode()
    assert '<script>alert("x")' not in html and "&lt;script&gt;" in html
    page = _page(html)
    assert ("file0-0", "NAME002", "Kiew") in page.marks or any(m[2] == "Kiew" for m in page.marks)


def test_overlapping_findings_share_pieces():
    text = "abcdefghij"
    fs = [Finding("A001", "a", "m", 2, 6), Finding("B001", "b", "m", 4, 8, severity=Severity.ERROR),
          Finding("C001", "c", "m", 9, 9)]
    pieces = _pieces(text, fs)
    assert "".join(text[a:b] for a, b, _ in pieces) == text
    assert [(text[a:b], cov) for a, b, cov in pieces if cov] == [("cd", [0]), ("ef", [0, 1]), ("gh", [1]),
                                                                   ("j", [2])]


def test_errors_and_clean_files_have_their_sections():
    import io

    from checker.report.html import render

    out = io.StringIO()
    render([FileResult(path="bad.txt", error="bad.txt: not UTF-8", error_code=3),
            FileResult(path="ok.en.txt", lang="en", text="Fine copy.\n")], out)
    page = _page(out.getvalue())
    assert page.marks == []
    assert "bad.txt: not UTF-8" in out.getvalue() and "No findings." in out.getvalue()
