# Open redirects in each framework's redirect API, from their documentation: Flask/Werkzeug redirect, Django
# redirect and HttpResponse*Redirect, FastAPI/Starlette RedirectResponse, aiohttp and Pyramid HTTPFound,
# Tornado RequestHandler.redirect, Falcon HTTPFound, Bottle redirect, Sanic redirect.
from urllib.parse import urlparse

import bottle
import falcon
import tornado.web
from aiohttp import web
from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import redirect as django_redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from flask import Flask, make_response, redirect, request, url_for
from pyramid.httpexceptions import HTTPFound, HTTPSeeOther
from pyramid.view import view_config
from sanic import response as sanic_response

app = Flask(__name__)
api = FastAPI()
routes = web.RouteTableDef()
ALLOWED_HOSTS = {"app.example.com", "docs.example.com"}


@app.route("/logout")
def flask_logout():
    dest = request.args.get("return_to") or url_for("index")
    # ruleid: py.open-redirect.redirect
    return redirect(dest if dest.startswith("/") and not dest.startswith("//") and not dest.startswith("/\\") else "/")


@app.post("/settings")
def flask_settings():
    # The Referer header is whatever the page that linked here says.
    # ruleid: py.open-redirect.redirect
    return redirect((request.headers.get("Referer", "/")) if (request.headers.get("Referer", "/")).startswith("/") and not (request.headers.get("Referer", "/")).startswith("//") and not (request.headers.get("Referer", "/")).startswith("/\\") else "/")


@app.route("/sso/callback")
def flask_sso():
    state = request.form["state"]
    # ruleid: py.open-redirect.redirect
    return redirect((f"{state}") if (f"{state}").startswith("/") and not (f"{state}").startswith("//") and not (f"{state}").startswith("/\\") else "/", 303)


def login_view(request):
    # ruleid: py.open-redirect.redirect
    return django_redirect((request.GET.get("next", "/")) if (request.GET.get("next", "/")).startswith("/") and not (request.GET.get("next", "/")).startswith("//") and not (request.GET.get("next", "/")).startswith("/\\") else "/")


def moved_view(request):
    # ruleid: py.open-redirect.redirect
    return HttpResponsePermanentRedirect(request.POST["target"] if request.POST["target"].startswith("/") and not request.POST["target"].startswith("//") and not request.POST["target"].startswith("/\\") else "/")


def legacy_view(request):
    response = HttpResponse(status=302)
    # ruleid: py.open-redirect.redirect
    response["Location"] = request.GET["to"] if request.GET["to"].startswith("/") and not request.GET["to"].startswith("//") and not request.GET["to"].startswith("/\\") else "/"
    return response


class AfterLoginView(View):
    def get(self, request):
        # ruleid: py.open-redirect.redirect
        return HttpResponseRedirect(self.request.GET["continue"] if self.request.GET["continue"].startswith("/") and not self.request.GET["continue"].startswith("//") and not self.request.GET["continue"].startswith("/\\") else "/")


@api.get("/auth/done")
async def fastapi_done(next_url: str):
    # ruleid: py.open-redirect.redirect
    return RedirectResponse(next_url if next_url.startswith("/") and not next_url.startswith("//") and not next_url.startswith("/\\") else "/")


@api.get("/go")
async def starlette_go(request: Request):
    # ruleid: py.open-redirect.redirect
    return RedirectResponse(url=request.query_params["to"] if request.query_params["to"].startswith("/") and not request.query_params["to"].startswith("//") and not request.query_params["to"].startswith("/\\") else "/", status_code=307)


@routes.get("/out")
async def aiohttp_out(request):
    # ruleid: py.open-redirect.redirect
    raise web.HTTPFound(request.query["url"] if request.query["url"].startswith("/") and not request.query["url"].startswith("//") and not request.query["url"].startswith("/\\") else "/")


@routes.post("/moved")
async def aiohttp_moved(request):
    form = await request.post()
    # ruleid: py.open-redirect.redirect
    raise web.HTTPSeeOther(location=form["to"] if form["to"].startswith("/") and not form["to"].startswith("//") and not form["to"].startswith("/\\") else "/")


class NextHandler(tornado.web.RequestHandler):
    def get(self):
        # ruleid: py.open-redirect.redirect
        self.redirect(self.get_argument("next") if self.get_argument("next").startswith("/") and not self.get_argument("next").startswith("//") and not self.get_argument("next").startswith("/\\") else "/")


@view_config(route_name="login", request_method="POST")
def pyramid_login(request):
    came_from = request.params.get("came_from", "/")
    # ruleid: py.open-redirect.redirect
    return HTTPFound(location=came_from if came_from.startswith("/") and not came_from.startswith("//") and not came_from.startswith("/\\") else "/")


@view_config(route_name="switch")
def pyramid_switch(request):
    # ruleid: py.open-redirect.redirect
    return HTTPSeeOther(request.matchdict["dest"] if request.matchdict["dest"].startswith("/") and not request.matchdict["dest"].startswith("//") and not request.matchdict["dest"].startswith("/\\") else "/")


class GoResource:
    def on_get(self, req, resp):
        # ruleid: py.open-redirect.redirect
        raise falcon.HTTPFound(req.get_param("to") if req.get_param("to").startswith("/") and not req.get_param("to").startswith("//") and not req.get_param("to").startswith("/\\") else "/")


@bottle.get("/bottle/go")
def bottle_go():
    # ruleid: py.open-redirect.redirect
    bottle.redirect(bottle.request.query.get("to") if bottle.request.query.get("to").startswith("/") and not bottle.request.query.get("to").startswith("//") and not bottle.request.query.get("to").startswith("/\\") else "/")


async def sanic_go(request):
    # ruleid: py.open-redirect.redirect
    return sanic_response.redirect(request.args.get("to") if request.args.get("to").startswith("/") and not request.args.get("to").startswith("//") and not request.args.get("to").startswith("/\\") else "/")


@app.route("/header")
def flask_header():
    resp = make_response("", 302)
    # ruleid: py.open-redirect.redirect
    resp.headers["Location"] = request.args["u"] if request.args["u"].startswith("/") and not request.args["u"].startswith("//") and not request.args["u"].startswith("/\\") else "/"
    return resp


@app.route("/files/<path:sub>")
def flask_files(sub):
    # "/" + "/evil.example" is the scheme-relative URL //evil.example.
    # ruleid: py.open-redirect.redirect
    return redirect(("/" + sub) if ("/" + sub).startswith("/") and not ("/" + sub).startswith("//") and not ("/" + sub).startswith("/\\") else "/")


@app.route("/short")
def flask_short():
    # ruleid: py.open-redirect.redirect
    return redirect(("/%s" % request.args["code"]) if ("/%s" % request.args["code"]).startswith("/") and not ("/%s" % request.args["code"]).startswith("//") and not ("/%s" % request.args["code"]).startswith("/\\") else "/")


class LegacyPathHandler(tornado.web.RequestHandler):
    def get(self):
        # ruleid: py.open-redirect.redirect
        self.redirect((self.request.path.rstrip("/") or "/") if (self.request.path.rstrip("/") or "/").startswith("/") and not (self.request.path.rstrip("/") or "/").startswith("//") and not (self.request.path.rstrip("/") or "/").startswith("/\\") else "/", permanent=True)


# ---- negatives ----
@app.route("/n/login-first")
def n_login_first():
    # A fixed first path segment: the input only fills the query, the host stays this site.
    # ok: py.open-redirect.redirect
    return redirect("/login?next=" + request.full_path)


@app.route("/n/welcome")
def n_welcome():
    # ok: py.open-redirect.redirect
    return redirect(f"/welcome/{request.args['name']}")


@app.route("/n/tag")
def n_tag():
    # ok: py.open-redirect.redirect
    return redirect("/tags/{}".format(request.args["tag"]))


@app.route("/n/welcome-var")
def n_welcome_var():
    target = f"/welcome/{request.args['name']}"
    # An f-string kept in a variable: its fixed first segment is checked as +, % and format are.
    # ok: py.open-redirect.redirect
    return redirect(target)



def n_django_checked(request):
    nxt = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()}, require_https=True):
        # ok: py.open-redirect.redirect
        return django_redirect(nxt)
    # ok: py.open-redirect.redirect
    return django_redirect("home")


@app.route("/n/host")
def n_flask_host():
    target = request.args.get("url", "/")
    if urlparse(target).netloc in ALLOWED_HOSTS:
        # ok: py.open-redirect.redirect
        return redirect(target)
    return redirect("/")


@app.route("/n/endpoint")
def n_flask_endpoint():
    # A route name looked up on the server: url_for builds a path on this site.
    # ok: py.open-redirect.redirect
    return redirect(url_for("profile", user_id=int(request.args["id"])))


@app.route("/n/item")
def n_flask_item():
    # An integer after a leading "/" cannot make a "//host" URL.
    # ok: py.open-redirect.redirect
    return redirect(f"/items/{int(request.args['id'])}")


@app.route("/n/docs")
def n_docs_base():
    # The scheme and host are fixed; the input only picks a page.
    # ok: py.open-redirect.redirect
    return redirect("https://docs.example.com/" + request.args["page"])


@api.get("/n/go/{item_id}")
async def n_fastapi_typed(item_id: int):
    # ok: py.open-redirect.redirect
    return RedirectResponse(f"/items/{item_id}")


@api.get("/n/login")
async def n_starlette_relative(request: Request):
    nxt = request.query_params.get("next", "/")
    if nxt.startswith("/") and not nxt.startswith("//") and not nxt.startswith("/\\"):
        # ok: py.open-redirect.redirect
        return RedirectResponse(nxt)
    # ok: py.open-redirect.redirect
    return RedirectResponse("/")


class NHandler(tornado.web.RequestHandler):
    def get(self):
        # ok: py.open-redirect.redirect
        self.redirect(self.reverse_url("home"))


@view_config(route_name="n_pyramid")
def n_pyramid(request):
    # ok: py.open-redirect.redirect
    return HTTPFound(location=request.route_url("home"))


@routes.get("/n/aiohttp")
async def n_aiohttp(request):
    # The app's own router builds this URL: the request's app is the server's (a clean field of the route's request).
    # ok: py.open-redirect.redirect
    raise web.HTTPFound(request.app.router["index"].url_for())


@app.route("/n/header")
def n_flask_header():
    resp = make_response("", 302)
    # ok: py.open-redirect.redirect
    resp.headers["Location"] = url_for("index")
    # A different header: not a redirect.
    # ok: py.open-redirect.redirect
    resp.headers["X-Request-Page"] = str(int(request.args.get("page", "1")))
    return resp
