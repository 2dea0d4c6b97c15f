# py4web actions: `request` is Bottle's (query, forms, json), a returned string is the page.
import html
import os

from py4web import URL, abort, action, redirect, request

from .common import FILES, db


@action("notes/search")
@action.uses(db)
def search():
    q = request.query.get("q", "")
    # ruleid: py.sqli.string-query
    rows = db.executesql(f"SELECT id, title FROM note WHERE title LIKE '%{q}%'", as_dict=True)
    # ok: py.sqli.string-query
    same = db.executesql("SELECT id, title FROM note WHERE title = ?", placeholders=[q], as_dict=True)
    return dict(rows=rows + same)


@action("notes/preview")
def preview():
    title = request.forms.get("title", "")
    # ruleid: py.xss.html-response
    return f"<html><body><h3>{title}</h3></body></html>"


@action("notes/heading")
def heading():
    title = request.query.get("title", "")
    # ok: py.xss.html-response
    return f"<html><body><h3>{html.escape(title)}</h3></body></html>"


@action("notes/file")
def attachment():
    name = request.query.get("name", "")
    # ruleid: py.path-traversal.open
    with open(os.path.join(FILES, name), "rb") as fh:
        return fh.read()


@action("notes/done")
def done():
    # ruleid: py.open-redirect.redirect
    redirect(request.query.get("next", URL("index")))


@action("notes/back")
def back():
    nxt = request.query.get("next", "")
    if not nxt.startswith("/") or nxt.startswith("//") or "\\" in nxt:
        # ok: py.open-redirect.redirect
        redirect(URL("index"))
    # ok: py.open-redirect.redirect
    redirect(nxt)
