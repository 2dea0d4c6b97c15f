# AWS Chalice: the app's current request holds the query, the JSON body, the raw body and the URI parameters.
import subprocess

import requests
from chalice import Chalice, Response

app = Chalice(app_name="inventory")
TRUSTED = {"https://hooks.example.com/notify"}


def _query():
    return app.current_request.query_params or {}


@app.route("/items/search")
def search_items():
    term = _query().get("q", "")
    # ruleid: py.cmdi.subprocess-shell
    out = subprocess.run(f"grep -i {term} /srv/items.txt", shell=True, capture_output=True, text=True)
    return {"lines": out.stdout.splitlines()}


@app.route("/suppliers/ping", methods=["POST"])
def ping_supplier():
    body = app.current_request.json_body or {}
    endpoint = body.get("endpoint")
    # ruleid: py.ssrf.http-client
    requests.get(endpoint, timeout=5)
    if endpoint in TRUSTED:
        # ok: py.ssrf.http-client
        requests.get(endpoint, timeout=5)
    return {"ok": True}


@app.route("/login/callback")
def login_callback():
    target = _query().get("next", "/")
    # ruleid: py.open-redirect.redirect
    return Response(body="", status_code=302, headers={"Location": target, "Cache-Control": "no-store"})


@app.route("/home")
def home():
    # ok: py.open-redirect.redirect
    return Response(body="", status_code=302, headers={"Location": "/", "X-From": _query().get("from", "")})
