# A redirect target reset to the home page unless it is a path on this site.
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
