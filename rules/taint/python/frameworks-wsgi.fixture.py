# Pyramid, Bottle and Falcon, from their documentation (https://docs.pylonsproject.org/projects/pyramid/en/latest/narr/webob.html,
# https://bottlepy.org/docs/dev/tutorial.html#request-data, https://falcon.readthedocs.io/en/stable/api/request_and_response_wsgi.html).
import os
import sqlite3

import bottle
import falcon
from bottle import request, route
from pyramid.view import view_config

db = sqlite3.connect("app.db")


@view_config(route_name="user", renderer="json")
def user_view(req):
    # ruleid: py.sqli.string-query
    db.execute("SELECT * FROM users WHERE id = " + req.matchdict["id"])
    # ruleid: py.cmdi.subprocess-shell
    os.system("finger " + req.params["login"])
    # ok: py.sqli.string-query
    db.execute("SELECT * FROM users WHERE id = ?", (req.matchdict["id"],))
    return {}


@view_config(route_name="api", renderer="json")
def api_view(request):
    # ruleid: py.cmdi.subprocess-shell
    os.system("run " + request.json_body["job"])
    # ok: py.cmdi.subprocess-shell
    os.system("run nightly")
    return {}


@route("/hello")
def hello():
    # ruleid: py.sqli.string-query
    db.execute("SELECT * FROM greetings WHERE lang = '" + request.query.lang + "'")
    # ruleid: py.cmdi.subprocess-shell
    os.system("say " + bottle.request.forms.get("text"))
    # ok: py.sqli.string-query
    db.execute("SELECT * FROM greetings WHERE lang = ?", (request.query.lang,))
    return "ok"


class ThingsResource:
    def on_get(self, req, resp):
        # ruleid: py.sqli.string-query
        db.execute("SELECT * FROM things WHERE owner = '" + req.get_param("owner") + "'")
        # ok: py.sqli.string-query
        db.execute("SELECT * FROM things WHERE owner = ?", (req.get_param("owner"),))

    def on_post(self, req, resp):
        # ruleid: py.cmdi.subprocess-shell
        os.system("import-thing " + req.media["url"])
        # ok: py.cmdi.subprocess-shell
        os.system("import-thing " + str(int(req.media["id"])))


app = falcon.App()
app.add_route("/things", ThingsResource())
