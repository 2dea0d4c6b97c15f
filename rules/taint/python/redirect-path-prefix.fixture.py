# A redirect target checked to start with a path of this site ("/orders/", "/app"): a slash then a path character
# can become neither "//host" nor "/\host", so the browser stays on the site. A bare "/" prefix is not enough.
from flask import Flask, redirect, request

app = Flask(__name__)


@app.post("/orders/<int:oid>/archive")
def archive(oid):
    nxt = request.args.get("next", "")
    # ok: py.open-redirect.redirect
    return redirect(nxt if nxt.startswith("/orders/") and "//" not in nxt else "/orders")


@app.post("/orders/<int:oid>/close")
def close(oid):
    nxt = request.args.get("next", "")
    if not nxt.startswith("/app"):
        return redirect("/")
    # ok: py.open-redirect.redirect
    return redirect(nxt)


@app.post("/orders/<int:oid>/open")
def open_order(oid):
    nxt = request.args.get("next", "")
    # ruleid: py.open-redirect.redirect
    return redirect(nxt if nxt.startswith("/") else "/orders")


@app.post("/orders/<int:oid>/leave")
def leave(oid):
    nxt = request.args.get("next", "")
    # A prefix that is itself a protocol-relative start.
    # ruleid: py.open-redirect.redirect
    return redirect(nxt if nxt.startswith("//cdn") else "/orders")
