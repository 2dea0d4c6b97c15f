# NoSQL injection with pymongo / Motor across frameworks. Only JSON bodies (which can carry {"$ne": ...} objects),
# whole query dicts and strings pasted into server-side JavaScript ($where) are injections: a plain string compared
# for equality is not. Written from the pymongo and Motor documentation
# (https://pymongo.readthedocs.io/en/stable/api/pymongo/collection.html).
import json

import bottle
import falcon
import tornado.web
from mongoengine import Document, StringField
from aiohttp import web
from fastapi import FastAPI, Request
from flask import Flask, abort, request
from motor.motor_asyncio import AsyncIOMotorClient
from pydantic import BaseModel
from pymongo import MongoClient
from pyramid.view import view_config
from rest_framework.views import APIView
from starlette.responses import JSONResponse

app = Flask(__name__)
api = FastAPI()
routes = web.RouteTableDef()
db = MongoClient()["shop"]
mdb = AsyncIOMotorClient().shop
ALLOWED_SORT_FIELDS = ("price", "name", "created")


@app.post("/api/users/lookup")
def lookup_user():
    # The whole filter comes from the client.
    # ruleid: py.nosqli.query-object
    return {"users": list(db.users.find(request.json))}


@app.post("/api/login")
def flask_login():
    data = request.get_json(force=True)
    query = {"email": data["email"], "password_hash": data["password"]}
    # ruleid: py.nosqli.query-object
    account = db.accounts.find_one(query)
    return {"ok": account is not None}


@app.get("/api/products")
def list_products():
    # Keys come from the query string too: ?$where=sleep(5000) becomes a top-level operator.
    filters = request.args.to_dict()
    # ruleid: py.nosqli.query-object
    return {"n": db.products.count_documents(filters)}


@app.get("/api/orders/mine")
def my_orders():
    owner = request.args.get("owner", "")
    # A string pasted into server-side JavaScript.
    # ruleid: py.code-injection.mongodb-js
    rows = db.orders.find({"$where": f"this.owner == '{owner}'"})
    return {"orders": list(rows)}


@app.post("/api/cart/clear")
def clear_cart():
    body = request.get_json()
    # ruleid: py.nosqli.query-object
    db.carts.delete_many({"session": body.get("session")})
    return {"ok": True}


@app.post("/api/report")
def report():
    stage = request.json["match"]
    # ruleid: py.nosqli.query-object
    out = db.events.aggregate([{"$match": stage}, {"$group": {"_id": "$kind", "n": {"$sum": 1}}}])
    return {"rows": list(out)}


def find_member(criteria):
    # Reported here, where the helper's parameter reaches the query (called below with the JSON body).
    # ruleid: py.nosqli.query-object
    return db.members.find_one(criteria)


@app.post("/api/members/find")
def members_find():
    # Through a helper: reported in find_member above.
    return {"member": find_member(request.get_json()["criteria"])}


@api.post("/v2/search")
async def motor_search(request: Request):
    body = await request.json()
    # ruleid: py.nosqli.query-object
    docs = await mdb.products.find(body["filter"]).to_list(length=50)
    return docs


@api.get("/v2/filtered")
async def starlette_params(request: Request):
    # Query string keys and values from Starlette's query_params.
    # ruleid: py.nosqli.query-object
    n = await mdb.items.count_documents(dict(request.query_params))
    return JSONResponse({"n": n})


@routes.post("/sessions/revoke")
async def aiohttp_revoke(request):
    payload = json.loads(await request.text())
    # ruleid: py.nosqli.query-object
    await mdb.sessions.delete_one({"token": payload["token"]})
    return web.json_response({"ok": True})


class ItemHandler(tornado.web.RequestHandler):
    def initialize(self, collection):
        self.collection = collection

    def post(self):
        spec = json.loads(self.request.body)
        # ruleid: py.nosqli.query-object
        self.collection.update_one(spec["where"], {"$set": {"seen": True}})


@view_config(route_name="order_update", renderer="json", request_method="POST")
def pyramid_update(request):
    # ruleid: py.nosqli.query-object
    db["orders"].find_one_and_update(request.json_body["filter"], {"$set": {"status": "paid"}})
    return {"ok": True}


class ProfileView(APIView):
    def post(self, request):
        # DRF parses JSON into dicts and lists.
        # ruleid: py.nosqli.query-object
        profile = db.profiles.find_one({"handle": request.data["handle"]})
        return {"found": profile is not None}


@bottle.post("/bottle/find")
def bottle_find():
    # ruleid: py.nosqli.query-object
    return {"docs": list(db.docs.find(bottle.request.json))}


class NoteResource:
    def on_post(self, req, resp):
        # ruleid: py.nosqli.query-object
        resp.media = db.notes.find_one({"title": req.media["title"]})


class Account(Document):
    email = StringField()
    password_hash = StringField()


@app.post("/api/me/login")
def mongoengine_login():
    creds = request.get_json()
    # Keyword names pick operators in MongoEngine: {"password_hash__ne": ""} matches any password.
    # ruleid: py.nosqli.query-object
    return {"ok": Account.objects(**creds).first() is not None}


@app.post("/api/accounts/raw")
def mongoengine_raw():
    # ruleid: py.nosqli.query-object
    return {"n": Account.objects(__raw__=request.json["query"]).count()}


@app.get("/api/orders/cheap")
def cursor_where():
    # Cursor.where() runs the string as server-side JavaScript.
    # ruleid: py.code-injection.mongodb-js
    rows = db.orders.find({"status": "open"}).where("this.total < " + request.args["max"])
    return {"orders": list(rows)}


# ---- negatives ----
@app.post("/n/me/login")
def n_mongoengine_login():
    creds = request.get_json()
    # ok: py.nosqli.query-object
    return {"ok": Account.objects(email=str(creds["email"]), password_hash=str(creds["password"])).first() is not None}


@app.get("/n/orders/cheap")
def n_cursor_where():
    # ok: py.code-injection.mongodb-js
    rows = db.orders.find({"status": "open"}).where("this.total < " + str(int(request.args["max"])))
    return {"orders": list(rows)}



@app.post("/n/login")
def n_login():
    data = request.get_json()
    # str() turns {"$ne": ""} into the text "{'$ne': ''}".
    # ok: py.nosqli.query-object
    account = db.accounts.find_one({"email": str(data["email"]), "password_hash": str(data["password"])})
    return {"ok": account is not None}


@app.get("/n/orders")
def n_orders():
    # ok: py.nosqli.query-object
    rows = db.orders.find({"qty": {"$gt": int(request.args["min"])}})
    return {"orders": list(rows)}


@app.get("/n/sorted")
def n_sorted():
    field = request.args.get("sort", "price")
    if field in ALLOWED_SORT_FIELDS:
        # ok: py.nosqli.query-object
        return {"docs": list(db.products.find({field: {"$exists": True}}))}
    abort(400)


@app.get("/n/where")
def n_where():
    # $where with constant code: nothing from the request reaches the JavaScript.
    # ok: py.code-injection.mongodb-js
    rows = db.orders.find({"$where": "this.qty > this.reserved"})
    return {"orders": list(rows)}


@app.post("/n/text")
def n_text():
    body = request.get_json()
    # str.find on a request value is not a query.
    # ok: py.nosqli.query-object
    at = body["comment"].find("http")
    return {"at": at}


@app.post("/n/insert")
def n_insert():
    # insert_one stores the document: operators in it are not evaluated.
    # ok: py.nosqli.query-object
    db.feedback.insert_one({"text": request.json["text"]})
    return {"ok": True}


@app.get("/n/constant")
def n_constant():
    # ok: py.nosqli.query-object
    return {"docs": list(db.products.find({"published": True}, {"_id": 0}))}


class ItemModel(BaseModel):
    name: str
    qty: int


@api.post("/n/v2/items")
async def n_pydantic(item: ItemModel):
    # Pydantic makes these a str and an int: neither can hold an operator object. Known false positive: the
    # model's field types are not read, so the whole body model counts as input.
    # todook: py.nosqli.query-object
    return await mdb.items.find_one({"name": item.name, "qty": item.qty})


@api.get("/n/v2/by-id/{item_id}")
async def n_typed(item_id: int):
    # ok: py.nosqli.query-object
    return await mdb.items.find_one({"_id": item_id})


@routes.post("/n/aiohttp")
async def n_aiohttp(request):
    payload = await request.json()
    # ok: py.nosqli.query-object
    await mdb.sessions.delete_one({"token": str(payload["token"])})
    return web.json_response({"ok": True})


@view_config(route_name="n_pyramid", renderer="json")
def n_pyramid(request):
    # The filter is built on the server from the signed-in user, not from the request body.
    # ok: py.nosqli.query-object
    return db["orders"].find_one({"owner": request.authenticated_userid})
