# Tornado, aiohttp and Sanic handlers, from their documentation (https://www.tornadoweb.org/en/stable/web.html,
# https://docs.aiohttp.org/en/stable/web_reference.html#request, https://sanic.dev/en/guide/basics/request.html).
import os
import sqlite3
import subprocess

import tornado.web
from aiohttp import web
from sanic import Sanic, text

db = sqlite3.connect("app.db")
app = Sanic("app")
routes = web.RouteTableDef()


class SearchHandler(tornado.web.RequestHandler):
    def get(self):
        # ruleid: py.sqli.string-query
        db.execute("SELECT * FROM items WHERE name = '" + self.get_argument("name") + "'")
        # ruleid: py.cmdi.subprocess-shell
        os.system("grep " + self.get_query_argument("q") + " data.txt")
        # ok: py.sqli.string-query
        db.execute("SELECT * FROM items WHERE name = ?", (self.get_argument("name"),))
        # ok: py.cmdi.subprocess-shell
        os.system("grep fixed data.txt")

    def post(self):
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("process " + self.request.body.decode(), shell=True)
        # ruleid: py.sqli.string-query
        db.execute("INSERT INTO notes VALUES ('" + self.get_body_argument("note") + "')")
        # ok: py.sqli.string-query
        db.execute("INSERT INTO notes VALUES (?)", (self.get_body_argument("note"),))


@routes.get("/items/{name}")
async def item(request):
    # ruleid: py.sqli.string-query
    db.execute("SELECT * FROM items WHERE name = '%s'" % request.match_info["name"])
    # ruleid: py.cmdi.subprocess-shell
    os.system("ls " + request.query["dir"])
    # ok: py.sqli.string-query
    db.execute("SELECT * FROM items WHERE name = ?", (request.match_info["name"],))
    return web.Response(text="ok")


@routes.post("/upload")
async def upload(request):
    data = await request.post()
    # ruleid: py.cmdi.subprocess-shell
    os.system("convert " + data["file"] + " out.png")
    # ok: py.cmdi.subprocess-shell
    subprocess.run(["convert", data["file"], "out.png"])
    return web.Response(text="ok")


@app.get("/search")
async def sanic_search(request):
    # ruleid: py.sqli.string-query
    db.execute(f"SELECT * FROM items WHERE name = '{request.args.get('q')}'")
    # ruleid: py.cmdi.subprocess-shell
    os.system("notify " + request.json["channel"])
    # ok: py.sqli.string-query
    db.execute("SELECT * FROM items WHERE name = ?", (request.args.get("q"),))
    # ok: py.cmdi.subprocess-shell
    os.system("notify " + str(int(request.json["channel"])))
    return text("ok")
