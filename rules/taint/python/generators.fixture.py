# What a generator yields is what iterating its result gives.
import os

from flask import Flask, request

app = Flask(__name__)


def names(raw):
    for part in raw.split(","):
        yield part.strip()


def fixed():
    yield "localhost"
    yield "example.com"


def delegated(raw):
    yield from names(raw)


@app.get("/ping")
def ping():
    for host in names(request.args.get("hosts", "")):
        # ruleid: py.cmdi.subprocess-shell
        os.system("ping -c 1 " + host)
    for host in delegated(request.args.get("hosts", "")):
        # ruleid: py.cmdi.subprocess-shell
        os.system("ping -c 1 " + host)
    for host in fixed():
        # ok: py.cmdi.subprocess-shell
        os.system("ping -c 1 " + host)
    return "ok"
