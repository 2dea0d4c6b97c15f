# MongoDB operators that run JavaScript on the server: the string is the attack, so str() and %-formatting, which
# turn an operator object into plain text for the query rule, do not clean it here.
from bson.code import Code
from flask import Flask, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient()["shop"]

ALLOWED_FIELDS = {"qty", "price"}


@app.get("/orders/by-owner")
def by_owner():
    owner = request.args.get("owner", "")
    js = "this.owner == '%s' && this.total > 10" % owner
    # ruleid: py.code-injection.mongodb-js
    return {"orders": list(db.orders.find({"$where": js}, {"_id": 0}))}


@app.get("/orders/by-tag")
def by_tag():
    tag = str(request.args["tag"])
    # ruleid: py.code-injection.mongodb-js
    return {"orders": list(db.orders.find({"$where": "this.tags.includes('" + tag + "')"}))}


@app.post("/orders/score")
def score():
    body = request.get_json()
    pipeline = [{"$addFields": {"score": {"$function": {
        # ruleid: py.code-injection.mongodb-js
        "body": "function(q, p) { return " + body["formula"] + "; }",
        "args": ["$qty", "$price"],
        "lang": "js",
    }}}}]
    # The query rule reads the pipeline as an object holding input, though the input is only inside a string.
    # todook: py.nosqli.query-object
    return {"rows": list(db.orders.aggregate(pipeline))}


@app.post("/orders/sum")
def summed():
    reducer = request.form["reduce"]
    # ruleid: py.code-injection.mongodb-js
    out = db.orders.map_reduce(Code("function() { emit(this.owner, this.total); }"), Code(reducer), "totals")
    return {"n": out.count_documents({})}


@app.get("/orders/filter")
def code_filter():
    # ruleid: py.code-injection.mongodb-js
    where = Code("function() { return this.status == '" + request.args["status"] + "'; }")
    return {"orders": list(db.orders.find({"$where": where}))}


# ---- negatives ----
@app.get("/n/orders/min")
def n_min_total():
    limit = int(request.args.get("min", "0"))
    # ok: py.code-injection.mongodb-js
    return {"orders": list(db.orders.find({"$where": "this.total > %d" % limit}))}


@app.get("/n/orders/field")
def n_field():
    field = request.args.get("field", "qty")
    if field not in ALLOWED_FIELDS:
        return {"error": "bad field"}, 400
    # ok: py.code-injection.mongodb-js
    return {"orders": list(db.orders.find({"$where": "this.%s > 0" % field}))}


@app.get("/n/orders/owner")
def n_owner_operator():
    # Query operators instead of JavaScript: the string is compared, never run.
    # ok: py.code-injection.mongodb-js
    return {"orders": list(db.orders.find({"owner": {"$eq": str(request.args.get("owner", ""))}}))}
