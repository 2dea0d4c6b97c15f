# A value checked to be a string or a number cannot be an operator object ({"$ne": ""}): the query compares it as it
# is. A check for some other type, a check whose failure does not leave, or one on another value cleans nothing.
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
