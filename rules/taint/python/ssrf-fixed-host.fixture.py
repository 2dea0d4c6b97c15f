# A URL whose scheme and host are fixed, written as an f-string or from a constant: only the path varies.
import requests
from flask import Flask, request

app = Flask(__name__)
API = "https://api.example.com"
STATUS_API = 'https://status.example.com/'


@app.get("/users")
def users():
    name = request.args["name"]
    # ok: py.ssrf.http-client
    requests.get(f"https://api.example.com/users/{name}", timeout=5)
    # ok: py.ssrf.http-client
    requests.get(f'https://api.example.com/users/{name}/repos', timeout=5)
    # ok: py.ssrf.http-client
    requests.get(f"{API}/users/{name}", timeout=5)
    # ok: py.ssrf.http-client
    requests.get(API + "/users/" + name, timeout=5)
    # ok: py.ssrf.http-client
    requests.get(f"{STATUS_API}/{name}", timeout=5)
    return "", 204


@app.get("/proxy")
def proxy():
    host = request.args["host"]
    path = request.args["path"]
    # ruleid: py.ssrf.http-client
    requests.get(f"https://{host}/status", timeout=5)
    # "https://api.example.com" followed by "@evil.example" names another host.
    # ruleid: py.ssrf.http-client
    requests.get(f"{API}{path}", timeout=5)
    # ruleid: py.ssrf.http-client
    requests.get(API + path, timeout=5)
    base = request.args["base"]
    # ruleid: py.ssrf.http-client
    requests.get(f"{base}/status", timeout=5)
    # ruleid: py.ssrf.http-client
    requests.get(f"http://{host}.internal.example/", timeout=5)
    return "", 204


SERVICES = {"billing": "http://billing.internal:8080", "users": "http://users.internal:8080"}


@app.get("/svc")
def svc():
    base = SERVICES.get(request.args["service"])
    if base is None:
        return "", 404
    # One of the program's own URLs, then a path.
    # ok: py.ssrf.http-client
    requests.get(f"{base}/{request.args['path']}", timeout=5)
    # ok: py.ssrf.http-client
    requests.get(SERVICES[request.args["service"]] + "/health", timeout=5)
    PROXY_BASE = request.args["upstream"]
    # A name in capitals holding input is still input.
    # ruleid: py.ssrf.http-client
    requests.get(f"{PROXY_BASE}/{request.args['path']}", timeout=5)
    return "", 204
