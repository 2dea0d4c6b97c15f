# Response headers written from input where nothing refuses CR/LF: http.server, raw WSGI and Falcon.
import re
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, quote, urlsplit

import falcon

LANGS = {"en", "de", "fr"}


class DownloadHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        query = parse_qs(urlsplit(self.path).query)
        name = query.get("name", ["report"])[0]
        self.send_response(200)
        # ruleid: py.header-injection.response-header
        self.send_header("Content-Disposition", "attachment; filename=" + name)
        # ok: py.header-injection.response-header
        self.send_header("X-File", quote(name))
        # ok: py.header-injection.response-header
        self.send_header("X-Name", name.replace("\r", "").replace("\n", ""))
        # ok: py.header-injection.response-header
        self.send_header("X-Clean", re.sub(r"[\r\n]", "", name))
        lang = query.get("lang", ["en"])[0]
        if lang in LANGS:
            # ok: py.header-injection.response-header
            self.send_header("Content-Language", lang)
        # ok: py.header-injection.response-header
        self.send_header("X-Length", str(int(query.get("n", ["0"])[0])))
        # ok: py.header-injection.response-header
        self.send_header("Content-Type", "application/octet-stream")
        self.end_headers()

    def do_POST(self):
        reason = self.headers.get("X-Reason", "")
        # ruleid: py.header-injection.response-header
        self.send_response(202, reason)
        # ruleid: py.header-injection.response-header
        self.send_header(self.headers["X-Echo-Name"], "1")
        self.end_headers()


def application(environ, start_response):
    qs = parse_qs(environ.get("QUERY_STRING", ""))
    user = qs.get("user", [""])[0]
    trace = environ.get("HTTP_X_TRACE_ID", "")
    # ruleid: py.header-injection.response-header
    start_response("200 OK", [("Content-Type", "text/plain"), ("X-User", user)])
    return [b"ok"]


def traced_app(environ, start_response):
    headers = [("Content-Type", "text/plain")]
    headers.append(("X-Trace-Id", environ.get("HTTP_X_TRACE_ID", "")))
    # ruleid: py.header-injection.response-header
    start_response("200 OK", headers)
    return [b"ok"]


def status_app(environ, start_response):
    code = environ.get("HTTP_X_STATUS", "200 OK")
    # ruleid: py.header-injection.response-header
    start_response(code, [("Content-Type", "text/plain")])
    return [b"ok"]


def safe_app(environ, start_response):
    user = parse_qs(environ.get("QUERY_STRING", "")).get("user", [""])[0]
    # ok: py.header-injection.response-header
    start_response("200 OK", [("Content-Type", "text/plain"), ("X-User", quote(user))])
    return [b"ok"]


class ExportResource:
    def on_get(self, req, resp):
        name = req.get_param("name") or "export"
        # ruleid: py.header-injection.response-header
        resp.set_header("Content-Disposition", f"attachment; filename={name}.csv")
        # ok: py.header-injection.response-header
        resp.set_header("X-Export", quote(name))
        resp.text = "a,b\n"


app = falcon.App()
app.add_route("/export", ExportResource())
