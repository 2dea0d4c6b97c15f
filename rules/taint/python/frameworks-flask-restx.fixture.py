# Flask-RESTX resources: a verb method's parameters after self are the URL's parts; `ns.payload` is the JSON body.
import subprocess

from flask_restx import Namespace, Resource, reqparse
from sqlalchemy import text

from .extensions import db

ns = Namespace("books")


@ns.route("/by-year/<year>")
class ByYear(Resource):
    def get(self, year):
        # ruleid: py.sqli.string-query
        return db.session.execute(text("SELECT * FROM books WHERE published_year = %s" % year)).mappings().all()


@ns.route("/by-id/<int:book_id>")
class ById(Resource):
    def get(self, book_id: int):
        # ok: py.sqli.string-query
        return db.session.execute(text("SELECT * FROM books WHERE id = %d" % book_id)).mappings().first()


@ns.route("/bulk-delete")
class BulkDelete(Resource):
    def post(self):
        ids = ",".join(str(i) for i in ns.payload["ids"])
        # ruleid: py.sqli.string-query
        db.session.execute(text("DELETE FROM books WHERE id IN (" + ids + ")"))
        # ok: py.cmdi.subprocess-shell
        subprocess.run("logger bulk-delete", shell=True)
        return "", 204


class Helper:
    def get(self, name):
        # No Resource: a handler is known by its method's name in a file importing flask_restx, not by its base class.
        # todook: py.cmdi.subprocess-shell
        return subprocess.run("echo " + name, shell=True)


search_args = reqparse.RequestParser()
search_args.add_argument("q", type=str, location="args")
search_args.add_argument("page", type=int, location="args")


@ns.route("/search")
class Search(Resource):
    @ns.expect(search_args)
    def get(self):
        args = search_args.parse_args()
        # ruleid: py.sqli.string-query
        rows = db.session.execute(text(f"SELECT * FROM books WHERE title LIKE '%{args['q']}%'"))
        # ok: py.sqli.string-query
        same = db.session.execute(text("SELECT * FROM books WHERE title LIKE :q"), {"q": f"%{args['q']}%"})
        return {"rows": [dict(r) for r in rows.mappings()], "same": [dict(r) for r in same.mappings()]}
