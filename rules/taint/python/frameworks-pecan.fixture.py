# Pecan controllers: an exposed method's parameters are the query and form fields; `@expose()` answers text/html.
import html
import os
import subprocess

from pecan import abort, expose, redirect, request

LABELS = "/srv/labels"
SCOPES = ("all", "stock", "prices")


class RootController(object):
    @expose()
    def hello(self, name="there"):
        # ruleid: py.xss.html-response
        return "<p>Hello %s</p>" % name

    @expose(content_type="text/html")
    def welcome(self, name="there"):
        # ok: py.xss.html-response
        return "<p>Welcome %s</p>" % html.escape(name)

    @expose(content_type="text/html")
    def shout(self, name="there"):
        # ruleid: py.xss.html-response
        return "<h1>%s</h1>" % name

    @expose("json")
    def echo(self, name=""):
        # ok: py.xss.html-response
        return {"name": name}

    @expose()
    def out(self, url):
        # ruleid: py.open-redirect.redirect
        redirect(url)

    @expose()
    def back(self, url="/"):
        if url not in ("/", "/items"):
            # ok: py.open-redirect.redirect
            redirect("/")
        # ok: py.open-redirect.redirect
        redirect(url)

    @expose("json")
    def reindex(self, scope="all"):
        # ruleid: py.cmdi.subprocess-shell
        out = subprocess.check_output("reindex --scope %s" % scope, shell=True)
        return {"output": out.decode()}

    @expose("json")
    def reindex_checked(self, scope="all"):
        if scope not in SCOPES:
            abort(400)
        # ok: py.cmdi.subprocess-shell
        out = subprocess.check_output("reindex --scope %s" % scope, shell=True)
        return {"output": out.decode()}

    @expose(content_type="application/pdf")
    def label(self, sku):
        # ruleid: py.path-traversal.open
        with open(os.path.join(LABELS, sku + ".pdf"), "rb") as fh:
            return fh.read()

    @expose("json")
    def note(self):
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("note " + request.params["text"], shell=True)
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("note " + request.json["text"], shell=True)
        return {}

    @expose("json")
    def count(self, n: int = 1):
        # ok: py.cmdi.subprocess-shell
        subprocess.run("count %s" % n, shell=True)
        return {}
