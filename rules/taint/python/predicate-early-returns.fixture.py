# A predicate written as early returns of False, then True: where it holds, its guards have checked the argument.
from flask import Flask, redirect, request

app = Flask(__name__)


def is_local(url):
    if not url.startswith("/"):
        return False
    if url.startswith("//") or url.startswith("/\\"):
        return False
    return True


def is_rooted(url):
    if not url.startswith("/"):
        return False
    return True


@app.get("/done")
def done():
    target = request.args.get("next", "/")
    if not is_local(target):
        return redirect("/")
    # ok: py.open-redirect.redirect
    return redirect(target)


@app.get("/rooted")
def rooted():
    target = request.args.get("next", "/")
    if not is_rooted(target):
        return redirect("/")
    # ruleid: py.open-redirect.redirect
    return redirect(target)
