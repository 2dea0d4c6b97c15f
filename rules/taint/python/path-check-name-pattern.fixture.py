# A file name matched against a pattern that cannot match a separator before it is joined under a folder.
import os
import re

from flask import Flask, abort, request

app = Flask(__name__)
ROOT = "/srv/cache"
SAFE_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}\.(txt|csv|json)$")
SLUG = re.compile(r"^[a-z0-9-]{1,80}$")
LOOSE = re.compile(r"^.+\.txt$")
NEGATED = re.compile(r"^[^<>]+$")
WITH_SLASH = re.compile(r"^[a-z/]+$")


@app.route("/read")
def read():
    name = request.args.get("name", "")
    if not SAFE_NAME.match(name):
        abort(400)
    # ok: py.path-traversal.open
    return open(os.path.join(ROOT, name)).read()


@app.route("/page/<slug>")
def page(slug):
    if SLUG.match(slug):
        # ok: py.path-traversal.open
        return open(os.path.join(ROOT, slug + ".md")).read()
    # ruleid: py.path-traversal.open
    return open(os.path.join(ROOT, slug + ".md")).read()


@app.route("/inline")
def inline():
    name = request.args.get("name", "")
    if not re.match(r"^[\w-]+$", name):
        abort(400)
    # ok: py.path-traversal.open
    return open(os.path.join(ROOT, name)).read()


@app.route("/loose")
def loose():
    # `.` matches a separator.
    name = request.args.get("name", "")
    if not LOOSE.match(name):
        abort(400)
    # ruleid: py.path-traversal.open
    return open(os.path.join(ROOT, name)).read()


@app.route("/negated")
def negated():
    name = request.args.get("name", "")
    if not NEGATED.match(name):
        abort(400)
    # ruleid: py.path-traversal.open
    return open(os.path.join(ROOT, name)).read()


@app.route("/with-slash")
def with_slash():
    name = request.args.get("name", "")
    if not WITH_SLASH.match(name):
        abort(400)
    # ruleid: py.path-traversal.open
    return open(os.path.join(ROOT, name)).read()
