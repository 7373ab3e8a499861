"""``checker serve``: the editor's page on this machine. It shows the HTML report of a batch (the copy with
every finding marked, the list of findings) and applies a fix the editor chooses, one finding or every
safe one of a file, to the file on disk, as ``--fix`` writes it (atomic; encoding, BOM and line endings
kept). Each page load checks the files again, so edits made elsewhere show on reload.

Only this machine can reach it, and only this page can change files: it listens on 127.0.0.1; a request
must name the host it listens on (a page of another site that resolves its own name to 127.0.0.1 cannot
read it); a change needs the random token of this run, which only the page itself carries, and a file of
the batch.
"""

from __future__ import annotations

import io
import secrets
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, quote, urlsplit

from .findings import Applicability
from .fix import applicable, apply_edits, encode, write_atomic
from .report import html
from .run import check_batch

#: Largest form body accepted (a form carries a path, a fingerprint and the token).
MAX_BODY = 64 * 1024


class EditorPage:
    """The batch the page shows and what it may change: ``check()`` checks it again; ``apply(path,
    fingerprint)`` fixes one finding, ``apply(path, None)`` every safe fix of one file."""

    def __init__(self, paths, config, lint, table, lang: str | None = None) -> None:
        self.paths, self.config, self.lint, self.table, self.lang = list(paths), config, lint, table, lang
        self.token = secrets.token_urlsafe(24)

    def check(self):
        return check_batch(self.paths, self.config, self.lint, self.table, self.lang)

    def render(self, notice: str = "") -> str:
        batch = self.check()
        writable = set(self._files())

        def buttons(res, k: int, finding) -> str:
            """The form that applies ``finding`` (when it carries an edit and its file can be written), and
            in the file's last row, the one that applies all its safe fixes."""
            if res.path not in writable:
                return ""
            out = ""
            if applicable([finding], unsafe=True):
                safe = finding.applicability == Applicability.SAFE
                out += self._form(res.path, k, "apply" if safe else "apply (unsafe)", finding.stable_id)
            if finding is res.findings[-1] and sum(bool(applicable([f])) for f in res.findings) > 1:
                out += self._form(res.path, k, "apply every safe fix of this file", None)
            return out

        out = io.StringIO()
        html.render(batch.results, out, actions=buttons, notice=notice)
        return out.getvalue()

    def _form(self, path: str, k: int, label: str, fingerprint: str | None) -> str:
        fields = (f'<input type="hidden" name="path" value="{escape(path)}">'
                  f'<input type="hidden" name="token" value="{escape(self.token)}">'
                  f'<input type="hidden" name="at" value="file{k}">')
        if fingerprint:
            fields += f'<input type="hidden" name="fingerprint" value="{escape(fingerprint)}">'
        return f'<form class="act" method="post" action="/apply">{fields}<button>{escape(label)}</button></form>'

    def _files(self) -> list[str]:
        """The plain-text files of the batch, as the report names them, in its order: the ones a fix may
        write."""
        from .bilingual import is_bilingual
        from .paths import expand

        files, _errors = expand(self.paths, self.config.include, self.config.exclude)
        return [f for f in files if f != "-" and not is_bilingual(f)]

    def apply(self, path: str, fingerprint: str | None) -> str:
        """Apply the fix of the finding with ``fingerprint`` in ``path`` (every safe fix of the file when
        None) to the file on disk; returns what happened, in words."""
        files = self._files()
        if path not in files:
            return f"{path} is not a file of this batch: nothing changed"
        # its story alone (the file and its other versions in the batch, in the batch's order): checked
        # against the same source as in the whole batch, without checking every other file again
        from .paths import versions

        story = versions(files).get(path, [])
        batch = check_batch([f for f in files if f == path or f in story], self.config, self.lint, self.table,
                            self.lang)
        res = next((r for r in batch.results if r.path == path), None)
        doc = batch.docs.get(path)
        if res is None or doc is None or res.error:
            return f"{path} could not be checked: nothing changed"
        # what --fix would apply: every safe edit of the file, or the one finding's (safe or unsafe)
        if fingerprint is None:
            chosen = [f for f in res.findings if applicable([f])]
        else:
            chosen = [f for f in res.findings if f.stable_id == fingerprint and applicable([f], unsafe=True)]
        if not chosen:
            return f"{path}: that finding is no longer there (the file changed?): nothing changed"
        new, applied = apply_edits(doc.text, applicable(chosen, unsafe=True), doc.newline)
        if not applied:
            return f"{path}: nothing to change"
        try:
            with open(path, "rb") as fh:
                original = fh.read()
            write_atomic(path, encode(new, doc.encoding, doc.bom, original))
        except OSError as err:
            return f"{path}: cannot write the fixed file ({err.strerror or err}); it is unchanged"
        what = chosen[0].code if len(chosen) == 1 else f"{len(chosen)} safe fixes"
        return f"{path}: applied {what} ({applied} edit{'s' * (applied != 1)})"


def make_server(page: EditorPage, host: str = "127.0.0.1", port: int = 0) -> HTTPServer:
    """An HTTP server for ``page`` on ``host:port`` (port 0: any free one; ``server.server_address``
    says which)."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "checker"

        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass  # the page is the log

        def _host_ok(self) -> bool:
            bound_host, bound_port = self.server.server_address[:2]
            names = {f"{h}:{bound_port}" for h in ("127.0.0.1", "localhost", "[::1]", bound_host)}
            return self.headers.get("Host", "") in names

        def _send(self, status: HTTPStatus, body: str, kind: str = "text/html; charset=utf-8") -> None:
            data = body.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Frame-Options", "DENY")
            self.send_header("Content-Security-Policy",
                             "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
                             "form-action 'self'; frame-ancestors 'none'")
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):  # noqa: N802 - the base class's name
            if not self._host_ok():
                return self._send(HTTPStatus.FORBIDDEN, "wrong host\n", "text/plain; charset=utf-8")
            url = urlsplit(self.path)
            if url.path != "/":
                return self._send(HTTPStatus.NOT_FOUND, "not found\n", "text/plain; charset=utf-8")
            notice = parse_qs(url.query).get("done", [""])[0]
            self._send(HTTPStatus.OK, page.render(notice))

        def do_POST(self):  # noqa: N802 - the base class's name
            if not self._host_ok():
                return self._send(HTTPStatus.FORBIDDEN, "wrong host\n", "text/plain; charset=utf-8")
            if urlsplit(self.path).path != "/apply":
                return self._send(HTTPStatus.NOT_FOUND, "not found\n", "text/plain; charset=utf-8")
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "too large\n", "text/plain; charset=utf-8")
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode("utf-8", "replace")).items()}
            if not secrets.compare_digest(form.get("token", ""), page.token):
                return self._send(HTTPStatus.FORBIDDEN, "wrong token: reload the page\n", "text/plain; charset=utf-8")
            done = page.apply(form.get("path", ""), form.get("fingerprint") or None)
            anchor = form.get("at", "")
            self.send_response(HTTPStatus.SEE_OTHER)
            self.send_header("Location", f"/?done={quote(done)}" + (f"#{quote(anchor)}" if anchor.isalnum() else ""))
            self.send_header("Content-Length", "0")
            self.end_headers()

    return HTTPServer((host, port), Handler)
