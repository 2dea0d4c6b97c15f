# A field of an object built from input, read straight off it (not by a method of its class): the constructor's
# stores decide it. A one-shot scan (the CLI) must analyse the constructor for that, as the editor does.
import sqlite3

from flask import Flask, request

app = Flask(__name__)


class TicketFilter:
    def __init__(self, status, limit=50):
        self.status = status
        self.limit = int(limit)


@app.route("/tickets")
def tickets():
    flt = TicketFilter(request.args["status"], request.args.get("limit", "50"))
    conn = sqlite3.connect("tickets.db")
    # ruleid: py.sqli.string-query
    conn.execute("SELECT * FROM ticket WHERE status = '" + flt.status + "'")
    # ok: py.sqli.string-query
    conn.execute("SELECT * FROM ticket LIMIT " + str(flt.limit))
    return "ok"
