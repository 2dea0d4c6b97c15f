# A collection kept under any name at module level, in a file that imports the driver: a request's JSON values
# may be operator dicts ({"$ne": null}) whatever the collection is called.
import json

from flask import Flask, request
from motor.motor_asyncio import AsyncIOMotorClient
from pymongo import MongoClient

app = Flask(__name__)
_client = MongoClient("mongodb://localhost")
events = _client["audit"]["events"]
sessions = _client.app.sessions
orders = AsyncIOMotorClient()["shop"]["orders"]


@app.post("/events/search")
def search_events():
    criteria = request.get_json().get("filter", {})
    # ruleid: py.nosqli.query-object
    return {"events": list(events.find(criteria, {"_id": 0}).limit(100))}


def session_handler(event, context):
    body = json.loads(event.get("body") or "{}")
    # ruleid: py.nosqli.query-object
    doc = sessions.find_one({"user": body.get("user"), "token": body.get("token")})
    return {"statusCode": 200 if doc else 401}


@app.post("/orders/cancel")
async def cancel_order():
    data = request.get_json()
    # ruleid: py.nosqli.query-object
    await orders.update_one({"number": data["number"], "owner": data["owner"]}, {"$set": {"state": "cancelled"}})
    return {"ok": True}


@app.post("/sessions/purge")
def purge():
    # ruleid: py.nosqli.query-object
    return {"n": sessions.delete_many(request.json).deleted_count}


# ---- negatives ----
@app.post("/n/events/search")
def n_search_events():
    actor = str(request.get_json().get("actor", ""))
    # ok: py.nosqli.query-object
    return {"events": list(events.find({"actor": actor}, {"_id": 0}))}


@app.get("/n/title")
def n_title_position():
    title = request.args.get("title", "")
    # str.find: a position in a string, no query.
    # ok: py.nosqli.query-object
    return {"at": title.find(request.args.get("word", ""))}


def n_session_handler(event, context):
    body = json.loads(event.get("body") or "{}")
    # ok: py.nosqli.query-object
    doc = sessions.find_one({"user": str(body.get("user")), "token": str(body.get("token"))})
    return {"statusCode": 200 if doc else 401}


@app.post("/events/plain-find")
def plain_find_subscripted():
    # find() without a projection, on a collection taken by subscript at module level (`_client["audit"]["events"]`).
    # ruleid: py.nosqli.query-object
    return {"events": list(events.find(request.get_json()["filter"]).limit(100))}


@app.post("/events/plain-find-text")
def plain_find_text():
    # ok: py.nosqli.query-object
    return {"events": list(events.find({"kind": request.form["kind"]}).limit(100))}


def api_keys():
    return _client["auth"]["api_keys"]


def key_handler(event, context):
    body = json.loads(event.get("body") or "{}")
    # A collection returned by an accessor function.
    # ruleid: py.nosqli.query-object
    doc = api_keys().find_one({"key": body.get("api_key"), "revoked": False})
    # ok: py.nosqli.query-object
    other = api_keys().find_one({"key": str(body.get("api_key"))})
    return {"statusCode": 200 if doc and other else 401}
