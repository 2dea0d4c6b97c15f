import re
import secrets

from flask import Flask, g, request, session
from flask import session as user_session

app = Flask(__name__)
THEMES = {"light", "dark"}


@app.route("/cart")
def restore_cart():
    # ruleid: py.trust-boundary.session-from-request
    session["cart"] = request.cookies["cart"]
    return "ok"


@app.route("/locale")
def locale():
    # setdefault stores the value when the key is new.
    # ruleid: py.trust-boundary.session-from-request
    session.setdefault("locale", request.headers.get("Accept-Language"))
    return "ok"


@app.route("/tenant")
def tenant():
    # ruleid: py.trust-boundary.session-from-request
    session.update({"tenant": request.args["tenant"], "since": 0})
    return "ok"


@app.route("/greeting")
def greeting():
    name = request.args.get("name", "")
    # ruleid: py.trust-boundary.session-from-request
    session["greeting"] = f"Welcome back, {name}"
    return "ok"


@app.route("/aliased", methods=["POST"])
def aliased():
    # ruleid: py.trust-boundary.session-from-request
    user_session["account"] = request.get_json()["account"]
    return "ok"


def remember(key, value):
    # ruleid: py.trust-boundary.session-from-request
    session[key] = value


@app.route("/remember", methods=["POST"])
def remember_view():
    remember("plan", request.form["plan"])
    return "ok"


# ---- negatives ----


@app.route("/csrf")
def csrf():
    # A value the server made.
    # ok: py.trust-boundary.session-from-request
    session["csrf"] = secrets.token_hex(16)
    return "ok"


@app.route("/theme")
def theme():
    choice = request.args["theme"]
    if choice not in THEMES:
        choice = "light"
    # ok: py.trust-boundary.session-from-request
    session["theme"] = "dark" if choice == "dark" else "light"
    return "ok"


@app.route("/lang")
def lang():
    code = request.args["lang"]
    if re.fullmatch(r"[a-z]{2}", code):
        # ok: py.trust-boundary.session-from-request
        session["lang"] = code
    return "ok"


@app.route("/per-request")
def per_request():
    # flask.g lives for one request only; nothing later trusts it.
    # ok: py.trust-boundary.session-from-request
    g.search = request.args["q"]
    return "ok"


@app.route("/logout")
def logout():
    # ok: py.trust-boundary.session-from-request
    session.pop(request.args.get("drop", "role"), None)
    # ok: py.trust-boundary.session-from-request
    session["logged_out"] = True
    return "bye"


@app.route("/draft", methods=["POST"])
def draft():
    # A plain dict that happens to be called like the session, returned to the client.
    session_data = {}
    # ok: py.trust-boundary.session-from-request
    session_data["draft"] = request.form["draft"]
    return session_data
