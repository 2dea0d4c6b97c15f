# A comprehension's filter keeps only the elements it lets through: characters an allow-list check passed are
# clean, joined back or not. A deny-list filter (one character taken out) still lets `..` through.
import os

from flask import Flask, request

app = Flask(__name__)
PREVIEWS = "/srv/previews"


@app.route("/preview")
def preview():
    slug = "".join(ch for ch in request.args["campaign"] if ch.isalnum() or ch in "-_")
    # ok: py.path-traversal.open
    with open(os.path.join(PREVIEWS, f"{slug}.html"), "rb") as fh:
        return fh.read()


@app.route("/preview-digits")
def preview_digits():
    digits = "".join([c for c in request.args["id"] if c.isdigit()])
    # ok: py.path-traversal.open
    return open(os.path.join(PREVIEWS, digits + ".html")).read()


@app.route("/preview-loose")
def preview_loose():
    slug = "".join(ch for ch in request.args["campaign"] if ch != "/")
    # ruleid: py.path-traversal.open
    return open(os.path.join(PREVIEWS, slug)).read()


@app.route("/preview-parts")
def preview_parts():
    parts = [p for p in request.args["path"].split(",") if p]
    # ruleid: py.path-traversal.open
    return open(os.path.join(PREVIEWS, *parts)).read()


@app.route("/mode")
def mode():
    m = request.args.get("mode", "r")
    if m in "rb":
        # ok: py.path-traversal.open
        return open(os.path.join(PREVIEWS, m)).read()
    return ""
