# Emmett: request.query_params / body_params, redirect(), pyDAL's executesql, and routes that answer HTML.
import html
import os

from emmett import App, redirect, request, response
from emmett.orm import Database

app = App(__name__)
db = Database(app)
UPLOADS = os.path.realpath("uploads")
ALLOWED_NEXT = {"/forum", "/account"}


@app.route("/search", output="json")
async def search():
    term = request.query_params.q or ""
    # ruleid: py.sqli.string-query
    rows = db.executesql(f"SELECT id FROM threads WHERE title LIKE '%{term}%'", as_dict=True)
    # ok: py.sqli.string-query
    same = db.executesql("SELECT id FROM threads WHERE title = ?", placeholders=[term], as_dict=True)
    return {"threads": rows, "same": same}


@app.route("/preview", methods=["post"], output="str")
async def preview():
    params = await request.body_params
    response.headers["content-type"] = "text/html; charset=utf-8"
    # ruleid: py.xss.html-response
    return f"<h3>{params.title}</h3>"


@app.route("/preview/safe", methods=["post"], output="str")
async def preview_safe():
    params = await request.body_params
    response.headers["content-type"] = "text/html; charset=utf-8"
    # ok: py.xss.html-response
    return f"<h3>{html.escape(params.title)}</h3>"


@app.route("/echo", output="str")
async def echo():
    # ok: py.xss.html-response
    return f"echo {request.query_params.text}"


@app.route("/leave")
async def leave():
    # ruleid: py.open-redirect.redirect
    redirect(request.query_params.next)


@app.route("/login/done")
async def login_done():
    nxt = request.query_params.next
    # ok: py.open-redirect.redirect
    redirect(nxt if nxt in ALLOWED_NEXT else "/forum")


@app.route("/attachment", output="bytes")
async def attachment():
    name = request.query_params.name
    # ruleid: py.path-traversal.open
    with open(os.path.join(UPLOADS, name), "rb") as fh:
        return fh.read()
