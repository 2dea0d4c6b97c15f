# A view hands its request (or Flask's global one) to a helper, whatever the helper calls it: the helper's
# parameter stands for the request.
import subprocess

from django.db import connection
from django.http import HttpResponse
from flask import Flask, request

app = Flask(__name__)


def _run_tool(r):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("tool " + r.args["name"], shell=True)


def _query_of(req_obj):
    return req_obj.args.get("q")


def _search(rq):
    with connection.cursor() as cur:
        # ruleid: py.sqli.string-query
        cur.execute("SELECT * FROM items WHERE name = '%s'" % rq.GET["name"])


def _check(value):
    # ok: py.cmdi.subprocess-shell
    subprocess.run("check " + value.args["x"], shell=True)


@app.route("/a")
def a():
    _run_tool(request)
    q = _query_of(request)
    # ruleid: py.cmdi.subprocess-shell
    subprocess.call("grep " + q, shell=True)
    _check(Config())
    return "ok"


def search_view(http_request):
    _search(http_request)
    return HttpResponse("ok")
