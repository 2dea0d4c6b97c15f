# Responder: `resp.html = ...` is the page; `api.redirect(resp, location=...)` sends the visitor elsewhere.
import html

import responder

api = responder.API()


@api.route("/books/{book_id}/preview")
def preview(req, resp, *, book_id):
    title = req.params.get("title", "")
    # ruleid: py.xss.html-response
    resp.html = f"<h1>{title}</h1>"


@api.route("/books/{book_id}/card")
def card(req, resp, *, book_id):
    title = req.params.get("title", "")
    # ok: py.xss.html-response
    resp.html = f"<div><h2>{html.escape(title)}</h2></div>"


@api.route("/out")
def outbound(req, resp):
    # ruleid: py.open-redirect.redirect
    api.redirect(resp, location=req.params.get("url", "/"), status_code=302)


@api.route("/home")
def home(req, resp):
    # ok: py.open-redirect.redirect
    api.redirect(resp, location="/", status_code=302)
