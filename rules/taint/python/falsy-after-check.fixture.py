# A truth test of a variable or field: where it fails the value is falsy (empty text, 0, None, an empty list) and
# holds no input. `if error: return ...` leaves `error` empty on the way on.
import subprocess

from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/callback")
def callback():
    error = request.args.get("error")
    if error:
        return redirect("/failed")
    # ok: py.cmdi.subprocess-shell
    subprocess.run("notify-done " + str(error), shell=True)
    return "ok"


@app.route("/callback-else")
def callback_else():
    error = request.args.get("error")
    if error:
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("notify-failed " + error, shell=True)
    else:
        # ok: py.cmdi.subprocess-shell
        subprocess.run("notify-done " + str(error), shell=True)
    return "ok"


@app.route("/required")
def required():
    name = request.args.get("name")
    if not name:
        return "name is required", 400
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("greet " + name, shell=True)
    return "ok"


@app.route("/field")
def field():
    if request.args.get("debug"):
        return "no debug here", 403
    args = request.args
    if args["mode"]:
        return redirect("/")
    # ok: py.cmdi.subprocess-shell
    subprocess.run("run " + str(args["mode"]), shell=True)
    return "ok"
