# Redirects written by hand: http.server's Location header and a WSGI application's header list.
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit


class LoginHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        query = parse_qs(urlsplit(self.path).query)
        nxt = query.get("next", ["/"])[0]
        self.send_response(302)
        # ruleid: py.open-redirect.redirect
        self.send_header("Location", nxt)
        self.end_headers()

    def do_POST(self):
        self.send_response(303)
        # ok: py.open-redirect.redirect
        self.send_header("Location", "/done")
        # ok: py.open-redirect.redirect
        self.send_header("X-Next", "/done")
        self.end_headers()


def application(environ, start_response):
    target = parse_qs(environ.get("QUERY_STRING", "")).get("to", ["/"])[0]
    # ruleid: py.open-redirect.redirect
    start_response("302 Found", [("Location", target)])
    return [b""]


def home(environ, start_response):
    # ok: py.open-redirect.redirect
    start_response("302 Found", [("Location", "/home"), ("Content-Length", "0")])
    return [b""]
