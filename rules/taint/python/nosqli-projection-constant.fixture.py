# find(filter, projection) with the projection a constant of the module: still a MongoDB collection's find.
import json

from pymongo import DESCENDING, MongoClient
from tornado.web import RequestHandler

PROJECTION = {"_id": 0}


class AuditStore:
    def __init__(self, uri):
        self.client = MongoClient(uri)
        self.events = self.client["audit"]["events"]

    def by_actor(self, actor):
        # ruleid: py.nosqli.query-object
        return list(self.events.find({"actor": actor}, PROJECTION).sort("ts", DESCENDING))

    def by_actor_name(self, actor):
        # ok: py.nosqli.query-object
        return list(self.events.find({"actor": str(actor)}, PROJECTION))


store = AuditStore("mongodb://localhost")


class AuditHandler(RequestHandler):
    def post(self):
        body = json.loads(self.request.body)
        self.write({"a": store.by_actor(body["actor"]), "b": store.by_actor_name(body["actor"])})
