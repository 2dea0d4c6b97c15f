# FastAPI: endpoints return JSON unless they answer HTML (response_class=HTMLResponse or an HTMLResponse).
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, PlainTextResponse

app = FastAPI()


@app.get("/page", response_class=HTMLResponse)
def page(q: str):
    # ruleid: py.xss.html-response
    return f"<h1>{q}</h1>"


@app.get("/card", response_class=HTMLResponse)
async def card(request: Request):
    title = request.query_params.get("title", "")
    # ruleid: py.xss.html-response
    return "<div>" + title + "</div>"


@app.get("/direct")
def direct(q: str):
    # ruleid: py.xss.html-response
    return HTMLResponse("<p>" + q + "</p>")


@app.get("/named")
def named(q: str):
    # ruleid: py.xss.html-response
    return HTMLResponse(content=f"<p>{q}</p>", status_code=200)


# ---- negatives: JSON answers, plain text, converted parameters ----
@app.get("/json")
def as_json(q: str):
    # A string from a JSON endpoint is a JSON string.
    # ok: py.xss.html-response
    return "<p>" + q + "</p>"


@app.get("/dict")
def as_dict(q: str):
    # ok: py.xss.html-response
    return {"q": q}


@app.get("/text", response_class=PlainTextResponse)
def as_text(q: str):
    # ok: py.xss.html-response
    return "echo " + q


@app.get("/num", response_class=HTMLResponse)
def num(n: int):
    # ok: py.xss.html-response
    return f"<p>{n}</p>"
