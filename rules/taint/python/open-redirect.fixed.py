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


# Known false positive (docs/accuracy.md): redirecting to the request's own path after a POST stays on the route
# that matched it. A catch-all route is different: a path such as //evil.example is a scheme-relative URL.
from django.http import HttpResponseRedirect


def bulk_update(request):
    # todook: py.open-redirect.redirect
    return HttpResponseRedirect(request.get_full_path() if request.get_full_path().startswith("/") and not request.get_full_path().startswith("//") and not request.get_full_path().startswith("/\\") else "/")
