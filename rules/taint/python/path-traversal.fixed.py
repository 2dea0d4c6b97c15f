import os
from pathlib import Path

from flask import Flask, request, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)
BASE = "/srv/files"


@app.route("/file")
def read_file():
    name = request.args["name"]
    # ruleid: py.path-traversal.open
    safe_path = os.path.realpath(os.path.join(BASE, name))
    if not safe_path.startswith(os.path.realpath(BASE) + os.sep):
        raise ValueError("path escapes the allowed folder")
    with open(safe_path) as f:
        return f.read()


@app.route("/download/<path:filename>")
def download(filename):
    # ruleid: py.path-traversal.open
    safe_path = os.path.realpath(os.path.join(BASE, "downloads", filename))
    if not safe_path.startswith(os.path.realpath(os.path.join(BASE, "downloads")) + os.sep):
        raise ValueError("path escapes the allowed folder")
    return send_file(safe_path)


@app.route("/note")
def note():
    # ruleid: py.path-traversal.open
    return Path("/srv/notes/" + request.args["id"]).read_text()


# ---- negatives ----
@app.route("/n1")
def n1():
    # ok: py.path-traversal.open
    data = open(os.path.join(BASE, secure_filename(request.args["name"]))).read()
    target = os.path.realpath(os.path.join(BASE, request.args["name"]))
    if not target.startswith(BASE + os.sep):
        return "forbidden", 403
    # ok: py.path-traversal.open
    with open(target) as f:
        data += f.read()
    # ok: py.path-traversal.open
    with open(os.path.join(BASE, "index.txt")) as f:
        data += f.read()
    return data


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.path-traversal.open
    open("/srv/" + request.args["v"])


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.path-traversal.open
        open("/srv/" + request.args["v"])
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.path-traversal.open
        open("/srv/" + choice)
    # ok: py.path-traversal.open
    open("/srv/" + os.environ["APP_SETTING"])
    return "ok"
