# A Tornado handler's verb method gets the URL pattern's groups as its parameters after self
# (r"/articles/category/([^/]+)" calls get(self, category)): URL-decoded strings from the path.
import sqlite3

import tornado.web

conn = sqlite3.connect("kb.db")


class ArticleByCategoryHandler(tornado.web.RequestHandler):
    def get(self, category):
        cur = conn.cursor()
        # ruleid: py.sqli.string-query
        cur.execute("SELECT id, title FROM articles WHERE category = '{}'".format(category))
        self.write({"results": cur.fetchall()})

    def delete(self, category, slug=None):
        # ruleid: py.sqli.string-query
        conn.execute(f"DELETE FROM articles WHERE category = '{category}' AND slug = '{slug}'")


# ---- negatives ----


class ArticleByIdHandler(tornado.web.RequestHandler):
    def get(self, article_id: int):
        # ok: py.sqli.string-query
        cur = conn.execute("SELECT title FROM articles WHERE id = %d" % int(article_id))
        self.write({"title": cur.fetchone()})

    def post(self, category):
        # ok: py.sqli.string-query
        conn.execute("UPDATE articles SET views = views + 1 WHERE category = ?", (category,))
