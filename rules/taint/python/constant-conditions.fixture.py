import os
import subprocess

from flask import Flask, request

app = Flask(__name__)

DEBUG_SHELL = False
MODE = "safe"
LIMIT = 10


@app.route("/a")
def literal_false():
    cmd = "ls"
    if False:
        cmd = request.args["c"]
    # ok: py.cmdi.subprocess-shell
    subprocess.run(cmd, shell=True)


@app.route("/b")
def literal_comparison():
    cmd = "ls"
    if 1 > 2:
        cmd = request.args["c"]
    # ok: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/c")
def folded_local():
    x = 86
    cmd = "ls"
    if x * 2 > 200:
        cmd = request.args["c"]
    # ok: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/d")
def module_constant():
    cmd = "ls"
    if DEBUG_SHELL:
        cmd = request.args["c"]
    # ok: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/e")
def module_string_constant():
    cmd = "ls"
    if MODE == "debug":
        cmd = request.args["c"]
    # ok: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/f")
def ternary_taken_side():
    cmd = request.args["c"] if LIMIT < 5 else "ls"
    # ok: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/g")
def while_false():
    cmd = "ls"
    while False:
        cmd = request.args["c"]
    # ok: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/h")
def else_of_true():
    cmd = "ls"
    if 3 == 3:
        pass
    else:
        cmd = request.args["c"]
    # ok: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/i")
def after_return():
    return "done"
    # ok: py.cmdi.subprocess-shell
    os.system(request.args["c"])


@app.route("/j")
def not_and_or():
    cmd = "ls"
    if not True or (LIMIT > 100 and "a" == "a"):
        cmd = request.args["c"]
    # ok: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/k")
def elif_constant():
    cmd = "ls"
    if LIMIT == 10:
        pass
    elif request.args.get("x"):
        cmd = request.args["c"]
    # ok: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/r1")
def literal_true():
    cmd = "ls"
    if True:
        cmd = request.args["c"]
    # ruleid: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/r2")
def folded_true():
    x = 86
    cmd = "ls"
    if x * 3 > 200:
        cmd = request.args["c"]
    # ruleid: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/r3")
def reassigned_not_constant():
    x = 86
    if request.args.get("big"):
        x = 500
    cmd = "ls"
    if x > 200:
        cmd = request.args["c"]
    # ruleid: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/r4")
def ternary_other_side():
    cmd = request.args["c"] if LIMIT > 5 else "ls"
    # ruleid: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/r5")
def unknown_condition():
    cmd = "ls"
    if len(request.args) > 2:
        cmd = request.args["c"]
    # ruleid: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/r6")
def while_true_breaks():
    cmd = "ls"
    while True:
        cmd = request.args["c"]
        break
    # ruleid: py.cmdi.subprocess-shell
    os.system(cmd)


@app.route("/r7")
def module_constant_true():
    cmd = "ls"
    if MODE == "safe":
        cmd = request.args["c"]
    # ruleid: py.cmdi.subprocess-shell
    os.system(cmd)
