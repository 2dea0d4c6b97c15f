# Bottle answers a route's returned string as text/html, and Tornado a RequestHandler's written string; a dict is
# sent as JSON by both, and a type set on the statement before decides.
import json

import bottle
import tornado.web
from bottle import request, response, route

app = bottle.Bottle()


@app.get("/preview")
def preview():
    title = request.query.get("title", "Untitled")
    response.content_type = "text/html; charset=utf-8"
    # ruleid: py.xss.html-response
    return "<html><body><h1>Preview: " + title + "</h1></body></html>"


@route("/hello/<name>")
def hello(name):
    # ruleid: py.xss.html-response
    return "<p>Hello %s</p>" % name


class SearchHandler(tornado.web.RequestHandler):
    def get(self):
        term = self.get_argument("q", "")
        # ruleid: py.xss.html-response
        self.write("<h3>Matches for %s</h3>" % term)

    def post(self):
        note = self.get_body_argument("note")
        # ruleid: py.xss.html-response
        self.finish("<p>Saved: " + note + "</p>")


class PageHandler(tornado.web.RequestHandler):
    def _page(self, body):
        # Written in a helper, not a verb method: the framework's own write()/finish() chain looks the same.
        # todoruleid: py.xss.html-response
        self.write("<div>" + body + "</div>")

    def get(self):
        self._page(self.get_argument("q", ""))


# ---- negatives ----
@app.get("/n/echo")
def n_echo():
    # A dict is sent as JSON.
    # ok: py.xss.html-response
    return {"echo": request.query.get("q", "")}


@app.get("/n/plain")
def n_plain():
    q = request.query.get("q", "")
    response.content_type = "text/plain"
    # ok: py.xss.html-response
    return "You searched for " + q


class NSearchHandler(tornado.web.RequestHandler):
    def get(self):
        term = self.get_argument("q", "")
        # ok: py.xss.html-response
        self.write({"term": term})

    def post(self):
        term = self.get_argument("q", "")
        self.set_header("Content-Type", "application/json")
        # ok: py.xss.html-response
        self.write(json.dumps({"term": term}))

    def put(self):
        term = self.get_argument("q", "")
        # ok: py.xss.html-response
        self.write("<h3>Matches for %s</h3>" % tornado.escape.xhtml_escape(term))
