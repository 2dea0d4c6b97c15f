from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/login")
def login():
    # ruleid: py.open-redirect.redirect
    return redirect(request.args.get("next", "/"))


@app.route("/out")
def out():
    target = request.values["to"]
    # ruleid: py.open-redirect.redirect
    return redirect(target, code=302)


# ---- negatives ----
@app.route("/n1")
def n1():
    nxt = request.args.get("next", "/")
    if nxt.startswith("/") and not nxt.startswith("//") and not nxt.startswith("/\\"):
        # ok: py.open-redirect.redirect
        return redirect(nxt)
    # ok: py.open-redirect.redirect
    return redirect("/home")
