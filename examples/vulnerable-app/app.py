"""Back-office admin app (Flask). Intentionally vulnerable: see README.md."""
import os
import pickle
import sqlite3
import subprocess

import requests
import yaml
from flask import Flask, redirect, request, send_file

import settings

app = Flask(__name__)
app.config["SECRET_KEY"] = settings.SECRET_KEY
EXPORT_DIR = os.path.join(os.path.dirname(__file__), "exports")


def get_db():
    return sqlite3.connect(settings.SQLITE_PATH)


@app.route("/customer")
def customer():
    name = request.args.get("name", "")
    rows = get_db().execute(f"SELECT id, email FROM customers WHERE name = '{name}'").fetchall()
    return {"customers": rows}


@app.route("/ping")
def ping():
    host = request.args.get("host", "127.0.0.1")
    out = subprocess.check_output("ping -c 1 " + host, shell=True)
    return out.decode()


@app.route("/export")
def export():
    filename = request.args.get("file")
    return send_file(os.path.join(EXPORT_DIR, filename))


@app.route("/preview")
def preview():
    url = request.args.get("url")
    page = requests.get(url, timeout=5)
    return page.text[:500]


@app.route("/go")
def go():
    return redirect(request.args.get("to", "/"))


@app.route("/calc", methods=["POST"])
def calc():
    expression = request.form["expression"]
    return str(eval(expression))


@app.route("/import", methods=["POST"])
def import_products():
    products = yaml.load(request.data, Loader=yaml.Loader)
    return {"imported": len(products)}


@app.route("/session", methods=["POST"])
def restore_session():
    state = pickle.loads(request.get_data())
    return {"user": state.get("user")}


if __name__ == "__main__":
    app.run(debug=True)
