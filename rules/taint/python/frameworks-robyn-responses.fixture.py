# Robyn responses: a Response's headers decide what it is (HTML with a Content-Type saying so, a redirect with a
# Location), and a Headers object's set names the download.
import html
import re

from robyn import Headers, Request, Response, Robyn

app = Robyn(__file__)
HTML = {"Content-Type": "text/html; charset=utf-8"}


@app.get("/out")
async def outbound(request: Request):
    dest = request.query_params.get("url", "/")
    # ruleid: py.open-redirect.redirect
    return Response(status_code=302, headers=Headers({"Location": dest}), description="")


@app.get("/home")
async def home(request: Request):
    # ok: py.open-redirect.redirect
    return Response(status_code=302, headers=Headers({"Location": "/"}), description="")


@app.get("/preview")
async def preview(request: Request):
    url = request.query_params.get("url", "")
    # ruleid: py.xss.html-response
    return Response(status_code=200, headers=Headers(HTML), description=f"<p>Destination: <a href='{url}'>{url}</a></p>")


@app.get("/preview/escaped")
async def preview_escaped(request: Request):
    url = request.query_params.get("url", "")
    # ok: py.xss.html-response
    return Response(status_code=200, headers=Headers(HTML), description=f"<p>Destination: {html.escape(url)}</p>")


@app.get("/preview/json")
async def preview_json(request: Request):
    # ok: py.xss.html-response
    return Response(status_code=200, headers=Headers({"Content-Type": "application/json"}), description=request.query_params.get("url", ""))


@app.get("/export")
async def export(request: Request):
    name = request.query_params.get("name", "links")
    headers = Headers({"Content-Type": "application/json"})
    # ruleid: py.header-injection.content-disposition
    headers.set("Content-Disposition", f'attachment; filename="{name}.json"')
    safe = re.sub(r"[^A-Za-z0-9_.-]", "", name) or "links"
    # ok: py.header-injection.content-disposition
    headers.set("Content-Disposition", f'attachment; filename="{safe}.json"')
    return Response(status_code=200, headers=headers, description="[]")
