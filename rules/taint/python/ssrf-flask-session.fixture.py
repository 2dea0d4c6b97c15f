# Flask's `session` (`from flask import session`) is the signed cookie's dict: `session.get(key)` reads a value,
# it sends no request. A requests or httpx session under the same name elsewhere still does.
import requests
from flask import Flask, redirect, request, session

app = Flask(__name__)


@app.route("/authenticate")
def authenticate():
    project_id = request.args.get("project_id")
    # ok: py.ssrf.http-client
    if session.get(project_id):
        return redirect("/bills")
    return "login"


def fetch(url):
    with requests.Session() as sess:
        # ruleid: py.ssrf.http-client
        return sess.get(url, timeout=5)


@app.route("/proxy")
def proxy():
    return fetch(request.args["url"])


@app.route("/assigned")
def assigned():
    session = requests.Session()
    # ruleid: py.ssrf.http-client
    return session.get(request.args["url"], timeout=5).text


@app.route("/with")
def with_block():
    # A with-target of the same name: its value is a requests session.
    with requests.Session() as session:
        # ruleid: py.ssrf.http-client
        return session.get(request.args["url"], timeout=5).text
