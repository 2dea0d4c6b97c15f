# TurboGears 2 controllers: an exposed method's parameters (and **kw) are the request's fields; `@expose()` without
# a template answers a returned string as text/html.
import html
import os
import re

from sqlalchemy import text
from tg import TGController, abort, expose, redirect, request

from .model import DBSession

PAGES = "/srv/portal/pages"


class RootController(TGController):
    @expose()
    def hello(self, name="guest", **kw):
        # ruleid: py.xss.html-response
        return "<p>Hello %s</p>" % name

    @expose(content_type="text/html")
    def welcome(self, name="guest", **kw):
        # ok: py.xss.html-response
        return "<p>Welcome %s</p>" % html.escape(name)

    @expose("json")
    def echo(self, name="", **kw):
        # ok: py.xss.html-response
        return dict(name=name)

    @expose("json")
    def search(self, term="", **kw):
        # ruleid: py.sqli.string-query
        rows = DBSession.execute(text(f"SELECT id FROM reports WHERE name LIKE '%{term}%'"))
        return dict(ids=[r.id for r in rows])

    @expose("json")
    def by_region(self, **kw):
        region = request.params.get("region", "emea")
        # ok: py.sqli.string-query
        rows = DBSession.execute(text("SELECT id FROM reports WHERE region = :r"), {"r": region})
        # ruleid: py.sqli.string-query
        more = DBSession.execute(text("SELECT id FROM archive WHERE region = '" + region + "'"))
        return dict(ids=[r.id for r in rows] + [r.id for r in more])

    @expose()
    def post_login(self, came_from="/", **kw):
        # ruleid: py.open-redirect.redirect
        redirect(came_from)

    @expose()
    def post_logout(self, came_from="/", **kw):
        if not came_from.startswith("/") or came_from.startswith("//") or "\\" in came_from:
            # ok: py.open-redirect.redirect
            redirect("/")
        # ok: py.open-redirect.redirect
        redirect(came_from)

    @expose("json")
    def page(self, name="index", **kw):
        if not re.fullmatch(r"[a-z0-9_-]{1,40}", name):
            abort(404)
        # ok: py.path-traversal.open
        with open(os.path.join(PAGES, name + ".html"), encoding="utf-8") as fh:
            return dict(body=fh.read())

    @expose("json")
    def raw_page(self, name="index", **kw):
        # ruleid: py.path-traversal.open
        with open(os.path.join(PAGES, name), encoding="utf-8") as fh:
            return dict(body=fh.read())
