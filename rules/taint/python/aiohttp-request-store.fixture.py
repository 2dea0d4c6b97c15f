# aiohttp's request is a mutable mapping for the length of one request
# (https://docs.aiohttp.org/en/stable/web_reference.html#aiohttp.web.BaseRequest): what a middleware stores in it from
# the request is input where a handler reads it.
import asyncio

from aiohttp import web

routes = web.RouteTableDef()


@web.middleware
async def probe_options(request, handler):
    request["codec"] = request.query.get("codec", "")
    request["limit"] = 10
    return await handler(request)


@routes.get("/probe")
async def probe(request):
    # ruleid: py.cmdi.subprocess-shell
    await asyncio.create_subprocess_shell("ffprobe -codec " + request["codec"])
    # An item of the request is read as the request itself, whoever stored it.
    # todook: py.cmdi.subprocess-shell
    await asyncio.create_subprocess_shell("ffprobe -limit " + str(request["limit"]))
    return web.Response(text="ok")


app = web.Application(middlewares=[probe_options])
app.add_routes(routes)
