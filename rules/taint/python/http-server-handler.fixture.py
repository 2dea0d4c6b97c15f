# The standard library's http.server: a handler's do_GET/do_POST read the request from self: the path with its
# query, the headers and the body stream.
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


# ---- negatives ----
class SafeHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        host = parse_qs(urlsplit(self.path).query).get("host", [""])[0]
        # ok: py.cmdi.subprocess-shell
        subprocess.check_output("ping -c 1 " + shlex.quote(host), shell=True)
        name = self.headers.get("X-Name", "")
        # ok: py.sqli.string-query
        DB.execute("SELECT * FROM users WHERE name = ?", (name,))


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", 8080), Handler).serve_forever()
