# Membership in a collection the program wrote (a literal or a comprehension held in a name) is an allow-list;
# membership in a string is a substring test, which lets through only pieces of that string.
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


@app.route("/substring")
def substring():
    allowed = "light.css dark.css"
    name = request.args.get("name")
    if name in allowed:
        # A substring test, not an allow-list, but what it lets through is a piece of the program's string: no
        # separator nor parent folder it does not hold.
        # ok: py.path-traversal.open
        return open(name).read()
    return "", 404


# ---- still reported ----
@app.route("/input-table")
def input_table():
    table = request.get_json()
    name = request.args.get("name")
    if name in table:
        # ruleid: py.path-traversal.open
        return open(name).read()
    return "", 404


# ---- settings the deployment wrote ----
from flask import current_app, session
from django.conf import settings


@app.route("/lang/<lang>")
def change_lang(lang):
    if lang in current_app.config["SUPPORTED_LANGUAGES"]:
        # ok: py.trust-boundary.session-from-request
        session["lang"] = lang
    # ruleid: py.trust-boundary.session-from-request
    session["last"] = lang
    return "", 204


@app.route("/doc")
def doc():
    name = request.args.get("name")
    if name not in settings.DOCUMENT_NAMES:
        return "", 404
    # ok: py.path-traversal.open
    return open(name).read()


@app.route("/query-keys")
def query_keys():
    name = request.args.get("name")
    # Upper-case, but the request's own data.
    if name in request.form:
        # ruleid: py.path-traversal.open
        return open(name).read()
    return "", 404


@app.route("/config-by-input")
def config_by_input():
    name = request.args.get("name")
    if name in current_app.config[request.args["table"]]:
        # ruleid: py.path-traversal.open
        return open(name).read()
    return "", 404
