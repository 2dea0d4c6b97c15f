# Sanic's file responses read the file at the path they are given.
import os

from sanic import Blueprint, response
from sanic.exceptions import BadRequest

bp = Blueprint("files")
ROOT = "/srv/static"


@bp.get("/static")
async def static(request):
    name = request.args.get("f", "index.html")
    # ruleid: py.path-traversal.open
    return await response.file(os.path.join(ROOT, name))


@bp.get("/stream")
async def stream(request):
    # ruleid: py.path-traversal.open
    return await response.file_stream(ROOT + "/" + request.args.get("f"))


@bp.get("/checked")
async def checked(request):
    name = request.args.get("f", "index.html")
    full = os.path.realpath(os.path.join(ROOT, name))
    if not full.startswith(os.path.realpath(ROOT) + os.sep):
        raise BadRequest("bad path")
    # ok: py.path-traversal.open
    return await response.file(full)


@bp.get("/fixed")
async def fixed(request):
    # ok: py.path-traversal.open
    return await response.file(os.path.join(ROOT, "index.html"))


@bp.post("/<user_id:int>/bio")
async def update_bio(request, user_id):
    # The app's own URL for a route, and the app's context: the server's.
    # ok: py.open-redirect.redirect
    return response.redirect(request.app.url_for("files.static", f=user_id))


@bp.get("/root")
async def root(request):
    # ok: py.path-traversal.open
    return await response.file(request.app.ctx.static_root + "/index.html")


@bp.get("/go")
async def go(request):
    # ruleid: py.open-redirect.redirect
    return response.redirect(request.args.get("next"))
