# A same-site path checked in parts, over several statements or in a helper: it starts with "/", not "//", and holds
# no backslash (browsers read "/\evil.example" as "//evil.example"). Each refused part marks the value; all three make
# it a path on this site.
from urllib.parse import urlparse

from flask import Flask, redirect, request

app = Flask(__name__)


def safe_next(target):
    if not target:
        return "/"
    if not target.startswith("/") or target.startswith("//"):
        return "/"
    if "\\" in target:
        return "/"
    return target


@app.get("/continue")
def continue_():
    # ok: py.open-redirect.redirect
    return redirect(safe_next(request.args.get("next")))


@app.get("/back")
def back():
    to = request.args.get("to", "/")
    parsed = urlparse(to)
    if parsed.scheme or parsed.netloc or not to.startswith("/") or to.startswith("//"):
        to = "/"
    if "\\" in to or any(ord(c) < 32 for c in to):
        to = "/"
    # ok: py.open-redirect.redirect
    return redirect(to)


@app.get("/tuple")
def tuple_prefixes():
    to = request.args.get("to", "/")
    if to.startswith(("//", "/\\")):
        return redirect("/")
    if not to.startswith("/"):
        return redirect("/")
    # ok: py.open-redirect.redirect
    return redirect(to)


# ---- still reported ----
def slashes_only(target):
    # No backslash test: "/\evil.example" passes and leaves the site.
    if not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


@app.get("/slashes")
def slashes():
    # ruleid: py.open-redirect.redirect
    return redirect(slashes_only(request.args.get("next")))


@app.get("/rooted")
def rooted():
    to = request.args.get("to", "/")
    # "//evil.example" starts with "/".
    if not to.startswith("/") or "\\" in to:
        to = "/"
    # ruleid: py.open-redirect.redirect
    return redirect(to)


@app.get("/other")
def other():
    to = request.args.get("to", "/")
    back_to = request.args.get("back", "/")
    if not back_to.startswith("/") or back_to.startswith("//") or "\\" in back_to:
        return redirect("/")
    # ruleid: py.open-redirect.redirect
    return redirect(to)


@app.get("/not-in")
def not_in():
    to = request.args.get("to")
    # All three, the backslash test written `not in`, in one condition.
    if to and to.startswith("/") and not to.startswith("//") and "\\" not in to:
        # ok: py.open-redirect.redirect
        return redirect(to)
    # ruleid: py.open-redirect.redirect
    return redirect(to)


@app.get("/not-in-two")
def not_in_two():
    to = request.args.get("to")
    # No one-slash test: "//evil.example" passes.
    if to.startswith("/") and "\\" not in to:
        # ruleid: py.open-redirect.redirect
        return redirect(to)
    return redirect("/")


TRUSTED_PREFIXES = ("https://inventory.example.com/", "https://help.example.com/")
MIXED_PREFIXES = ("https://help.example.com/", "/")


@app.route("/docs-redirect")
def docs_redirect():
    url = request.args.get("url", "https://help.example.com/")
    if not url.startswith(TRUSTED_PREFIXES):
        url = TRUSTED_PREFIXES[1]
    # ok: py.open-redirect.redirect
    return redirect(url)


@app.route("/docs-redirect-inline")
def docs_redirect_inline():
    url = request.args.get("url", "")
    if url.startswith(("https://inventory.example.com/", "https://help.example.com/")):
        # ok: py.open-redirect.redirect
        return redirect(url)
    return redirect("/")


@app.route("/docs-redirect-mixed")
def docs_redirect_mixed():
    url = request.args.get("url", "")
    # "/" lets "//evil.example" through.
    if url.startswith(MIXED_PREFIXES):
        # ruleid: py.open-redirect.redirect
        return redirect(url)
    return redirect("/")
