# A value one method of a class stores in `self.x` and another method reads (per-class field summary), from the
# frameworks' documentation: Django class-based views' `setup()`/`dispatch()`, DRF's `initial()`, Tornado's
# `prepare()`, a Flask `MethodView`'s `dispatch_request()`.
import os
import subprocess

import tornado.web
from django.db import connection
from django.http import HttpResponse
from django.views import View
from flask import request
from flask.views import MethodView
from rest_framework.views import APIView


class ReportView(View):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.fmt = request.GET.get("format", "pdf")
        self.title = "report"

    def get(self, request):
        # ruleid: py.cmdi.subprocess-shell
        os.system("pandoc -t " + self.fmt + " report.md")
        # ok: py.cmdi.subprocess-shell
        os.system("pandoc -t " + self.title + " report.md")
        return HttpResponse("ok")


class SearchView(View):
    def dispatch(self, request, *args, **kwargs):
        self.term = request.GET["q"]
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        return HttpResponse(self.rows())

    def rows(self):
        with connection.cursor() as cur:
            # ruleid: py.sqli.string-query
            cur.execute("SELECT * FROM post WHERE title = '" + self.term + "'")
            return cur.fetchall()


class ExportApi(APIView):
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.target = request.query_params.get("dir")
        # A clean overwrite on every path: the field holds a constant when `initial` returns.
        self.mode = request.query_params.get("mode")
        self.mode = "fast"

    def post(self, request):
        # ruleid: py.path-traversal.open
        with open(os.path.join("/srv/export", self.target), "w") as f:
            f.write("done")
        # ok: py.cmdi.subprocess-shell
        subprocess.run("export --mode " + self.mode, shell=True)
        return HttpResponse("ok")


class ConstantOnly(View):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.binary = "/usr/bin/convert"

    def get(self, request):
        # ok: py.cmdi.subprocess-shell
        os.system(self.binary + " in.png out.pdf")
        return HttpResponse("ok")


class ProfileHandler(tornado.web.RequestHandler):
    def prepare(self):
        self.user = self.get_argument("user")

    def get(self):
        # ruleid: py.code-injection.eval
        eval("lookup('" + self.user + "')")


class DownloadView(MethodView):
    def dispatch_request(self, **kwargs):
        self.name = request.args["name"]
        return super().dispatch_request(**kwargs)

    def get(self):
        # ruleid: py.path-traversal.open
        return open("/srv/files/" + self.name).read()


class Unrelated:
    def __init__(self):
        self.fmt = "pdf"

    def run(self):
        # ok: py.cmdi.subprocess-shell
        os.system("pandoc -t " + self.fmt + " report.md")


# Dispatch to overrides: a base class's method calls `self.run(...)`, which the base and a subclass define;
# the call reaches both (the caller's class and its subclasses in the file), the trace names the override.
class Task:
    def start(self, request):
        self.run(request.GET["cmd"])

    def run(self, value):
        return value


class ShellTask(Task):
    def run(self, value):
        # ruleid: py.cmdi.subprocess-shell
        subprocess.call("sh -c " + value, shell=True)


class Unrelated2:
    def run(self, value):
        # ok: py.cmdi.subprocess-shell
        # ruleid: py.cmdi.library-input-shell
        subprocess.call("sh -c " + value, shell=True)
