# A check kept in a variable, then tested: the variable's test is the check's.
from flask import Flask, redirect, request

app = Flask(__name__)


@app.route("/back")
def back():
    nxt = request.args.get("next", "")
    ok = nxt.startswith("/") and not nxt.startswith("//") and "\\" not in nxt
    # ok: py.open-redirect.redirect
    return redirect(nxt if ok else "/")


@app.route("/reassigned")
def reassigned():
    nxt = request.args.get("next", "")
    ok = nxt.startswith("/") and not nxt.startswith("//") and "\\" not in nxt
    nxt = request.args.get("other", "")
    if ok:
        # ruleid: py.open-redirect.redirect
        return redirect(nxt)
    return redirect("/")


@app.route("/partial")
def partial():
    nxt = request.args.get("next", "")
    ok = not nxt.startswith("//")
    if ok:
        # ruleid: py.open-redirect.redirect
        return redirect(nxt)
    return redirect("/")
