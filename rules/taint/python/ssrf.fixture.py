import os
from urllib.parse import urlparse
from urllib.request import urlopen

import httpx
import requests
from fastapi import FastAPI

app = FastAPI()
ALLOWED_HOSTS = {"api.example.com"}


@app.get("/fetch")
def fetch(url: str):
    # ruleid: py.ssrf.http-client
    return requests.get(url, timeout=5).text


@app.get("/preview")
async def preview(target: str):
    # ruleid: py.ssrf.http-client
    r = httpx.get("http://" + target + "/meta", timeout=5)
    # ruleid: py.ssrf.http-client
    urlopen(target)
    return r.json()


# ---- negatives ----
@app.get("/n1")
def n1(url: str, page: int = 1):
    if urlparse(url).netloc in ALLOWED_HOSTS:
        # ok: py.ssrf.http-client
        requests.get(url, timeout=5)
    # An int page number cannot change the host.
    # ok: py.ssrf.http-client
    requests.get("https://api.example.com/items?page=" + str(page), timeout=5)
    # ok: py.ssrf.http-client
    requests.get("https://api.example.com/health", timeout=5)
    # The host is fixed; only the path varies.
    # ok: py.ssrf.http-client
    requests.get("https://api.example.com/users/" + url, timeout=5)
    return {}


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.ssrf.http-client
    requests.get(request.args["v"], timeout=5)


@app.get("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.ssrf.http-client
        requests.get(request.args["v"], timeout=5)
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.ssrf.http-client
        requests.get(choice, timeout=5)
    # ok: py.ssrf.http-client
    requests.get(os.environ["APP_SETTING"], timeout=5)
    return "ok"
