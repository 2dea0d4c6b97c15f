# A URL the framework's router builds from a route's name stays on this site, whatever fills its path; one built by
# the application's own helper from input does not.
from flask import Flask, redirect, request, url_for
from pyramid.httpexceptions import HTTPSeeOther
from pyramid.view import view_config

app = Flask(__name__)


class Links:
    """A helper of this file with the router's method names: its result is what its code makes it."""

    def route_url(self, name, **parts):
        return "/" + name + "/" + parts.get("page", "")

    def build(self, base, page):
        return base + "/" + page


links = Links()


@view_config(route_name="add_page")
def add_page(request):
    page = request.matchdict["pagename"]
    # ok: py.open-redirect.redirect
    return HTTPSeeOther(location=request.route_url("edit_page", pagename=page))


@view_config(route_name="jump")
def jump(request):
    # ruleid: py.open-redirect.redirect
    return HTTPSeeOther(location=links.build(request.params["to"], "home"))


@app.route("/next")
def next_page():
    # ok: py.open-redirect.redirect
    return redirect(url_for("show", page=request.args["page"]))


@app.route("/go")
def go():
    # ruleid: py.open-redirect.redirect
    return redirect(request.args["next"])
