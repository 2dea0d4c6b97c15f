# Column names taken from a request's keys, but only those an allow-list holds (DocsGPT's repositories): the SET
# clause is built from constants, the values are bound. Known gaps: the comprehension's `if k in ALLOWED` filter and
# a constant mapping indexed by the key are not seen as constraining the key yet.
from flask import Flask, request
from sqlalchemy import text

app = Flask(__name__)
ALLOWED_UPDATES = {"name", "description"}
UPDATABLE_COLUMNS = {"name": "name = :name", "description": "description = :description"}


@app.route("/devices/<device_id>", methods=["PUT"])
def update_device(device_id):
    fields = request.get_json(silent=True) or {}
    filtered = {k: v for k, v in fields.items() if k in ALLOWED_UPDATES}
    set_clauses = [f"{col} = :{col}" for col in filtered]
    # todook: py.sqli.string-query
    db.execute(text(f"UPDATE devices SET {', '.join(set_clauses)} WHERE id = :id"), {**filtered, "id": device_id})


@app.route("/teams/<team_id>", methods=["PUT"])
def update_team(team_id):
    fields = request.get_json(silent=True) or {}
    values = {k: v for k, v in fields.items() if k in UPDATABLE_COLUMNS}
    set_clause = ", ".join(UPDATABLE_COLUMNS[k] for k in values)
    # ok: py.sqli.string-query
    db.execute(text(f"UPDATE teams SET {set_clause} WHERE id = :id"), {**values, "id": team_id})


@app.route("/notes/<note_id>", methods=["PUT"])
def update_note(note_id):
    fields = request.get_json(silent=True) or {}
    # Every key the caller sends becomes a column name.
    set_clause = ", ".join(f"{k} = :{k}" for k in fields)
    # ruleid: py.sqli.string-query
    db.execute(text(f"UPDATE notes SET {set_clause} WHERE id = :id"), {**fields, "id": note_id})
