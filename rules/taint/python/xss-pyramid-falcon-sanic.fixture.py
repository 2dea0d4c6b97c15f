# Pyramid/WebOb Response, Sanic's html() and a Falcon responder's resp.text answer HTML when their content type
# says so: input formatted into them is markup in the page.
import html
import os
import shelve

import falcon
from pyramid.response import Response
from pyramid.view import view_config
from sanic import Sanic
from sanic.response import html as html_response

app = Sanic("shop")
SESSION_DIR = "/var/lib/shop/sessions"


@view_config(route_name="shelf_label")
def shelf_label(request):
    label = request.matchdict["label"]
    # ruleid: py.xss.html-response
    return Response("<div class='shelf'>{}</div>".format(label), content_type="text/html")


@view_config(route_name="shelf_plain")
def shelf_plain(request):
    # ok: py.xss.html-response
    return Response("label: {}".format(request.matchdict["label"]), content_type="text/plain")


@app.get("/panel")
async def panel(request):
    title = request.args.get("title", "Panel")
    # ruleid: py.xss.html-response
    return html_response(f"<section><h2>{title}</h2></section>")


@app.get("/panel-safe")
async def panel_safe(request):
    # ok: py.xss.html-response
    return html_response(f"<section><h2>{html.escape(request.args.get('title', ''))}</h2></section>")


@app.get("/state")
async def state(request):
    sid = request.cookies.get("sid", "anonymous")
    # ruleid: py.path-traversal.open
    with shelve.open(os.path.join(SESSION_DIR, sid)) as db:
        return dict(db)


class TicketPage:
    def on_get(self, req, resp, ticket_id):
        note = req.get_param("note", default="")
        resp.content_type = falcon.MEDIA_HTML
        # ruleid: py.xss.html-response
        resp.text = "<h1>Ticket %s</h1><p>%s</p>" % (html.escape(ticket_id), note)


class TicketJson:
    def on_get(self, req, resp, ticket_id):
        resp.content_type = falcon.MEDIA_TEXT
        # ok: py.xss.html-response
        resp.text = "ticket %s: %s" % (ticket_id, req.get_param("note", default=""))
