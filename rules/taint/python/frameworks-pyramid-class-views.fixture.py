# Pyramid class-based views: the class takes the request in __init__ and keeps it as self.request; each
# @view_config method reads the input there.
import os

from pyramid.response import FileResponse
from pyramid.view import view_config, view_defaults
from sqlalchemy import text

ROOT = os.path.realpath("/srv/files")
ORDERS = {"new": "created_at", "name": "name"}


@view_defaults(renderer="json")
class FileViews:
    def __init__(self, request):
        self.request = request
        self.db = request.dbsession

    @view_config(route_name="files_search")
    def search(self):
        term = self.request.params.get("q", "")
        # ruleid: py.sqli.string-query
        rows = self.db.execute(text(f"SELECT id FROM files WHERE name LIKE '%{term}%'")).all()
        return {"ids": [r.id for r in rows]}

    @view_config(route_name="files_sorted")
    def sorted(self):
        column = ORDERS.get(self.request.params.get("sort", "new"), "created_at")
        # ok: py.sqli.string-query
        rows = self.db.execute(text(f"SELECT id FROM files ORDER BY {column}")).all()
        return {"ids": [r.id for r in rows]}

    @view_config(route_name="file_get")
    def get(self):
        name = self.request.matchdict["name"]
        # ruleid: py.path-traversal.open
        return FileResponse(os.path.join(ROOT, name), request=self.request)

    @view_config(route_name="file_get_checked")
    def get_checked(self):
        target = os.path.realpath(os.path.join(ROOT, self.request.matchdict["name"]))
        if os.path.commonpath([ROOT, target]) != ROOT:
            raise ValueError("outside")
        # ok: py.path-traversal.open
        return FileResponse(target, request=self.request)
