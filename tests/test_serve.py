"""``checker serve``: the local editor page shows the findings and applies a chosen fix to the file, as
--fix writes it; it answers only requests for its own host, and changes files only with its token."""

from __future__ import annotations

import codecs
import http.client
import re
import shutil
import threading
from pathlib import Path
from urllib.parse import urlencode

import pytest

from checker.config import Config
from checker.engine import Engine
from checker.errors import ExitCode
from checker.names.compiled import compiled_finder
from checker.run import Linter
from checker.serve import EditorPage, make_server

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "coalition-of-the-willing.en.txt"


@pytest.fixture
def served(tmp_path):
    """The page for a folder holding the seed story (as UTF-16 with CRLF line ends: kept by a fix), on a
    free port; yields (page, port, path of the story)."""
    folder = tmp_path / "copy"
    folder.mkdir()
    story = folder / "coalition.en.txt"
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    story.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    config = Config()
    finder = compiled_finder()
    page = EditorPage([str(folder)], config, Linter(Engine(finder, config), config), finder.table)
    server = make_server(page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield page, server.server_address[1], story
    finally:
        server.shutdown()
        server.server_close()


def request(port, method, path, body=None, host=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": host or f"127.0.0.1:{port}"}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        body = urlencode(body)
    conn.request(method, path, body=body, headers=headers)
    resp = conn.getresponse()
    return resp.status, dict(resp.getheaders()), resp.read().decode("utf-8")


def forms(page_html):
    """The apply forms of the page: their hidden fields."""
    return [dict(re.findall(r'name="(\w+)" value="([^"]*)"', f))
            for f in re.findall(r'<form class="act".*?</form>', page_html)]


def test_page_shows_the_findings_with_apply_buttons(served):
    page, port, story = served
    status, headers, body = request(port, "GET", "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "Selenskyj" in body and "NAME001" in body and "&#x27;6.1.2026&#x27;" in body
    found = forms(body)
    assert found and all(f["token"] == page.token and f["path"] == str(story) for f in found)
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_applying_one_fix_edits_only_its_span_and_keeps_the_encoding(served):
    page, port, story = served
    before = story.read_bytes()
    _s, _h, body = request(port, "GET", "/")
    caption = next(f for f in forms(body) if "fingerprint" in f)  # the repeated caption (ART003, safe)
    status, headers, _ = request(port, "POST", "/apply", caption)
    assert status == 303 and headers["Location"].startswith("/?done=")
    after = story.read_bytes()
    assert after.startswith(codecs.BOM_UTF16_LE) and after != before
    old, new = before[2:].decode("utf-16-le"), after[2:].decode("utf-16-le")
    assert "\r\n" in new and "\n" not in new.replace("\r\n", "")
    lines = old.split("\r\n")
    assert lines[6] == lines[7]  # the caption, twice
    assert new.split("\r\n") == lines[:7] + lines[8:]
    _s, _h, body = request(port, "GET", headers["Location"])
    assert "applied ART003" in body
    status, _h, _b = request(port, "POST", "/apply", caption)  # the same finding again: gone, nothing changes
    assert status == 303 and story.read_bytes() == after


def test_no_change_without_the_token_or_from_another_host(served):
    page, port, story = served
    before = story.read_bytes()
    _s, _h, body = request(port, "GET", "/")
    form = next(f for f in forms(body) if "fingerprint" in f)
    assert request(port, "POST", "/apply", {**form, "token": "guess"})[0] == 403
    assert request(port, "POST", "/apply", form, host="attacker.example:80")[0] == 403
    assert request(port, "GET", "/", host="attacker.example")[0] == 403
    assert request(port, "POST", "/apply", {**form, "path": str(ROOT / "README.md")})[0] == 303
    assert story.read_bytes() == before and (ROOT / "README.md").exists()


def test_every_safe_fix_of_a_file_at_once_is_what_fix_writes(served, tmp_path, cli):
    page, port, story = served
    by_cli = tmp_path / "cli" / story.name
    by_cli.parent.mkdir()
    shutil.copy(story, by_cli)
    cli("check", "--fix", str(by_cli))
    _s, _h, body = request(port, "GET", "/")
    whole = next(f for f in forms(body) if "fingerprint" not in f)
    assert request(port, "POST", "/apply", whole)[0] == 303
    assert story.read_bytes() == by_cli.read_bytes() != SEED.read_bytes()
    _s, _h, body = request(port, "GET", "/")
    assert not [f for f in forms(body) if "fingerprint" not in f]  # nothing safe left to apply


def test_serve_refuses_stdin(cli):
    proc = cli("serve", "--no-open", "-")
    assert proc.returncode == ExitCode.USAGE
    assert "Traceback" not in proc.stderr.decode()


def test_the_browser_is_opened_only_where_a_page_can_be_shown(monkeypatch):
    """On a server or in CI (no display) ``webbrowser`` may start a text browser in the terminal and wait
    for it: serve then only prints the address."""
    from checker import cli as cli_module

    monkeypatch.setattr(cli_module.sys, "platform", "linux")
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert not cli_module._graphical_session()
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert cli_module._graphical_session()


def test_a_fix_in_a_story_with_two_versions(tmp_path):
    """A file checked with the other version of its story as its source is fixed against the same
    source: the finding the page showed is found again and applied."""
    folder = tmp_path / "story"
    folder.mkdir()
    shutil.copy(SEED, folder / "coalition.en.txt")
    (folder / "coalition.de.txt").write_text(
        "Der ukrainische Präsident Wolodymyr Selenskyj wurde in Paris vom französischen Präsidenten "
        "Emmanuel Macron empfangen.\n", encoding="utf-8")
    config = Config()
    finder = compiled_finder()
    page = EditorPage([str(folder)], config, Linter(Engine(finder, config), config), finder.table)
    form = next(f for f in forms(page.render()) if "fingerprint" in f and f["path"].endswith("en.txt"))
    done = page.apply(form["path"], form["fingerprint"])
    assert "applied" in done, done
    assert (folder / "coalition.en.txt").read_bytes() != SEED.read_bytes()
