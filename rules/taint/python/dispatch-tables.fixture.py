# Views that pick a function from a table by the request's action: every function the table names gets what the view
# passes it (the request, or its parsed body), so each one's sinks are found; a constant key runs its entry only.
import os
import sqlite3
import subprocess

from flask import Flask, request

app = Flask(__name__)
conn = sqlite3.connect("app.db")


def create_user(payload):
    # ruleid: py.cmdi.subprocess-shell
    os.system("useradd -m " + payload["name"])


def rename_user(payload):
    # ruleid: py.sqli.string-query
    conn.execute("UPDATE users SET name = '%s' WHERE id = %d" % (payload["name"], int(payload["id"])))


def disable_user(payload):
    # ok: py.sqli.string-query
    conn.execute("UPDATE users SET active = 0 WHERE id = ?", (payload["id"],))


HANDLERS = {"create": create_user, "rename": rename_user, "disable": disable_user}


@app.route("/users/<action>", methods=["POST"])
def users(action):
    handler = HANDLERS.get(action)
    if handler is None:
        return "unknown action", 404
    handler(request.get_json())
    return "", 204


def archive(req):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("tar czf /tmp/archive.tgz " + req.args["dir"], shell=True)
    return "ok"


def restore(req):
    # ok: py.cmdi.subprocess-shell
    subprocess.run(["tar", "xzf", "/tmp/archive.tgz", "-C", req.args["dir"]])
    return "ok"


OPS = {"archive": archive, "restore": restore}


@app.route("/ops/<op>")
def ops(op):
    # The request itself passed through the table.
    return OPS[op](request)


def export_table(payload):
    # ok: py.sqli.string-query
    return conn.execute("SELECT * FROM " + payload["table"]).fetchall()


def count_rows(payload):
    return conn.execute("SELECT COUNT(*) FROM items").fetchone()


REPORTS = {"export": export_table, "count": count_rows}


@app.route("/reports/count", methods=["POST"])
def report_count():
    # A constant key runs its entry only.
    return str(REPORTS["count"](request.get_json()))
