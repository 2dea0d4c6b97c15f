# Hug: an endpoint's parameters are the request's (its number types convert them); HTML endpoints and redirects.
import html
import sqlite3

import hug

conn = sqlite3.connect("metrics.db")


@hug.get("/top")
def top(n: hug.types.number = 10):
    # ok: py.sqli.string-query
    return conn.execute("SELECT name FROM samples LIMIT " + str(n)).fetchall()


@hug.get("/host")
def host_samples(host: hug.types.text):
    # ruleid: py.sqli.string-query
    return conn.execute(f"SELECT name FROM samples WHERE host = '{host}'").fetchall()


@hug.get("/banner", output=hug.output_format.html)
def banner(msg: hug.types.text):
    # ruleid: py.xss.html-response
    return f"<div class='banner'>{msg}</div>"


@hug.get("/banner/safe", output=hug.output_format.html)
def banner_safe(msg: hug.types.text):
    # ok: py.xss.html-response
    return f"<div class='banner'>{html.escape(msg)}</div>"


@hug.get("/echo")
def echo(msg: hug.types.text):
    # ok: py.xss.html-response
    return {"msg": msg}


@hug.get("/out")
def out(to: hug.types.text):
    # ruleid: py.open-redirect.redirect
    hug.redirect.to(to)


@hug.get("/home")
def home(site: hug.types.text = "status"):
    if site not in ("status", "docs"):
        # ok: py.open-redirect.redirect
        hug.redirect.to("/status")
    # ok: py.open-redirect.redirect
    hug.redirect.to("/" + site)
