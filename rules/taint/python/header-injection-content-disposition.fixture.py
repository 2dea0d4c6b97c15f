# Content-Disposition written by hand from request input (Flask, Django, FastAPI, Tornado), and encoded forms.
import re
from urllib.parse import quote

import tornado.web
from django.http import HttpResponse
from django.utils.text import slugify
from fastapi import FastAPI, Query
from fastapi.responses import Response
from flask import Flask, make_response, request, send_file
from werkzeug.utils import secure_filename

app = Flask(__name__)
api = FastAPI()
FORMATS = {"csv", "json"}


@app.route("/notes/<int:note_id>/download")
def download(note_id):
    name = request.args.get("name") or f"note-{note_id}"
    resp = make_response("body")
    # ruleid: py.header-injection.content-disposition
    resp.headers["Content-Disposition"] = f"attachment; filename={name}.md"
    # ruleid: py.header-injection.content-disposition
    resp.headers.set("Content-Disposition", "inline; filename=" + request.args.get("as", "file.txt"))
    # ok: py.header-injection.content-disposition
    resp.headers.add("Content-Disposition", "attachment", filename=name)
    # ok: py.header-injection.content-disposition
    resp.headers["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(name)}"
    # ok: py.header-injection.content-disposition
    resp.headers["Content-Disposition"] = f'attachment; filename="{secure_filename(name)}"'
    # ok: py.header-injection.content-disposition
    resp.headers["Content-Disposition"] = f'attachment; filename="note-{note_id}.md"'
    fmt = request.args.get("format", "csv")
    if fmt in FORMATS:
        # ok: py.header-injection.content-disposition
        resp.headers["Content-Disposition"] = f'attachment; filename="export.{fmt}"'
    # ok: py.header-injection.content-disposition
    resp.headers["X-Note-Name"] = "note"
    return resp


@app.route("/file")
def file():
    # ok: py.header-injection.content-disposition
    return send_file("/srv/report.pdf", as_attachment=True, download_name=request.args["name"])


def export_products(request):
    filename = request.GET.get("filename", "products")
    response = HttpResponse("a,b", content_type="text/csv")
    # ruleid: py.header-injection.content-disposition
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    label = slugify(request.GET.get("label", "category"))
    # ok: py.header-injection.content-disposition
    response["Content-Disposition"] = f'attachment; filename="{label}.csv"'
    return response


def export_inline(request):
    # ruleid: py.header-injection.content-disposition
    return HttpResponse("a,b", headers={"Content-Disposition": "attachment; filename=" + request.GET["as"]})


@api.get("/exports/{name}")
async def download_export(name: str, as_name: str | None = Query(None, alias="as")):
    response = Response(b"")
    # ruleid: py.header-injection.content-disposition
    response.headers["Content-Disposition"] = f'attachment; filename="{as_name or name}"'
    return response


@app.route("/file2")
def file2():
    name = request.args.get("name", "report")
    resp = make_response("body")
    # Quotes taken out of the quoted name.
    # ok: py.header-injection.content-disposition
    resp.headers["Content-Disposition"] = 'attachment; filename="%s"' % name.replace('"', "")
    safe = re.sub(r'["\\]', "_", name)
    # ok: py.header-injection.content-disposition
    resp.headers["Content-Disposition"] = f'attachment; filename="{safe}"'
    # ruleid: py.header-injection.content-disposition
    resp.headers["Content-Disposition"] = f'attachment; filename="{name.replace(" ", "_")}"'
    return resp


class ExportHandler(tornado.web.RequestHandler):
    def get(self, uid):
        # ruleid: py.header-injection.content-disposition
        self.set_header("Content-Disposition", "attachment; filename=%s.vcf" % uid)
        # ok: py.header-injection.content-disposition
        self.set_header("Content-Disposition", "attachment; filename=%d.vcf" % int(uid))
        self.finish("x")
