# Plain WSGI applications (PEP 3333, https://peps.python.org/pep-3333/): the server calls
# `application(environ, start_response)` or a callable object's `__call__(self, environ, start_response)`; the
# request is the environ's CGI-style keys (QUERY_STRING, PATH_INFO, HTTP_* headers, the wsgi.input body stream).
import os
import pickle
import sqlite3
import subprocess
from urllib.parse import parse_qs, parse_qsl, unquote_plus

from webob import Request as WebObRequest

db = sqlite3.connect("tiles.db")
TILES = "/srv/tiles"


def application(environ, start_response):
    name = environ["PATH_INFO"].lstrip("/")
    # ruleid: py.path-traversal.open
    with open(os.path.join(TILES, name), "rb") as f:
        body = f.read()
    # ok: py.path-traversal.open
    with open(os.path.join(TILES, "index.png"), "rb") as f:
        body += f.read()
    start_response("200 OK", [("Content-Type", "image/png")])
    return [body]


def search_app(environ, start_response):
    query = parse_qs(environ.get("QUERY_STRING", ""))
    term = query.get("q", [""])[0]
    # ruleid: py.sqli.string-query
    db.execute("SELECT * FROM tiles WHERE name LIKE '%" + term + "%'")
    # ok: py.sqli.string-query
    db.execute("SELECT * FROM tiles WHERE name LIKE ?", ("%" + term + "%",))
    # The server's own keys are not the client's.
    host = environ["SERVER_NAME"]
    # ok: py.cmdi.subprocess-shell
    os.system("ping -c 1 " + host)
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]


def convert_app(environ, start_response):
    pairs = dict(parse_qsl(environ["QUERY_STRING"]))
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("convert " + pairs["src"] + " out.png", shell=True)
    agent = unquote_plus(environ.get("HTTP_USER_AGENT", ""))
    # ruleid: py.cmdi.subprocess-shell
    os.system("logger " + agent)
    # ok: py.cmdi.subprocess-shell
    subprocess.run(["convert", pairs["src"], "out.png"])
    start_response("200 OK", [])
    return [b""]


def upload_app(environ, start_response):
    size = int(environ.get("CONTENT_LENGTH") or 0)
    data = environ["wsgi.input"].read(size)
    # ruleid: py.deserialization.pickle
    pickle.loads(data)
    start_response("204 No Content", [])
    return []


class Request:
    """An application's own request wrapper over the environ."""

    def __init__(self, environ):
        self.environ = environ
        self.args = parse_qs(environ.get("QUERY_STRING", ""))


class TileService:
    def __call__(self, environ, start_response):
        req = Request(environ)
        layer = req.args["layer"][0]
        # ruleid: py.path-traversal.open
        data = open(TILES + "/" + layer + ".png", "rb").read()
        # ok: py.path-traversal.open
        legend = open(TILES + "/legend.png", "rb").read()
        start_response("200 OK", [("Content-Type", "image/png")])
        return [data, legend]


def webob_app(environ, start_response):
    req = WebObRequest(environ)
    # ruleid: py.cmdi.subprocess-shell
    os.system("whois " + req.params["domain"])
    start_response("200 OK", [])
    return [b""]


# Not a WSGI application: the parameter names alone do not make one, the pair does.
def render(environ, template):
    # ok: py.path-traversal.open
    return open(os.path.join(TILES, environ["PATH_INFO"])).read()


def middleware(app):
    def wrapped(environ, start_response):
        # ruleid: py.cmdi.subprocess-shell
        os.system("audit " + environ.get("HTTP_X_FORWARDED_FOR", ""))
        return app(environ, start_response)

    return wrapped
