# A regex substitution's callback runs on pieces of the string: its match holds the input (issue 15).
import re
import re as rx

from flask import Flask, request

app = Flask(__name__)
LEGACY_EXPR = re.compile(r"\{\{=(.+?)\}\}")
TOKEN = re.compile(r"%(\w+)%")


@app.post("/preview")
def preview():
    source = request.form.get("body", "")
    # ruleid: py.code-injection.eval
    return {"out": LEGACY_EXPR.sub(lambda m: str(eval(m.group(1), {"__builtins__": {}})), source)}


def _expand(match):
    # ruleid: py.code-injection.eval
    return str(eval(match.group(1)))


@app.post("/expand")
def expand():
    return {"out": re.sub(r"\{\{(.+?)\}\}", _expand, request.form["text"])}


@app.post("/tokens")
def tokens():
    text = request.args.get("t", "")
    # ok: py.code-injection.eval
    return {"out": TOKEN.sub(lambda m: str(eval(m.group(1))), "%now% on %host%"), "t": text}


@app.post("/count")
def count():
    # ok: py.code-injection.eval
    return {"out": re.sub(r"\d+", lambda m: str(eval("1 + 1")), request.form["text"])}


def _render(match):
    # ruleid: py.code-injection.eval
    return str(eval(match.group(1)))


@app.post("/render")
def render():
    # The module imported under another name.
    return {"out": rx.sub(r"<%(.+?)%>", _render, request.form["text"])}
