# A prefix check keeps a path inside its root only when the path was normalized first: os.path.join keeps "..",
# so "/srv/files/../../etc/passwd" starts with "/srv/files".
import os
from pathlib import Path

from flask import Flask, abort, request, send_file

app = Flask(__name__)
BASE = "/srv/files"
OTHER = "/srv"
ROOT_PATH = Path(BASE)


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


@app.route("/common")
def common():
    p = os.path.realpath(os.path.join(BASE, request.args["name"]))
    if os.path.commonpath([p, BASE]) != BASE:
        abort(403)
    # ok: py.path-traversal.open
    return send_file(p)


@app.route("/common-eq")
def common_eq():
    p = os.path.abspath(os.path.join(BASE, request.args["name"]))
    if os.path.commonpath([BASE, p]) == BASE:
        # ok: py.path-traversal.open
        with open(p) as f:
            return f.read()
    abort(403)


# os.path.join keeps "..": the common prefix of an unnormalized path says nothing.
@app.route("/common-raw")
def common_raw():
    p = os.path.join(BASE, request.args["name"])
    if os.path.commonpath([p, BASE]) != BASE:
        abort(403)
    # ruleid: py.path-traversal.open
    return send_file(p)


# Compared with another folder than the one in the check: not a containment check.
@app.route("/common-other")
def common_other():
    p = os.path.realpath(os.path.join(BASE, request.args["name"]))
    if os.path.commonpath([p, BASE]) != OTHER:
        abort(403)
    # ruleid: py.path-traversal.open
    return send_file(p)


@app.route("/static-like/<path:name>")
def static_like(name):
    root = os.path.abspath(BASE) + os.path.sep
    absolute = os.path.abspath(os.path.join(root, name))
    if not (absolute + os.path.sep).startswith(root):
        abort(403)
    # ok: py.path-traversal.open
    return open(absolute, "rb").read()


@app.route("/static-like-unchecked/<path:name>")
def static_like_unchecked(name):
    root = os.path.abspath(BASE) + os.path.sep
    absolute = os.path.join(root, name)
    if not (absolute + os.path.sep).startswith(root):
        abort(403)
    # Not normalized: "root/../../etc" passes the check.
    # ruleid: py.path-traversal.open
    return open(absolute, "rb").read()


# pathlib: the root among the resolved path's ancestors.
@app.route("/parents/<path:name>")
def parents(name):
    target = (ROOT_PATH / name).resolve()
    if ROOT_PATH not in target.parents:
        abort(403)
    # ok: py.path-traversal.open
    return open(target, "rb").read()


@app.route("/parents-checked/<path:name>")
def parents_checked(name):
    target = (ROOT_PATH / name).resolve()
    if ROOT_PATH in target.parents:
        # ok: py.path-traversal.open
        return open(target, "rb").read()
    abort(403)


@app.route("/parents-unresolved/<path:name>")
def parents_unresolved(name):
    target = ROOT_PATH / name
    if ROOT_PATH not in target.parents:
        abort(403)
    # Not resolved: "root/../../etc" has root among its lexical parents.
    # ruleid: py.path-traversal.open
    return open(target, "rb").read()


@app.route("/relative-to/<path:name>")
def relative_to_checked(name):
    target = (ROOT_PATH / name).resolve()
    # Raises ValueError when the path is outside the root.
    target.relative_to(ROOT_PATH)
    # ok: py.path-traversal.open
    return open(target, "rb").read()


@app.route("/relative-to-unresolved/<path:name>")
def relative_to_unresolved(name):
    target = ROOT_PATH / name
    target.relative_to(ROOT_PATH)
    # Not resolved: "root/../../etc" is lexically under root.
    # ruleid: py.path-traversal.open
    return open(target, "rb").read()


@app.route("/relative-to-value/<path:name>")
def relative_to_value(name):
    target = (ROOT_PATH / name).resolve()
    # The check on another path leaves this one unchecked.
    Path(ROOT_PATH / "cache").resolve().relative_to(ROOT_PATH)
    # ruleid: py.path-traversal.open
    return open(target, "rb").read()


class Uploads:
    def __init__(self, root: str) -> None:
        self.root = Path(root).resolve()

    def contained(self, name: str) -> Path:
        candidate = (self.root / name).resolve()
        candidate.relative_to(self.root)
        return candidate


UPLOADS = Uploads("/srv/uploads")


@app.route("/relative-to-helper/<path:name>")
def relative_to_helper(name):
    # ok: py.path-traversal.open
    return UPLOADS.contained(name).read_text()


@app.route("/dirname/<path:name>")
def dirname_checked(name):
    full = os.path.realpath(os.path.join(BASE, name))
    if os.path.dirname(full) != BASE:
        abort(404)
    # ok: py.path-traversal.open
    return open(full, "rb").read()


@app.route("/dirname-other/<path:name>")
def dirname_other(name):
    full = os.path.realpath(os.path.join(BASE, name))
    if os.path.dirname(full) == BASE:
        return open(full, "rb").read()
    # Where the check fails the path is anywhere.
    # ruleid: py.path-traversal.open
    return open(full + ".bak", "rb").read()


@app.route("/commonpath-text/<path:name>")
def commonpath_text(name):
    target = (ROOT_PATH / name).resolve()
    if os.path.commonpath([str(ROOT_PATH), str(target)]) != str(ROOT_PATH):
        abort(403)
    # ok: py.path-traversal.open
    return open(target, "rb").read()


@app.route("/commonpath-text-unresolved/<path:name>")
def commonpath_text_unresolved(name):
    target = ROOT_PATH / name
    if os.path.commonpath([str(ROOT_PATH), str(target)]) != str(ROOT_PATH):
        abort(403)
    # Not normalised: "sub/../../etc" has the root as its common prefix.
    # ruleid: py.path-traversal.open
    return open(target, "rb").read()
