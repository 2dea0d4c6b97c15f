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
    # ruleid: py.nosqli.query-object
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
