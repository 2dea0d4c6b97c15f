import os
from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient().shop


@app.route("/login", methods=["POST"])
def login():
    body = request.get_json()
    # {"user": "admin", "password": {"$ne": ""}} matches any password.
    # ruleid: py.nosqli.query-object
    user = db.users.find_one({"user": body["user"], "password": body["password"]})
    return {"ok": user is not None}


@app.route("/search", methods=["POST"])
def search():
    # ruleid: py.code-injection.mongodb-js
    rows = db["items"].find({"$where": "this.price < " + request.json["max"]})
    return {"n": len(list(rows))}


# ---- negatives ----
@app.route("/n1", methods=["POST"])
def n1():
    body = request.get_json()
    # ok: py.nosqli.query-object
    user = db.users.find_one({"user": str(body["user"]), "password": str(body["password"])})
    # str.find is not a query.
    # ok: py.nosqli.query-object
    pos = body["text"].find("x")
    return {"ok": user is not None, "pos": pos}


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.nosqli.query-object
    db.users.find_one({"name": request.args["v"]})


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.nosqli.query-object
        db.users.find_one({"name": request.args["v"]})
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.nosqli.query-object
        db.users.find_one({"name": choice})
    # ok: py.nosqli.query-object
    db.users.find_one({"name": os.environ["APP_SETTING"]})
    return "ok"


@app.route("/login-eq", methods=["POST"])
def login_eq():
    body = request.get_json()
    # $eq compares the value as it is: {"$ne": ""} is matched as a dict, not run as an operator.
    # ok: py.nosqli.query-object
    user = db.users.find_one({"user": {"$eq": body["user"]}, "password": {"$eq": body["password"]}})
    # ruleid: py.nosqli.query-object
    other = db.users.find_one({"user": {"$eq": body["user"]}, "password": body["password"]})
    return {"ok": user is not None and other is not None}



@app.route("/stats", methods=["POST"])
def stats():
    body = request.get_json()
    pipeline = [{"$match": {"category": body["category"], "published": True}}, {"$group": {"_id": "$category"}}]
    safe = [{"$match": {"category": str(body["category"])}}]
    # An aggregation pipeline holding the request's values: its $match stage is a query.
    # ruleid: py.nosqli.query-object
    a = list(db.products.aggregate(pipeline))
    # ok: py.nosqli.query-object
    b = list(db.products.aggregate(safe))
    return {"a": a, "b": b}
