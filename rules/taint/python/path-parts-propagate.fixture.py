# A path's parts are the input's text: basename strips folders, not shell syntax.
import os
import subprocess

from flask import Flask, request, send_file

app = Flask(__name__)
UPLOADS = "/srv/uploads"


@app.route("/convert", methods=["POST"])
def convert():
    name = os.path.basename(request.form["filename"])
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(f"zip -j {name}.zip {name}", shell=True, cwd=UPLOADS)
    stem, ext = os.path.splitext(request.form["filename"])
    # ruleid: py.cmdi.subprocess-shell
    os.system("file " + stem)
    # ok: py.path-traversal.open
    return send_file(os.path.join(UPLOADS, name))


@app.route("/convert-safe", methods=["POST"])
def convert_safe():
    name = os.path.basename(request.form["filename"])
    # ok: py.cmdi.subprocess-shell
    # A name may still start with "-": zip would read it as options.
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["zip", "-j", name + ".zip", name], cwd=UPLOADS)
    return "ok"
