# Shapes of real advisories (docs/accuracy.md, "Taint recall on real advisories"), written for
# this file: handlers defined as framework classes or routes added with add_get, not with a decorator.
from pathlib import Path

import tornado.web
from aiohttp import web

ROOT = Path("/srv/static")


class FolderHandler(tornado.web.RequestHandler):
    def get(self, path):
        if not path.endswith("/"):
            # A request path starting with "//" makes this a scheme-relative URL to another host.
            # ruleid: py.open-redirect.redirect
            self.redirect(self.request.path + "/", permanent=True)


async def send_file(request):
    name = request.match_info["filename"]
    # joinpath + resolve follows ".." out of ROOT; nothing checks the result is still under it.
    target = ROOT.joinpath(name).resolve()
    # ruleid: py.path-traversal.open
    with open(target, "rb") as f:
        return web.Response(body=f.read())


async def send_checked(request):
    target = ROOT.joinpath(request.match_info["filename"]).resolve()
    if not target.is_relative_to(ROOT):
        raise web.HTTPForbidden()
    # ok: py.path-traversal.open
    with open(target, "rb") as f:
        return web.Response(body=f.read())


@web.middleware
async def strip_slashes(request, handler):
    if request.raw_path.startswith("//"):
        # ruleid: py.open-redirect.redirect
        raise web.HTTPPermanentRedirect(request.raw_path.lstrip("/"))
    return await handler(request)


app = web.Application(middlewares=[strip_slashes])
app.router.add_get("/static/{filename:.*}", send_file)
