# aiohttp responses: a file answered by its path, and a body answered as HTML only when its content type says so.
import os

from aiohttp import web

routes = web.RouteTableDef()
ROOT = "/srv/cache"


@routes.get("/cache")
async def cached(request: web.Request) -> web.StreamResponse:
    name = request.query.get("file", "")
    # ruleid: py.path-traversal.open
    return web.FileResponse(os.path.join(ROOT, name))


@routes.get("/cache-ok")
async def cached_ok(request: web.Request) -> web.StreamResponse:
    name = os.path.basename(request.query.get("file", ""))
    # ok: py.path-traversal.open
    return web.FileResponse(os.path.join(ROOT, name))


@routes.get("/search")
async def search(request: web.Request) -> web.Response:
    q = request.query.get("q", "")
    # ruleid: py.xss.html-response
    return web.Response(text=f"<h3>Results for {q}</h3>", content_type="text/html")


@routes.get("/search2")
async def search2(request: web.Request) -> web.Response:
    q = request.query.get("q", "")
    # ruleid: py.xss.html-response
    return web.Response(status=200, content_type="text/html", text="<p>" + q + "</p>")


@routes.get("/echo")
async def echo(request: web.Request) -> web.Response:
    q = request.query.get("q", "")
    # ok: py.xss.html-response
    return web.Response(text=f"You said {q}")


@routes.get("/echo-plain")
async def echo_plain(request: web.Request) -> web.Response:
    q = request.query.get("q", "")
    # ok: py.xss.html-response
    return web.Response(text=q, content_type="text/plain")
