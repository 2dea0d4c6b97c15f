# Class-based FastAPI views (a router decorator on methods): `self` is the controller instance, not request input,
# and `self.<helper>.update_one(data, id)` is the controller's own CRUD helper (over an ORM), not a collection.
from fastapi import APIRouter
from pymongo import MongoClient

router = APIRouter()
db = MongoClient().app


class RecipeController:
    def __init__(self, mixins, root_dir):
        self.mixins = mixins
        self.root_dir = root_dir
        self.users = db.users

    @router.put("/{item_id}")
    def update_one(self, item_id: str, data: dict):
        # ok: py.nosqli.query-object
        return self.mixins.update_one(data, item_id)

    @router.delete("/{item_id}")
    def delete_one(self, item_id: str):
        # ok: py.nosqli.query-object
        return self.mixins.delete_one(item_id)

    @router.get("/backups")
    def list_backups(self):
        # ok: py.path-traversal.open
        with open(self.root_dir) as f:
            return f.read()

    @router.post("/find")
    def find(self, query: dict):
        # ruleid: py.nosqli.query-object
        return db.recipes.find(query)

    @router.post("/users")
    def find_users(self, query: dict):
        # ruleid: py.nosqli.query-object
        return self.users.find(query)

    @router.get("/files/{name}")
    def read(self, name: str):
        # ruleid: py.path-traversal.open
        with open(self.root_dir + "/" + name) as f:
            return f.read()
