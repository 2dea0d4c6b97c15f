# Js2Py runs JavaScript by translating it to Python; `pyimport os` inside the script imports Python modules.
import js2py
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


@app.get("/fixed")
def fixed():
    # ok: py.code-injection.eval
    return str(js2py.eval_js("function f() { return 42 } f()"))


@app.get("/number")
def number():
    # ok: py.code-injection.eval
    return str(js2py.eval_js("Math.sqrt(" + str(int(request.args["n"])) + ")"))
