# Plain WSGI applications (PEP 3333) answering HTML: the body is the iterable the application returns (or yields),
# and the page is HTML when `start_response` was given a text/html Content-Type before it.
import html
from urllib.parse import parse_qs


def hello_app(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    name = params.get("name", [""])[0]
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
    # ruleid: py.xss.html-response
    return [("<h1>Hello " + name + "</h1>").encode("utf-8")]


def escaped_app(environ, start_response):
    params = parse_qs(environ.get("QUERY_STRING", ""))
    name = params.get("name", [""])[0]
    start_response("200 OK", [("Content-Type", "text/html")])
    # ok: py.xss.html-response
    return [("<h1>Hello " + html.escape(name) + "</h1>").encode("utf-8")]


def plain_app(environ, start_response):
    name = environ.get("PATH_INFO", "/").lstrip("/")
    start_response("200 OK", [("Content-Type", "text/plain")])
    # ok: py.xss.html-response
    return [f"Hello {name}".encode()]


def streaming_app(environ, start_response):
    headers = [("Content-Type", "text/html"), ("Cache-Control", "no-store")]
    start_response("200 OK", headers)
    term = parse_qs(environ["QUERY_STRING"]).get("q", [""])[0]
    yield b"<ul>"
    # ruleid: py.xss.html-response
    yield f"<li>{term}</li>".encode()
    yield b"</ul>"


class EchoApp:
    def __call__(self, environ, start_response):
        agent = environ.get("HTTP_USER_AGENT", "")
        start_response("200 OK", [("Content-Type", "text/html")])
        # ruleid: py.xss.html-response
        return [b"<p>Your browser: " + agent.encode() + b"</p>"]


def server_app(environ, start_response):
    # The server's own keys are not the client's.
    host = environ["SERVER_NAME"]
    start_response("200 OK", [("Content-Type", "text/html")])
    # ok: py.xss.html-response
    return [("<p>Served by " + host + "</p>").encode()]


def helper(environ, start_response, body):
    # A function named like an application that only passes a body on: no environ key reaches it.
    start_response("200 OK", [("Content-Type", "text/html")])
    # ok: py.xss.html-response
    return [body]
