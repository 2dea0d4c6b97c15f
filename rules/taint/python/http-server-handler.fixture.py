# The standard library's http.server: a handler's do_GET/do_POST read the request from self: the path with its
# query, the headers and the body stream.
import html
import os
import shlex
import sqlite3
import subprocess
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

DB = sqlite3.connect("/var/lib/app/app.db")


class Handler(BaseHTTPRequestHandler):
    def _reply(self, body):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(body.encode())

    def do_GET(self):
        query = parse_qs(urlsplit(self.path).query)
        host = query.get("host", [""])[0]
        # ruleid: py.cmdi.subprocess-shell
        out = subprocess.check_output("ping -c 1 " + host, shell=True)
        self._reply(out.decode())

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        name = self.rfile.read(length).decode()
        # ruleid: py.sqli.string-query
        rows = DB.execute("SELECT * FROM users WHERE name = '%s'" % name).fetchall()
        self._reply(str(rows))

    def do_PUT(self):
        target = self.headers["X-Target"]
        # ruleid: py.path-traversal.open
        with open(os.path.join("/srv/uploads", target), "wb") as f:
            f.write(self.rfile.read(int(self.headers["Content-Length"])))
        self._reply("stored")

    def do_DELETE(self):
        # ruleid: py.cmdi.subprocess-shell
        os.system("rm -f /srv/uploads/" + self.path.rsplit("/", 1)[-1])
        self._reply("deleted")


class PageHandler(BaseHTTPRequestHandler):
    # A helper method reads the request too: its self is the handler.
    def _params(self):
        return {k: v[0] for k, v in parse_qs(urlsplit(self.path).query).items()}

    def _send_html(self, status, body):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        # ruleid: py.xss.html-response
        self.wfile.write(data)

    def do_GET(self):
        params = self._params()
        self._send_html(200, "<p>Hello " + params.get("name", "") + "</p>")

    def do_POST(self):
        lang = self._params().get("lang", "en")
        self.send_response(302)
        # ruleid: py.header-injection.response-header
        self.send_header("Set-Cookie", f"lang={lang}; Path=/")
        self.end_headers()


# ---- negatives ----
class SafeHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        host = parse_qs(urlsplit(self.path).query).get("host", [""])[0]
        # ok: py.cmdi.subprocess-shell
        subprocess.check_output("ping -c 1 " + shlex.quote(host), shell=True)
        name = self.headers.get("X-Name", "")
        # ok: py.sqli.string-query
        DB.execute("SELECT * FROM users WHERE name = ?", (name,))

    def do_POST(self):
        name = parse_qs(urlsplit(self.path).query).get("name", [""])[0]
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        # ok: py.xss.html-response
        self.wfile.write(("Hello " + name).encode())
        self._send_html("<p>" + html.escape(name) + "</p>")

    def _send_html(self, body):
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        # ok: py.xss.html-response
        self.wfile.write(body.encode())


class Settings:
    # Not a handler's method, though the file imports http.server.
    def __init__(self, path):
        self.path = path

    def load(self):
        # ok: py.path-traversal.open
        with open(self.path) as f:
            return f.read()


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", 8080), Handler).serve_forever()
