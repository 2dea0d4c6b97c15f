# A name imported from a module is that module's function, not the builtin of the same name.
from re import compile
from re import compile as re_compile

from flask import Flask, request

app = Flask(__name__)


@app.route("/pattern")
def pattern():
    src = request.args["p"]
    # ok: py.code-injection.eval
    # ruleid: py.regex-injection.compile
    re_compile(src)
    # ok: py.code-injection.eval
    # ruleid: py.regex-injection.compile
    compile(src)
    return "ok"


@app.route("/code")
def code():
    # ruleid: py.code-injection.eval
    eval(request.args["c"])
    return "ok"
