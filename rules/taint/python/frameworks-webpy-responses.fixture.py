# web.py: GET/POST methods' returned strings (sent as text/html once the method says so), its redirects and its
# database's query strings.
import web

urls = ("/search", "Search", "/go", "Go", "/greet", "Greet")
db = web.database(dbn="sqlite", db="wiki.db")
TRUSTED = ("/", "/search")


class Search:
    def GET(self):
        i = web.input(q="")
        # ruleid: py.sqli.string-query
        rows = db.query("SELECT id FROM pages WHERE title LIKE '%" + i.q + "%'")
        # ok: py.sqli.string-query
        same = db.query("SELECT id FROM pages WHERE title = $q", vars={"q": i.q})
        # ruleid: py.sqli.string-query
        gone = db.delete("pages", where="name = '%s'" % i.q)
        # ok: py.sqli.string-query
        kept = db.select("pages", where="name = $name", vars={"name": i.q})
        return rows, same, gone, kept


class Go:
    def GET(self):
        # ruleid: py.open-redirect.redirect
        raise web.seeother(web.input(next="/").next)


class GoSafe:
    def GET(self):
        nxt = web.input(next="/").next
        # ok: py.open-redirect.redirect
        raise web.seeother(nxt if nxt in TRUSTED else "/")


class Greet:
    def GET(self):
        i = web.input(name="stranger")
        web.header("Content-Type", "text/html; charset=utf-8")
        # ruleid: py.xss.html-response
        return "<p>Hello, %s!</p>" % i.name


class GreetSafe:
    def GET(self):
        i = web.input(name="stranger")
        web.header("Content-Type", "text/html; charset=utf-8")
        # ok: py.xss.html-response
        return "<p>Hello, %s!</p>" % web.websafe(i.name)


class GreetJson:
    def GET(self):
        i = web.input(name="stranger")
        web.header("Content-Type", "application/json")
        # ok: py.xss.html-response
        return '{"name": "%s"}' % i.name
