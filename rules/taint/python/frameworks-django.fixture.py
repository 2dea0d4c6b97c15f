# Django function views, class-based views and Django REST framework views, from their documentation
# (https://docs.djangoproject.com/en/stable/topics/http/views/, https://www.django-rest-framework.org/api-guide/views/).
# The request is recognised by its place, not its name.
import os
import subprocess

from django.db import connection
from django.http import HttpResponse
from django.views import View
from rest_framework.response import Response
from rest_framework.views import APIView


def search(req):
    q = req.GET.get("q", "")
    with connection.cursor() as cur:
        # ruleid: py.sqli.string-query
        cur.execute("SELECT * FROM blog_post WHERE title LIKE '%" + q + "%'")
        # ok: py.sqli.string-query
        cur.execute("SELECT * FROM blog_post WHERE title LIKE %s", ["%" + q + "%"])
    return HttpResponse("done")


def export(r, fmt):
    # ruleid: py.cmdi.subprocess-shell
    os.system("pandoc -t " + r.POST["format"] + " in.md")
    # ok: py.cmdi.subprocess-shell
    subprocess.run(["pandoc", "-t", r.POST["format"], "in.md"])
    return HttpResponse("ok")


def serve_document(doc):
    # A public helper whose parameter is a model instance with a path field.
    # ok: py.path-traversal.open
    return open(doc.path).read()


def helper_reads_file(f):
    # Not a view's request: a public helper in a Django module whose parameter is a file.
    data = f.read()
    # ok: py.cmdi.subprocess-shell
    os.system("echo " + str(len(data)))


class ReportView(View):
    def get(self, request, *args, **kwargs):
        # ruleid: py.cmdi.subprocess-shell
        os.system("make-report " + self.request.GET["name"])
        # ruleid: py.cmdi.subprocess-shell
        os.popen("cat reports/" + request.GET["file"])
        # ok: py.cmdi.subprocess-shell
        os.system("make-report daily")
        return HttpResponse("ok")

    def post(self, http_request):
        with connection.cursor() as cur:
            # ruleid: py.sqli.string-query
            cur.execute("DELETE FROM reports WHERE id = " + http_request.POST["id"])
            # ok: py.sqli.string-query
            cur.execute("DELETE FROM reports WHERE id = %s", [http_request.POST["id"]])
        return HttpResponse("ok")


class UserDetail(APIView):
    def get(self, rq, pk):
        with connection.cursor() as cur:
            # ruleid: py.sqli.string-query
            cur.execute(f"SELECT * FROM auth_user WHERE username = '{rq.query_params['u']}'")
            # ok: py.sqli.string-query
            cur.execute("SELECT * FROM auth_user WHERE id = %s", [int(rq.query_params["id"])])
        return Response({})

    def put(self, request, pk):
        # ruleid: py.cmdi.subprocess-shell
        subprocess.call("useradd " + request.data["login"], shell=True)
        # ok: py.cmdi.subprocess-shell
        subprocess.call(["useradd", request.data["login"]])
        return Response({})
