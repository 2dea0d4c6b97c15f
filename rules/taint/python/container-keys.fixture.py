import os
import random

from flask import Flask, request

app = Flask(__name__)


@app.route("/1")
def dict_literal_other_key():
    m = {"cmd": request.args["c"], "safe": "ls"}
    # ok: py.cmdi.subprocess-shell
    os.system(m["safe"])


@app.route("/2")
def dict_written_keys():
    m = {}
    m["user"] = request.args["u"]
    m["tool"] = "uptime"
    # ok: py.cmdi.subprocess-shell
    os.system(m["tool"])


@app.route("/3")
def list_literal_index():
    parts = ["ls", request.args["d"]]
    # ok: py.cmdi.subprocess-shell
    os.system(parts[0])


@app.route("/4")
def tuple_literal_index():
    pair = ("df -h", request.args["d"])
    # ok: py.cmdi.subprocess-shell
    os.system(pair[0])


@app.route("/5")
def overwritten_key():
    m = {"cmd": request.args["c"]}
    m["cmd"] = "ls"
    # ok: py.cmdi.subprocess-shell
    os.system(m["cmd"])


@app.route("/6")
def index_written():
    parts = ["ls", "-l"]
    parts[1] = request.args["d"]
    # ok: py.cmdi.subprocess-shell
    os.system(parts[0])


@app.route("/7")
def nested_literal():
    conf = {"run": "uptime", "who": request.args["w"]}
    # ok: py.cmdi.subprocess-shell
    os.system("nice " + conf["run"])


@app.route("/8")
def append_keeps_index():
    parts = ["ls"]
    parts.append(request.args["d"])
    # ok: py.cmdi.subprocess-shell
    os.system(parts[0])


@app.route("/r1")
def dict_literal_same_key():
    m = {"cmd": request.args["c"], "safe": "ls"}
    # ruleid: py.cmdi.subprocess-shell
    os.system(m["cmd"])


@app.route("/r2")
def list_literal_tainted_index():
    parts = ["ls", request.args["d"]]
    # ruleid: py.cmdi.subprocess-shell
    os.system(parts[1])


@app.route("/r3")
def unknown_key():
    m = {"cmd": request.args["c"], "safe": "ls"}
    k = request.args.get("k", "safe")
    # ruleid: py.cmdi.subprocess-shell
    os.system(m[k])


@app.route("/r4")
def pop_shifts():
    parts = ["ls", request.args["d"]]
    parts.pop(0)
    # ruleid: py.cmdi.subprocess-shell
    os.system(parts[0])


@app.route("/r5")
def unknown_index_write():
    parts = ["ls", "-l"]
    parts[random.randint(0, 1)] = request.args["d"]
    # ruleid: py.cmdi.subprocess-shell
    os.system(parts[0])


@app.route("/r6")
def whole_container():
    parts = ["ls", request.args["d"]]
    # ruleid: py.cmdi.subprocess-shell
    os.system(" ".join(parts))


@app.route("/r7")
def passed_on():
    parts = ["ls", request.args["d"]]
    random.shuffle(parts)
    # ruleid: py.cmdi.subprocess-shell
    os.system(parts[0])


@app.route("/literal-items")
def literal_items():
    m = {"ls": request.args["d"], "df": "-h"}
    for k, v in m.items():
        # The keys are the literal's own.
        # ok: py.cmdi.subprocess-shell
        os.system(k)
        # ruleid: py.cmdi.subprocess-shell
        os.system("echo " + v)
    for k, v in request.args.items():
        # ruleid: py.cmdi.subprocess-shell
        os.system(k)
