import sqlite3

from flask import Flask, request
from sqlalchemy import text

app = Flask(__name__)
db = sqlite3.connect("app.db")


@app.route("/user")
def user():
    cur = db.cursor()
    # ruleid: py.sqli.string-query
    cur.execute("SELECT * FROM users WHERE id = " + request.args["id"])
    return {"rows": cur.fetchall()}


@app.route("/by-name")
def by_name():
    name = request.args.get("name")
    # ruleid: py.sqli.string-query
    db.execute(f"SELECT * FROM users WHERE name = '{name}'")
    # ruleid: py.sqli.string-query
    db.execute("SELECT * FROM users WHERE name = '%s'" % name)
    # ruleid: py.sqli.string-query
    db.execute("SELECT * FROM users WHERE name = '{}'".format(name))
    return "ok"


# URL variables of a route are user input too.
@app.route("/orders/<status>")
def orders(status):
    query = "SELECT * FROM orders WHERE status = '" + status + "'"
    # ruleid: py.sqli.string-query
    return {"rows": db.execute(query).fetchall()}


def run_report(session, region):
    # ruleid: py.sqli.string-query
    return session.execute(text(f"SELECT * FROM sales WHERE region = '{region}'"))


@app.post("/report")
def report():
    data = request.get_json()
    return {"rows": list(run_report(None, data["region"]))}


class Repo:
    def __init__(self, conn):
        self.conn = conn

    def find(self, email):
        # ruleid: py.sqli.string-query
        return self.conn.execute("SELECT * FROM users WHERE email = '" + email + "'")


@app.route("/by-email")
def by_email():
    repo = Repo(db)
    return {"rows": repo.find(request.form["email"]).fetchall()}


class Search:
    def load(self):
        self.term = request.args["q"]

    def run(self):
        # A field set from input in one method and read in another (the class's field summary).
        # ruleid: py.sqli.string-query
        return db.execute("SELECT * FROM t WHERE a = '" + self.term + "'")


# ---- negatives ----
@app.route("/n1")
def n1():
    # ok: py.sqli.string-query
    db.execute("SELECT * FROM users WHERE id = ?", (request.args["id"],))
    # ok: py.sqli.string-query
    db.execute("SELECT * FROM users WHERE id = " + str(int(request.args["id"])))
    user_id = request.args["id"]
    user_id = "42"
    # ok: py.sqli.string-query
    db.execute("SELECT * FROM users WHERE id = " + user_id)
    return "ok"


SORT_COLUMNS = {"name", "email", "created_at"}


@app.route("/n2")
def n2():
    column = request.args.get("sort", "name")
    if column not in SORT_COLUMNS:
        return "bad sort", 400
    # ok: py.sqli.string-query
    db.execute("SELECT * FROM users ORDER BY " + column)
    direction = request.args.get("dir")
    if direction in ("asc", "desc"):
        # ok: py.sqli.string-query
        db.execute("SELECT * FROM users ORDER BY name " + direction)
    return "ok"


def maintenance(table):
    # Not user input: called only with a constant.
    # ok: py.sqli.string-query
    db.execute("VACUUM " + table)


maintenance("users")


def shadowed():
    request = {"args": {"id": "1"}}
    # ok: py.sqli.string-query
    db.execute("SELECT * FROM users WHERE id = " + request["args"]["id"])


@app.route("/n3")
def n3():
    if False:
        # ok: py.sqli.string-query
        db.execute("SELECT * FROM users WHERE id = " + request.args["id"])
    return "ok"
