# A format string kept in a module-level name still carries the values formatted into it.
import os

from flask import Flask, request

app = Flask(__name__)

PING = "ping -c 1 {}"
PAGE = "<!doctype html><html><body>{content}</body></html>"
SAFE = "<p>{}</p>"


@app.post("/ping")
def ping():
    host = request.form.get("host", "")
    # ruleid: py.cmdi.subprocess-shell
    os.system(PING.format(host))
    # ok: py.cmdi.subprocess-shell
    os.system(PING.format("localhost"))
    # ruleid: py.xss.html-response
    return PAGE.format(content=f"<h2>Ping {host}</h2>")


@app.get("/count")
def count():
    n = int(request.args.get("n", "1"))
    # ok: py.xss.html-response
    return SAFE.format(n)
