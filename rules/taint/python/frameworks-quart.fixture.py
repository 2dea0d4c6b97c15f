# Quart (https://quart.palletsprojects.com/): Flask's API on asyncio, with the same request, responses and helpers,
# awaited where they read the body or a file.
import os

from markupsafe import escape
from quart import Blueprint, render_template_string, request, send_file, send_from_directory, session

bp = Blueprint("notes", __name__)
EXPORTS = "/srv/exports"


@bp.get("/exports")
async def export_file():
    # ruleid: py.path-traversal.open
    return await send_file(os.path.join(EXPORTS, request.args["file"]), as_attachment=True)


@bp.get("/exports/safe")
async def export_safe():
    # ok: py.path-traversal.open
    return await send_from_directory(EXPORTS, request.args["file"])


@bp.get("/hello")
async def hello():
    name = request.args.get("name", "")
    if request.args.get("plain"):
        # ok: py.xss.html-response
        return "<p>Hello " + str(escape(name)) + "</p>"
    # ruleid: py.xss.html-response
    return "<p>Hello " + name + "</p>"


@bp.post("/preview")
async def preview():
    form = await request.form
    # ruleid: py.ssti.template-string
    return await render_template_string("<header>" + form.get("header", "") + "</header>")


@bp.post("/prefs")
async def prefs():
    data = await request.get_json()
    # ruleid: py.trust-boundary.session-from-request
    session["theme"] = data["theme"]
    # ok: py.trust-boundary.session-from-request
    session["seen"] = True
    return "", 204


@bp.post("/run")
async def run():
    body = await request.get_data(as_text=True)
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + body)
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + request.headers.get("X-Trace", ""))
    return "", 204
