from django.http import HttpResponse
from flask import Flask, request, session

app = Flask(__name__)
ROLES = ("viewer", "editor")


@app.route("/role")
def set_role():
    # ruleid: py.trust-boundary.session-from-request
    session["role"] = request.args["role"]
    return "ok"


@app.route("/user", methods=["POST"])
def set_user():
    user = request.form.get("user")
    # ruleid: py.trust-boundary.session-from-request
    session["user"] = user
    return "ok"


@app.route("/prefs", methods=["POST"])
def prefs():
    # ruleid: py.trust-boundary.session-from-request
    session.update(request.json)
    return "ok"


def django_view(request):
    # ruleid: py.trust-boundary.session-from-request
    request.session["is_admin"] = request.POST["is_admin"]
    return HttpResponse("ok")


@app.route("/login", methods=["POST"])
def login():
    uid = lookup_user(request.form["name"], request.form["password"])
    # ok: py.trust-boundary.session-from-request
    session["uid"] = uid
    return "ok"


@app.route("/role-checked")
def role_checked():
    role = request.args["role"]
    if role in ROLES:
        # ok: py.trust-boundary.session-from-request
        session["role"] = role
    return "ok"


@app.route("/visit")
def visit():
    # ok: py.trust-boundary.session-from-request
    session["visits"] = session.get("visits", 0) + 1
    return "ok"


def lookup_user(name, password):
    return 1
