# A URL's host checked on its parse (`urlparse(value).hostname in HOSTS`): the URL points to an allowed host.
from urllib.parse import urlparse

from flask import Flask, redirect, request

app = Flask(__name__)
ALLOWED_HOSTS = {"portal.example.com", "billing.example.com"}


def safe_return_url(value):
    parsed = urlparse(value or "")
    if parsed.scheme == "https" and parsed.hostname in ALLOWED_HOSTS:
        return value
    return "https://portal.example.com/"


def path_only(value):
    parsed = urlparse(value)
    if parsed.path.startswith("/account"):
        return value
    return "/"


@app.route("/pay/return")
def pay_return():
    # ok: py.open-redirect.redirect
    return redirect(safe_return_url(request.args.get("return_to")))


@app.route("/account")
def account():
    # ruleid: py.open-redirect.redirect
    return redirect(path_only(request.args.get("next", "/")))


@app.route("/inline")
def inline():
    target = request.args.get("to", "/")
    if urlparse(target).netloc not in ALLOWED_HOSTS:
        return redirect("/")
    # A check of a parse not kept in a name is the guards' own business (py-url-allowlist).
    return redirect(target)


@app.route("/links")
def links():
    import sqlite3

    value = request.args.get("url", "")
    parsed = urlparse(value)
    if parsed.hostname in ALLOWED_HOSTS:
        # A URL rule's check: the query still holds the whole URL.
        # ruleid: py.sqli.string-query
        sqlite3.connect("links.db").execute("SELECT id FROM links WHERE url = '" + value + "'")
    return "ok"


def is_local_url(url):
    if not url or "\\" in url:
        return False
    parts = urlparse(url)
    # "///evil.example" has no scheme, no host and starts with "/": browsers go to evil.example.
    return not parts.scheme and not parts.netloc and url.startswith("/")


@app.route("/logout")
def logout():
    came_from = request.args.get("came_from", "/")
    target = came_from if is_local_url(came_from) else "/"
    # ruleid: py.open-redirect.redirect
    return redirect(target)
