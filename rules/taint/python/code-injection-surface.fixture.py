# The whole code-evaluation surface: eval/exec/compile, builtins, dynamic imports, the code module.
import ast
import builtins
import code
import importlib
import json
from importlib import import_module

from flask import Flask, request

app = Flask(__name__)
PLUGINS = ("csv_export", "json_export")


@app.route("/eval", methods=["POST"])
def evaluate():
    src = request.form["code"]
    # ruleid: py.code-injection.eval
    eval(src, {"__builtins__": {}})
    # ruleid: py.code-injection.eval
    exec(compile(src, "<input>", "exec"))
    # ruleid: py.code-injection.eval
    compile("x = " + src, "<input>", "single")
    # ruleid: py.code-injection.eval
    builtins.eval(src)
    # ruleid: py.code-injection.eval
    builtins.exec(src)
    # ruleid: py.code-injection.eval
    exec(f"result = {src}", {}, {})
    # ruleid: py.code-injection.eval
    eval("lambda: " + request.args["expr"])
    # ruleid: py.code-injection.eval
    __import__(request.args["module"])
    # ruleid: py.code-injection.eval
    importlib.import_module("plugins." + request.args["plugin"])
    # ruleid: py.code-injection.eval
    import_module(request.form["handler"])
    # ruleid: py.code-injection.eval
    code.InteractiveInterpreter().runsource(src)
    # ruleid: py.code-injection.eval
    code.InteractiveConsole().push(src)
    data = request.get_json()
    # ruleid: py.code-injection.eval
    eval(data["formula"])
    # ruleid: py.code-injection.eval
    exec(request.get_data(as_text=True))
    # ruleid: py.code-injection.eval
    eval(request.headers.get("X-Expr", "0"))
    return "ok"


# ---- negatives: literal parsing, constant code, allow-listed modules, data not code ----
@app.route("/eval-ok", methods=["POST"])
def evaluate_ok():
    src = request.form["code"]
    # ok: py.code-injection.eval
    value = ast.literal_eval(src)
    # ok: py.code-injection.eval
    doc = json.loads(src)
    # ok: py.code-injection.eval
    eval("1 + 1")
    # ok: py.code-injection.eval
    exec("import math", {"x": src})
    # ok: py.code-injection.eval
    eval("x * 2", {"x": int(src)})
    # ok: py.code-injection.eval
    compile("pass", "<input>", "exec")
    # ok: py.code-injection.eval
    importlib.import_module("json")
    # ok: py.code-injection.eval
    __import__("os")
    name = request.args["plugin"]
    if name in PLUGINS:
        # ok: py.code-injection.eval
        importlib.import_module("plugins." + name)
    # ok: py.code-injection.eval
    import_module("plugins.default")
    # ok: py.code-injection.eval
    code.InteractiveInterpreter().runsource("print(1)")
    # ok: py.code-injection.eval
    eval(str(len(src)))
    # ok: py.code-injection.eval
    builtins.print(src)
    # ok: py.code-injection.eval
    exec("result = data", {"data": src})
    # ok: py.code-injection.eval
    eval(compile("2 + 2", "<c>", "eval"))
    # The parsed input goes back to the browser as text/html.
    # ruleid: py.xss.html-response
    return str(value) + str(doc)
