# A value checked to be a string or a number cannot be an operator object ({"$ne": ""}): the query compares it as it
# is. A check for some other type, a check whose failure does not leave, or one on another value cleans nothing.
import re

from flask import Flask, abort, request
from pymongo import MongoClient

app = Flask(__name__)
events = MongoClient().analytics.events


@app.post("/events/count")
def count_by_type():
    kind = request.get_json().get("type")
    if not isinstance(kind, str):
        abort(400)
    # ok: py.nosqli.query-object
    return {"n": events.count_documents({"type": kind})}


@app.post("/events/since")
def count_since():
    body = request.get_json()
    since = body.get("since")
    if not isinstance(since, (int, float)):
        raise ValueError("since must be a number")
    # ok: py.nosqli.query-object
    return {"n": events.count_documents({"ts": {"$gte": since}})}


@app.post("/events/tagged")
def tagged():
    tag = request.get_json().get("tag")
    if isinstance(tag, str):
        # ok: py.nosqli.query-object
        return {"n": events.count_documents({"tag": tag})}
    return {"n": 0}


@app.post("/events/filter")
def by_filter():
    wanted = request.get_json().get("filter")
    if not isinstance(wanted, dict):
        abort(400)
    # ruleid: py.nosqli.query-object
    return {"n": events.count_documents(wanted)}


@app.post("/events/logged")
def logged():
    kind = request.get_json().get("type")
    if not isinstance(kind, str):
        app.logger.warning("not a string")
    # ruleid: py.nosqli.query-object
    return {"n": events.count_documents({"type": kind})}


@app.post("/events/other")
def checks_another():
    body = request.get_json()
    kind, user = body.get("type"), body.get("user")
    if not isinstance(kind, str):
        abort(400)
    # ruleid: py.nosqli.query-object
    return {"n": events.count_documents({"type": kind, "user": user})}


@app.post("/events/by-str-method")
def by_str_method():
    body = request.get_json()
    # What a str method returns is a str: no operator in it.
    # ok: py.nosqli.query-object
    a = events.count_documents({"type": body.get("type", "").strip().lower()})
    # ok: py.nosqli.query-object
    b = events.count_documents({"name": {"$regex": re.escape(body["name"]), "$options": "i"}})
    # A dict's methods return what it holds.
    # ruleid: py.nosqli.query-object
    c = events.count_documents({"type": body.get("filter").get("type")})
    return {"n": a + b + c}
