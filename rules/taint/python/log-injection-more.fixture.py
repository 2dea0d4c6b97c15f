# Log injection: request values written to the standard logging module (https://docs.python.org/3/library/logging.html),
# loguru and Tornado's loggers, from Flask, Django, DRF, FastAPI, Starlette, aiohttp, Tornado and Pyramid handlers.
# A "\n" in the value starts a forged log line.
import json
import logging
import re

import tornado.web
from aiohttp import web
from django.http import HttpResponse
from fastapi import FastAPI, Request
from flask import Flask, current_app, request
from loguru import logger as loguru_logger
from pyramid.view import view_config
from rest_framework.views import APIView
from tornado.log import app_log

app = Flask(__name__)
api = FastAPI()
routes = web.RouteTableDef()
logger = logging.getLogger(__name__)
audit_logger = logging.getLogger("audit")
LEVELS = {"info": logging.INFO, "warn": logging.WARNING}


@app.post("/password/reset")
def flask_reset():
    email = request.form.get("email", "")
    # ruleid: py.log-injection.logging
    current_app.logger.warning("password reset requested for %s", email)
    return "ok"


@app.get("/search")
def flask_search():
    # ruleid: py.log-injection.logging
    audit_logger.info("search: " + request.args["q"])
    return "ok"


@app.post("/upload")
def flask_upload():
    f = request.files["doc"]
    # ruleid: py.log-injection.logging
    logging.info("upload %s", f.filename)
    return "ok"


@app.post("/api/event")
def flask_event():
    level = LEVELS.get(request.args.get("level", "info"), logging.INFO)
    # logging.log takes the level first, then the message.
    # ruleid: py.log-injection.logging
    logger.log(level, "event from client: %s" % request.get_json()["name"])
    return "ok"


@app.post("/api/order")
def flask_order():
    body = request.get_json()
    # Later arguments are formatted in too.
    # ruleid: py.log-injection.logging
    logger.info("order %d placed by %s", 42, body["customer"])
    # ruleid: py.log-injection.logging
    logger.info("order %s: %s (%d items)", body.get("id"), body["note"], 3)
    return "ok"


def django_login(request):
    agent = request.META.get("HTTP_USER_AGENT", "")
    # ruleid: py.log-injection.logging
    logger.error("login failed; user agent: {}".format(agent))
    return HttpResponse("no", status=401)


class CommentView(APIView):
    def post(self, request):
        self.log = logging.getLogger("comments")
        # ruleid: py.log-injection.logging
        self.log.info(f"comment by {request.data['author']}")
        return HttpResponse("ok")


@api.get("/items")
async def fastapi_items(q: str = ""):
    # ruleid: py.log-injection.logging
    loguru_logger.info("item search " + q)
    return []


@api.post("/hooks")
async def starlette_hook(request: Request):
    source = request.headers.get("x-hook-source")
    # ruleid: py.log-injection.logging
    logger.warning(f"hook from {source}")
    return {}


@routes.get("/files/{name}")
async def aiohttp_file(request):
    # ruleid: py.log-injection.logging
    logger.info("file requested: %s" % request.match_info["name"])
    return web.Response(text="ok")


class PingHandler(tornado.web.RequestHandler):
    def get(self):
        # Tornado's own application logger.
        # ruleid: py.log-injection.logging
        app_log.info("ping from " + self.get_argument("client"))


@view_config(route_name="feedback", renderer="json")
def pyramid_feedback(request):
    # ruleid: py.log-injection.logging
    logger.critical("feedback: %s", request.params["text"])
    return {}


# ---- negatives ----
@app.post("/n/reset")
def n_reset():
    email = request.form.get("email", "")
    # %r escapes line breaks.
    # ok: py.log-injection.logging
    current_app.logger.warning("password reset requested for %r", email)
    # json.dumps escapes them too.
    # ok: py.log-injection.logging
    logger.info("reset for " + json.dumps(email))
    return "ok"


@app.get("/n/search")
def n_search():
    q = request.args["q"]
    # ok: py.log-injection.logging
    audit_logger.info("search: " + re.sub(r"[\r\n]+", " ", q))
    return "ok"


@app.post("/n/order")
def n_order():
    body = request.get_json()
    # The request value goes through %r; the %s argument is a constant.
    # ok: py.log-injection.logging
    logger.info("order %s note %r", "web", body["note"], exc_info=False)
    # str.format's !r conversion is repr too, by position or by name.
    # ok: py.log-injection.logging
    logger.info("order {} note {!r}".format("web", body["note"]))
    # ok: py.log-injection.logging
    logger.info("order note {note!r}".format(note=body["note"]))
    # ruleid: py.log-injection.logging
    logger.info("order {!r} note {}".format("web", body["note"]))
    # ruleid: py.log-injection.logging
    logger.info("order {0} note {1}".format("web", body["note"]))
    return "ok"


@app.get("/n/page")
def n_page():
    # ok: py.log-injection.logging
    logger.info("page %s", int(request.args.get("page", "1")))
    return "ok"


@app.get("/n/level")
def n_level():
    level = LEVELS.get(request.args.get("level", "info"), logging.INFO)
    # The request only picks a level from a fixed table; the message is constant.
    # ok: py.log-injection.logging
    logger.log(level, "health check")
    return "ok"


def n_django(request):
    # ok: py.log-injection.logging
    logger.info("login ok for user id %d", request.user.pk)
    return HttpResponse("ok")


@api.get("/n/items/{item_id}")
async def n_fastapi(item_id: int):
    # ok: py.log-injection.logging
    loguru_logger.info("item " + str(item_id))
    return {}


@routes.get("/n/files/{name}")
async def n_aiohttp(request):
    name = request.match_info["name"]
    # ok: py.log-injection.logging
    logger.info("file requested: %s", name.replace("\r", "\\r").replace("\n", "\\n"))
    return web.Response(text="ok")


class NPingHandler(tornado.web.RequestHandler):
    def get(self):
        client = self.get_argument("client")
        if client.isalnum():
            # ok: py.log-injection.logging
            app_log.info("ping from " + client)


@view_config(route_name="n_feedback", renderer="json")
def n_pyramid(request):
    # The value is written to the database, not the log; the log line is constant.
    store_feedback(request.params["text"])
    # ok: py.log-injection.logging
    logger.info("feedback stored")
    return {}


@app.get("/n/catalog")
def n_catalog():
    # A catalog's search() is not a logger.
    # ok: py.log-injection.logging
    catalog.info(request.args["q"])
    return "ok"
