# Values appended to a list are in it: a WHERE clause built piece by piece and joined, an HTML fragment list.
import os
import sqlite3

from flask import Flask, request

app = Flask(__name__)
db = sqlite3.connect("app.db")


def customer_filter(country, segment):
    clauses = ["deleted = 0"]
    if country:
        clauses.append("country = '%s'" % country)
    if segment:
        clauses.extend(["segment = '" + segment + "'"])
    return " AND ".join(clauses)


@app.get("/customers")
def customers():
    where = customer_filter(request.args.get("country"), request.args.get("segment"))
    # ruleid: py.sqli.string-query
    return {"rows": db.execute("SELECT id FROM customers WHERE " + where).fetchall()}


@app.get("/tags")
def tags():
    parts = ["<ul>"]
    for tag in request.args.getlist("tag"):
        parts.append("<li>%s</li>" % tag)
    parts.append("</ul>")
    # ruleid: py.xss.html-response
    return "".join(parts)


@app.post("/run")
def run():
    cmd = ["tar", "czf", "/tmp/out.tgz"]
    cmd.insert(0, request.form["prefix"])
    # ruleid: py.cmdi.subprocess-shell
    os.system(" ".join(cmd))
    return "ok"


# ---- negatives ----
@app.get("/n/customers")
def n_customers():
    clauses, params = ["deleted = 0"], []
    if request.args.get("country"):
        clauses.append("country = ?")
        params.append(request.args["country"])
    # ok: py.sqli.string-query
    return {"rows": db.execute("SELECT id FROM customers WHERE " + " AND ".join(clauses), params).fetchall()}


@app.post("/n/run")
def n_run():
    cmd = ["tar", "czf", "/tmp/out.tgz"]
    cmd.append(request.form["path"])
    # ok: py.cmdi.subprocess-shell
    os.system(cmd[0] + " --version")
    return "ok"
