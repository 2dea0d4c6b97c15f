# A prefix check keeps a path inside its root only when the path was normalized first: os.path.join keeps "..",
# so "/srv/files/../../etc/passwd" starts with "/srv/files".
import os
from pathlib import Path

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/joined")
def joined():
    p = os.path.join(BASE, request.args["name"])
    if not p.startswith(BASE):
        abort(403)
    # ruleid: py.path-traversal.open
    return send_file(p)


@app.route("/pathlib")
def pathlib_lexical():
    p = Path(BASE) / request.args["name"]
    if not p.is_relative_to(BASE):
        abort(403)
    # ruleid: py.path-traversal.open
    return p.read_text()


@app.route("/formatted")
def formatted():
    p = f"{BASE}/{request.args['name']}"
    if p.startswith(BASE + "/"):
        # ruleid: py.path-traversal.open
        with open(p) as f:
            return f.read()
    abort(403)


# ---- negatives ----
@app.route("/realpath")
def realpath():
    p = os.path.realpath(os.path.join(BASE, request.args["name"]))
    if not p.startswith(BASE + os.sep):
        abort(403)
    # ok: py.path-traversal.open
    return send_file(p)


@app.route("/normpath")
def normpath():
    p = os.path.normpath(os.path.join(BASE, request.args["name"]))
    if p.startswith(BASE + os.sep):
        # ok: py.path-traversal.open
        with open(p) as f:
            return f.read()
    abort(403)


@app.route("/resolved")
def resolved():
    p = (Path(BASE) / request.args["name"]).resolve()
    if not p.is_relative_to(BASE):
        abort(403)
    # ok: py.path-traversal.open
    return p.read_text()
