# Js2Py runs JavaScript by translating it to Python; `pyimport os` inside the script imports Python modules.
import sqlite3

import js2py
from js2py import EvalJs
from flask import Flask, request

app = Flask(__name__)


@app.post("/decrypt")
def decrypt():
    key_script = request.form["jk"]
    # ruleid: py.code-injection.eval
    key = js2py.eval_js(f"{key_script} f()")
    return str(key)


@app.post("/es6")
def es6():
    # ruleid: py.code-injection.eval
    return str(js2py.eval_js6(request.form["code"]))


@app.post("/context")
def context():
    ctx = js2py.EvalJs({})
    # ruleid: py.code-injection.eval
    ctx.eval(request.form["code"])
    return "ok"


@app.post("/run")
def run():
    ctx = js2py.EvalJs({})
    # ruleid: py.code-injection.eval
    # ok: py.sqli.string-query
    ctx.execute(request.form["code"])
    return "ok"


@app.post("/run-imported")
def run_imported():
    ctx = EvalJs()
    # ruleid: py.code-injection.eval
    # ok: py.sqli.string-query
    ctx.execute("var x = " + request.form["code"])
    return "ok"


@app.post("/query")
def query():
    cur = sqlite3.connect("app.db").cursor()
    # ruleid: py.sqli.string-query
    cur.execute("SELECT * FROM t WHERE name = '" + request.form["name"] + "'")
    return "ok"


@app.get("/fixed")
def fixed():
    # ok: py.code-injection.eval
    return str(js2py.eval_js("function f() { return 42 } f()"))


@app.get("/number")
def number():
    # ok: py.code-injection.eval
    return str(js2py.eval_js("Math.sqrt(" + str(int(request.args["n"])) + ")"))
