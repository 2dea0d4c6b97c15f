# A function of the module that returns a check of its parameter checks the argument where the call is true.
import os
import subprocess

from flask import Flask, request, send_file

app = Flask(__name__)
REPORTS = {"daily.pdf", "weekly.pdf"}
HOSTS = ("db1", "db2")


def is_report(name):
    return name in REPORTS


def known_host(host):
    if not host:
        return False
    return host in HOSTS


def loose_host(host):
    if host.endswith(".internal"):
        return True
    return host in HOSTS


@app.get("/reports")
def report():
    name = request.args.get("name", "")
    if not is_report(name):
        return "no", 404
    # ok: py.path-traversal.open
    return send_file(os.path.join("/srv/reports", name))


@app.get("/ping")
def ping():
    host = request.args.get("host", "")
    target = host if known_host(host) else "localhost"
    # ok: py.cmdi.subprocess-shell
    return subprocess.check_output("ping -c 1 " + target, shell=True)


@app.get("/ping2")
def ping2():
    host = request.args.get("host", "")
    if loose_host(host):
        # ruleid: py.cmdi.subprocess-shell
        return subprocess.check_output("ping -c 1 " + host, shell=True)
    return "no"
