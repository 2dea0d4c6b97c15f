# Django REST framework function views (@api_view): the first parameter is the request whatever it is called.
import os
import subprocess

from django.db import connection
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response


@api_view(["POST"])
def resize(req):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.call("mogrify -resize %sx /srv/img.png" % req.data["width"], shell=True)
    return Response({})


@api_view(["GET"])
@permission_classes([IsAuthenticated])
def search(r):
    with connection.cursor() as cur:
        # ruleid: py.sqli.string-query
        cur.execute("SELECT * FROM items WHERE name = '%s'" % r.query_params.get("q"))
        return Response(cur.fetchall())


@api_view()
def download(rq, name):
    # ruleid: py.path-traversal.open
    with open(os.path.join("/srv/files", name)) as f:
        return Response(f.read())


# ---- not findings ----


@api_view(["GET"])
def fixed(req):
    # ok: py.cmdi.subprocess-shell
    subprocess.call(["mogrify", "-resize", "100x", "/srv/img.png"])
    with connection.cursor() as cur:
        # ok: py.sqli.string-query
        cur.execute("SELECT * FROM items WHERE name = %s", [req.query_params.get("q")])
        return Response(cur.fetchall())


def not_a_view(req):
    # A plain function in the same file: its parameter is not a request (library input, if anything).
    # ok: py.cmdi.subprocess-shell
    subprocess.call("mogrify -resize %sx /srv/img.png" % req.width, shell=True)
