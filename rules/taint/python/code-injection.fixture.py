import os
import ast

from flask import Flask, request

app = Flask(__name__)


@app.route("/calc")
def calc():
    expr = request.args["expr"]
    # ruleid: py.code-injection.eval
    return str(eval(expr))


@app.route("/run", methods=["POST"])
def run():
    # ruleid: py.code-injection.eval
    exec("result = " + request.form["code"], {})
    return "ok"


# ---- negatives ----
@app.route("/n1")
def n1():
    # literal_eval only accepts literals.
    # ok: py.code-injection.eval
    value = ast.literal_eval(request.args["value"])
    # ok: py.code-injection.eval
    total = eval("1 + 2")
    op = request.args["op"]
    if op in ("sum", "max"):
        # ok: py.code-injection.eval
        total = eval(op + "([1, 2, 3])")
    return str(value) + str(total)


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.code-injection.eval
    eval(request.args["v"])


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.code-injection.eval
        eval(request.args["v"])
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.code-injection.eval
        eval(choice)
    # ok: py.code-injection.eval
    eval(os.environ["APP_SETTING"])
    return "ok"
