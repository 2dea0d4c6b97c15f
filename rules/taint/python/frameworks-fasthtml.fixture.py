import sqlite3
import subprocess

import httpx
from fasthtml.common import *

app, rt = fast_app()
db = sqlite3.connect("bookmarks.db")


@rt("/search")
def get(q: str = ""):
    # ruleid: py.sqli.string-query
    rows = db.execute(f"SELECT title FROM bookmarks WHERE title LIKE '%{q}%'").fetchall()
    # ok: py.sqli.string-query
    rows = db.execute("SELECT title FROM bookmarks WHERE title LIKE ?", (f"%{q}%",)).fetchall()
    return Titled("Search", Ul(*[Li(r[0]) for r in rows]))


@rt("/b/{bid}")
def get(bid: int, next: str = ""):
    # ok: py.sqli.string-query
    db.execute(f"UPDATE bookmarks SET visits = visits + 1 WHERE id = {bid}")
    if next:
        # ruleid: py.open-redirect.redirect
        return RedirectResponse(next, status_code=303)
    # ok: py.open-redirect.redirect
    return RedirectResponse("/", status_code=303)


@app.post("/add")
async def add(url: str):
    # ruleid: py.ssrf.http-client
    httpx.get(url, timeout=5)


@rt("/preview")
def get(html: str = ""):
    # ruleid: py.xss.html-response
    return Div(NotStr(html), cls="preview")


@rt("/me")
def get(session, auth):
    # ok: py.cmdi.subprocess-shell
    subprocess.run(f"echo {session['user']} {auth}", shell=True)


from fastlite import database

store = database("data/notes.db")


def notes_matching(term: str):
    # ruleid: py.sqli.string-query
    return store.q(f"select id, body from notes where body like '%{term}%'")


def notes_tagged(tag: str):
    # ok: py.sqli.string-query
    return store.q("select id, body from notes where tag = ?", [tag])


@rt("/notes")
def get(term: str = ""):
    return Ul(*[Li(n["body"]) for n in notes_matching(term)])
