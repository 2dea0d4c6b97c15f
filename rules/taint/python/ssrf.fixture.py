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
    return {}
