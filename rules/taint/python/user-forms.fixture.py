# Forms a new user types, taken from each library's documentation: importlib, renamed imports, Flask JSON bodies,
# Django class-based views, aiohttp match_info, FastAPI Body/Form/Header parameters and AWS Lambda events.
import importlib
import os
import subprocess
from subprocess import run as r

from aiohttp import web
from django.http import HttpResponse
from django.views import View
from fastapi import Body, FastAPI, Form, Header
from flask import Flask, request

app = Flask(__name__)
api = FastAPI()
ROOT = "/srv/files"


@app.route("/import-module", methods=["POST"])
def import_module():
    host = request.get_json()["host"]
    # ruleid: py.cmdi.subprocess-shell
    importlib.import_module("os").system("ping -c 1 " + host)
    # ruleid: py.cmdi.subprocess-shell
    r("ping -c 1 " + host, shell=True)
    # ok: py.cmdi.subprocess-shell
    r(["ping", "-c", "1", host])
    return "ok"


@app.route("/nested-json", methods=["POST"])
def nested_json():
    data = request.get_json(force=True)
    name = data["file"]["name"]
    # ruleid: py.path-traversal.open
    with open(os.path.join(ROOT, name)) as f:
        body = f.read()
    # ok: py.path-traversal.open
    with open(os.path.join(ROOT, os.path.basename(name))) as f:
        body += f.read()
    return body


class ReportView(View):
    def get(self, request):
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("report " + request.GET["month"], shell=True)
        return HttpResponse("ok")


class ExportView(View):
    def get(self, *args, **kwargs):
        month = self.request.GET.get("month")
        # ruleid: py.cmdi.subprocess-shell
        subprocess.check_output("export " + month, shell=True)
        # ok: py.cmdi.subprocess-shell
        subprocess.check_output(["export", month])
        return HttpResponse("ok")


async def aio_file(request):
    name = request.match_info["name"]
    # ruleid: py.path-traversal.open
    return web.Response(body=open(os.path.join(ROOT, name), "rb").read())


async def aio_query(request):
    # ruleid: py.cmdi.subprocess-shell
    os.system("grep " + request.query["q"] + " /var/log/app.log")
    return web.Response(text="ok")


aio = web.Application()
aio.router.add_get("/files/{name}", aio_file)
aio.router.add_get("/grep", aio_query)


@api.post("/body")
def fastapi_body(cmd: str = Body(...), path: str = Form(...), agent: str = Header(None)):
    # ruleid: py.cmdi.subprocess-shell
    os.system(cmd)
    # ruleid: py.path-traversal.open
    open(path).read()
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("log " + agent, shell=True)
    return {}


def lambda_handler(event, context):
    q = event["queryStringParameters"]["q"]
    # ruleid: py.cmdi.subprocess-shell
    os.system("grep " + q + " /var/log/app.log")
    # ok: py.cmdi.subprocess-shell
    os.system("grep error /var/log/app.log")
    return {"statusCode": 200}
