# A parsed URL's host compared with a constant before the request, as a condition or as a refusal with an early
# return: past it the host is the allowed one.
from urllib.parse import urlparse

import requests
from flask import Flask, abort, request

app = Flask(__name__)


@app.route("/fetch")
def fetch():
    u = urlparse(request.args["url"])
    if u.hostname != "api.example.com":
        abort(400)
    # ok: py.ssrf.http-client
    return requests.get(u.geturl(), timeout=5).text


@app.route("/fetch-if")
def fetch_if():
    u = urlparse(request.args["url"])
    if u.hostname == "api.example.com":
        # ok: py.ssrf.http-client
        return requests.get(u.geturl(), timeout=5).text
    # ruleid: py.ssrf.http-client
    return requests.get(u.geturl(), timeout=5).text


@app.route("/fetch-refusing-branch")
def fetch_refusing_branch():
    u = urlparse(request.args["url"])
    if u.netloc != "api.example.com":
        # ruleid: py.ssrf.http-client
        requests.get(u.geturl(), timeout=5)
    return "ok"


ALLOWED = {"api.example.com", "cdn.example.com"}


@app.route("/fetch-host-variable")
def fetch_host_variable():
    # The host kept in a variable, then checked: the check is of the URL's host.
    url = request.args["url"]
    host = urlparse(url).hostname
    if host not in ALLOWED:
        abort(400)
    # ok: py.ssrf.http-client
    return requests.get(url, timeout=5).text


@app.route("/fetch-other-host-variable")
def fetch_other_host_variable():
    url = request.args["url"]
    host = urlparse(request.args["other"]).hostname
    if host not in ALLOWED:
        abort(400)
    # ruleid: py.ssrf.http-client
    return requests.get(url, timeout=5).text
