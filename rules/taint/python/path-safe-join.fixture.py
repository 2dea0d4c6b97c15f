# The safe-join idiom: resolve under the root, refuse unless the result is the root itself or under it.
import os

from flask import Flask, abort, request, send_file

app = Flask(__name__)
ROOT = "/srv/files"


def safe_join(root, relative):
    base = os.path.realpath(root)
    target = os.path.realpath(os.path.join(base, relative))
    if target != base and not target.startswith(base + os.sep):
        raise ValueError("path escapes the root")
    return target


@app.get("/files")
def files():
    # ok: py.path-traversal.open
    return send_file(safe_join(ROOT, request.args["p"]))


@app.get("/inline")
def inline():
    base = os.path.realpath(ROOT)
    target = os.path.realpath(os.path.join(base, request.args["p"]))
    if target != base and not target.startswith(base + os.sep):
        abort(400)
    # ok: py.path-traversal.open
    with open(target) as fh:
        data = fh.read()
    # ruleid: py.path-traversal.open
    with open(os.path.join(base, request.args["q"])) as fh:
        data += fh.read()
    return data
