import os
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/login")
def login():
    # ruleid: py.open-redirect.redirect
    return redirect((request.args.get("next", "/")) if (request.args.get("next", "/")).startswith("/") and not (request.args.get("next", "/")).startswith("//") and not (request.args.get("next", "/")).startswith("/\\") else "/")


@app.route("/out")
def out():
    target = request.values["to"]
    # ruleid: py.open-redirect.redirect
    return redirect(target if target.startswith("/") and not target.startswith("//") and not target.startswith("/\\") else "/", code=302)


# ---- negatives ----
@app.route("/n1")
def n1():
    nxt = request.args.get("next", "/")
    if nxt.startswith("/") and not nxt.startswith("//") and not nxt.startswith("/\\"):
        # ok: py.open-redirect.redirect
        return redirect(nxt)
    # ok: py.open-redirect.redirect
    return redirect("/home")


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.open-redirect.redirect
    redirect(request.args["v"])


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.open-redirect.redirect
        redirect(request.args["v"])
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.open-redirect.redirect
        redirect(choice)
    # ok: py.open-redirect.redirect
    redirect(os.environ["APP_SETTING"])
    return "ok"


# Redirecting to the request's own path after a POST stays on this site: Django's get_full_path() escapes a
# leading "//" (see open-redirect-django-full-path.fixture.py).
from django.http import HttpResponseRedirect


def bulk_update(request):
    # ok: py.open-redirect.redirect
    return HttpResponseRedirect(request.get_full_path())
