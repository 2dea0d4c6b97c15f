# A redirect target reset to the home page unless it is a path on this site.
import urllib.parse

from aiohttp import web

routes = web.RouteTableDef()


@routes.get("/login/continue")
async def login_continue(request):
    back = request.query.get("back", "/")
    if not back.startswith("/") or back.startswith("//") or "\\" in back:
        back = "/"
    # ok: py.open-redirect.redirect
    raise web.HTTPFound(location=back)


@routes.get("/login/back")
async def login_back(request):
    back = request.query.get("back", "/")
    # Without the backslash test, /\evil.example is another site.
    if not back.startswith("/") or back.startswith("//"):
        back = "/"
    # ruleid: py.open-redirect.redirect
    raise web.HTTPFound(location=back)


@routes.get("/logout/continue")
async def logout_continue(request):
    back = request.query.get("back", "/")
    # Only the scheme-relative form is refused: https://evil.example still passes.
    if back.startswith("//"):
        back = "/"
    # ruleid: py.open-redirect.redirect
    raise web.HTTPFound(location=back)


@routes.get("/login/done")
async def login_done(request):
    came_from = request.query.get("came_from", "")
    parts = urllib.parse.urlsplit(came_from)
    # Both refused prefixes in one tuple, then more refusals in the same condition.
    if not came_from.startswith("/") or came_from.startswith(("//", "/\\")) or parts.scheme or parts.netloc:
        came_from = "/"
    # ok: py.open-redirect.redirect
    raise web.HTTPFound(location=came_from)


@routes.get("/login/tuple")
async def login_tuple(request):
    nxt = request.query.get("next", "")
    if nxt.startswith("/") and not nxt.startswith(("//", "/\\")):
        # ok: py.open-redirect.redirect
        raise web.HTTPFound(location=nxt)
    # A tuple without the backslash: /\evil.example passes.
    if nxt.startswith("/") and not nxt.startswith(("//", "/x")):
        # ruleid: py.open-redirect.redirect
        raise web.HTTPFound(location=nxt)
    raise web.HTTPFound(location="/")
