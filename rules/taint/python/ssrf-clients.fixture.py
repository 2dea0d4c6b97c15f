# SSRF through each Python HTTP client's call forms (the clients' own documentation): requests, httpx (sync and
# async), urllib, urllib3, http.client and aiohttp.
import http.client
import urllib.request
from urllib.parse import urlparse, urlsplit

import aiohttp
import httpx
import requests
import urllib3
from flask import Flask, request

app = Flask(__name__)
ALLOWED_HOSTS = {"api.example.com", "cdn.example.com"}


@app.route("/requests")
def with_requests():
    url = request.args["url"]
    # ruleid: py.ssrf.http-client
    requests.post(url, json={"a": 1}, timeout=5)
    # ruleid: py.ssrf.http-client
    requests.get(url=url, timeout=5)
    # ruleid: py.ssrf.http-client
    requests.request("GET", url, timeout=5)
    # ruleid: py.ssrf.http-client
    requests.Session().get(url, timeout=5)
    with requests.Session() as session:
        # ruleid: py.ssrf.http-client
        session.head(url, timeout=5)
    return "ok"


@app.route("/httpx")
def with_httpx():
    target = request.args.get("target")
    # ruleid: py.ssrf.http-client
    httpx.request("POST", target, json={})
    # ruleid: py.ssrf.http-client
    httpx.stream("GET", target) if False else httpx.get(url=target)
    # ruleid: py.ssrf.http-client
    api = httpx.Client(base_url="https://" + request.args["tenant"] + ".internal")
    with httpx.Client() as client:
        # ruleid: py.ssrf.http-client
        client.get(target)
    return api.get("/status").text


@app.route("/httpx-async")
async def with_httpx_async():
    target = request.args["target"]
    async with httpx.AsyncClient(timeout=5) as client:
        # ruleid: py.ssrf.http-client
        r = await client.post(target, data={})
    return r.text


@app.route("/urllib")
def with_urllib():
    u = request.args["u"]
    # ruleid: py.ssrf.http-client
    urllib.request.urlopen(urllib.request.Request(u, headers={"Accept": "*/*"}))
    # ruleid: py.ssrf.http-client
    urllib.request.urlretrieve(u, "/tmp/out")
    # ruleid: py.ssrf.http-client
    urllib.request.build_opener().open(u)
    return "ok"


@app.route("/urllib3")
def with_urllib3():
    u = request.args["u"]
    http = urllib3.PoolManager()
    # ruleid: py.ssrf.http-client
    http.request("GET", u)
    # ruleid: py.ssrf.http-client
    urllib3.request("GET", u)
    # ruleid: py.ssrf.http-client
    urllib3.PoolManager().request("POST", u, body=b"")
    return "ok"


@app.route("/http-client")
def with_http_client():
    # ruleid: py.ssrf.http-client
    conn = http.client.HTTPSConnection(request.args["host"], timeout=5)
    conn.request("GET", "/")
    return str(conn.getresponse().status)


@app.route("/aiohttp")
async def with_aiohttp():
    url = request.args["url"]
    async with aiohttp.ClientSession() as session:
        # ruleid: py.ssrf.http-client
        async with session.get(url) as resp:
            body = await resp.text()
    # ruleid: py.ssrf.http-client
    async with aiohttp.request("GET", url) as resp2:
        body += await resp2.text()
    return body


# A session in a variable with an unconventional name: the variable's value is the session.
@app.route("/gap")
def gap():
    s = requests.Session()
    # ruleid: py.ssrf.http-client
    return s.get(request.args["url"]).text


@app.route("/n-session-var")
def n_session_var():
    s = requests.Session()
    # ok: py.ssrf.http-client
    status = s.get("https://status.example.com/health").status_code
    s = {"a": "https://a.example.com/"}
    # ok: py.ssrf.http-client
    return {"status": status, "link": s.get(request.args["key"])}


# ---- negatives ----
@app.route("/n-allowlist")
def n_allowlist():
    url = request.args["url"]
    if urlparse(url).hostname in ALLOWED_HOSTS:
        # ok: py.ssrf.http-client
        requests.get(url, timeout=5)
    if urlsplit(url).netloc not in ALLOWED_HOSTS:
        return "no", 400
    # The host refused unless allowed, with an early return.
    # ok: py.ssrf.http-client
    httpx.get(url)
    other = urlparse(request.args["third"])
    if other.hostname not in ALLOWED_HOSTS:
        # Refused here only when the check holds: not on this path.
        # ruleid: py.ssrf.http-client
        requests.get(other.geturl(), timeout=5)
    parsed = urlparse(request.args["other"])
    if parsed.hostname in ALLOWED_HOSTS:
        # ok: py.ssrf.http-client
        requests.get(parsed.geturl(), timeout=5)
    return "ok"


@app.route("/n-fixed-host")
def n_fixed_host():
    q = request.args["q"]
    # Only the query string, body or headers come from the request.
    # ok: py.ssrf.http-client
    requests.get("https://api.example.com/search", params={"q": q}, timeout=5)
    # ok: py.ssrf.http-client
    requests.post("https://api.example.com/items", json=request.get_json(), timeout=5)
    # ok: py.ssrf.http-client
    requests.request("POST", "https://api.example.com/items", data=q, timeout=5)
    # ok: py.ssrf.http-client
    httpx.post("https://api.example.com/items", headers={"X-Q": q})
    # ok: py.ssrf.http-client
    httpx.Client(base_url="https://api.example.com", headers={"X-Q": q})
    with httpx.Client(base_url="https://api.example.com") as client:
        # ok: py.ssrf.http-client
        client.get("/search", params={"q": q})
    # ok: py.ssrf.http-client
    urllib.request.urlopen(urllib.request.Request("https://api.example.com/items", data=q.encode()))
    http = urllib3.PoolManager()
    # ok: py.ssrf.http-client
    http.request("GET", "https://api.example.com/search", fields={"q": q})
    # ok: py.ssrf.http-client
    conn = http.client.HTTPSConnection("api.example.com")
    # ok: py.ssrf.http-client
    requests.get(f"https://api.example.com/users/{int(request.args['id'])}", timeout=5)
    # A Flask-style dict lookup on something that is not an HTTP client.
    cache = {}
    # ok: py.ssrf.http-client
    cache.get(q)
    return "ok"
