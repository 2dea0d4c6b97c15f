# Robyn: `html(text)` answers with text/html; a Response's headers may be a plain dict.
import html as html_lib

from robyn import Request, Response, Robyn, html

app = Robyn(__file__)


@app.get("/hello")
async def hello(request: Request):
    name = request.query_params.get("name", "friend")
    # ruleid: py.xss.html-response
    return html(f"<h1>Hello, {name}!</h1>")


@app.get("/hello/escaped")
async def hello_escaped(request: Request):
    name = html_lib.escape(request.query_params.get("name", "friend"))
    # ok: py.xss.html-response
    return html(f"<h1>Hello, {name}!</h1>")


@app.get("/login/done")
async def login_done(request: Request):
    target = request.query_params.get("next", "/")
    # ruleid: py.open-redirect.redirect
    return Response(status_code=302, headers={"Location": target}, description="")


@app.get("/login/home")
async def login_home(request: Request):
    # ok: py.open-redirect.redirect
    return Response(status_code=302, headers={"Location": "/home"}, description=request.query_params.get("next", ""))
