# One field of a query string, form or path is text: an equality on it cannot become an operator. A JSON body or a
# whole query string as a dict can.
import falcon
from flask import Flask, request
from pymongo import MongoClient
from starlette.requests import Request

app = Flask(__name__)
db = MongoClient().shop
tickets = MongoClient()["helpdesk"]["tickets"]


@app.route("/users")
def users():
    # ok: py.nosqli.query-object
    u1 = db.users.find_one({"name": request.args["n"]})
    # ok: py.nosqli.query-object
    u2 = db.users.find_one({"name": request.args.get("n")})
    # ok: py.nosqli.query-object
    u3 = db.users.find_one({"name": request.form["n"]})
    # ruleid: py.nosqli.query-object
    u4 = db.users.find_one({"name": request.get_json()["n"]})
    # A whole query string: `?$where=sleep(5000)` is an operator at the top level.
    # ruleid: py.nosqli.query-object
    u5 = db.users.find_one(request.args.to_dict())
    return str([u1, u2, u3, u4, u5])


async def show(request: Request):
    # ok: py.nosqli.query-object
    doc = await db.notes.find_one({"_id": request.path_params["note_id"]})
    return doc


class FalconTickets:
    def on_get(self, req, resp):
        status = req.get_param("status", default="open")
        # A query parameter is a string in Falcon too.
        # ok: py.nosqli.query-object
        resp.media = [t["subject"] for t in tickets.find({"status": status}).limit(50)]

    def on_post(self, req, resp):
        # ruleid: py.nosqli.query-object
        resp.media = [t["subject"] for t in tickets.find(req.get_media()).limit(50)]
