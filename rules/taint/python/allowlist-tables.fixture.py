# Membership in a collection the program wrote (a literal or a comprehension held in a name) is an allow-list;
# membership in a string is a substring test.
import os
from flask import Flask, request, send_file

app = Flask(__name__)
themes = {"light": "light.css", "dark": "dark.css"}
plugins = [name for name in os.listdir("plugins") if os.path.isdir(os.path.join("plugins", name))]


@app.route("/theme")
def theme():
    name = request.args.get("name")
    if name in themes:
        # ok: py.path-traversal.open
        return open(name).read()
    return "", 404


@app.route("/plugin/<plugin>")
def plugin(plugin):
    if plugin in plugins:
        # ok: py.path-traversal.open
        return open(os.path.join("plugins", plugin, "config.html")).read()
    return "", 404


# ---- still reported ----
@app.route("/substring")
def substring():
    allowed = "light.css dark.css"
    name = request.args.get("name")
    if name in allowed:
        # ruleid: py.path-traversal.open
        return open(name).read()
    return "", 404


@app.route("/input-table")
def input_table():
    table = request.get_json()
    name = request.args.get("name")
    if name in table:
        # ruleid: py.path-traversal.open
        return open(name).read()
    return "", 404
