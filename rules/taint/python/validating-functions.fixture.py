import os
import re

from flask import Flask, abort, request

app = Flask(__name__)
ALLOWED_HOSTS = {"alpha", "beta"}


def require_name(value):
    if not re.fullmatch(r"[a-z]+", value):
        raise ValueError("bad name")


def require_digits(value):
    if not value.isdigit():
        raise ValueError("not a number")
    return value


def require_known(host):
    if host not in ALLOWED_HOSTS:
        abort(400)


def require_mode(mode):
    if mode != "fast" and mode != "slow":
        raise ValueError(mode)


class Checker:
    def check(self, value):
        if not re.fullmatch(r"\w+", value):
            raise ValueError(value)


def only_logs(value):
    if not re.fullmatch(r"[a-z]+", value):
        print("suspicious", value)


def early_return(value):
    if not value.isdigit():
        return False
    return True


def rebinds(value):
    value = value.strip()
    if not value.isdigit():
        raise ValueError(value)


def substring_only(value):
    if "safe" not in value:
        raise ValueError(value)


def one_path(value, strict):
    if strict:
        if not value.isdigit():
            raise ValueError(value)


@app.route("/1")
def v1():
    name = request.args["n"]
    require_name(name)
    # ok: py.cmdi.subprocess-shell
    os.system("echo " + name)


@app.route("/2")
def v2():
    n = request.args["n"]
    require_digits(n)
    # ok: py.cmdi.subprocess-shell
    os.system("sleep " + n)


@app.route("/3")
def v3():
    host = request.args["h"]
    require_known(host)
    # ok: py.cmdi.subprocess-shell
    os.system("ping " + host)


@app.route("/4")
def v4():
    mode = request.args["m"]
    require_mode(mode=mode)
    # ok: py.cmdi.subprocess-shell
    os.system("run --" + mode)


@app.route("/5")
def v5():
    v = request.args["v"]
    Checker().check(v)
    # ok: py.cmdi.subprocess-shell
    os.system("echo " + v)


@app.route("/6")
def v6():
    v = request.args["v"]
    assert re.fullmatch(r"[a-z]+", v)
    # ok: py.cmdi.subprocess-shell
    os.system("echo " + v)


@app.route("/7")
def v7():
    args = request.args
    require_name(args["n"])
    # ok: py.cmdi.subprocess-shell
    os.system("echo " + args["n"])


@app.route("/8")
def v8():
    n = require_digits(request.args["n"])
    # ok: py.cmdi.subprocess-shell
    os.system("sleep " + n)


@app.route("/9")
def v9():
    name = request.args["n"]
    require_name(name)
    require_digits(name)
    # ok: py.cmdi.subprocess-shell
    os.system("echo " + name)


@app.route("/r1")
def r1():
    v = request.args["v"]
    only_logs(v)
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + v)


@app.route("/r2")
def r2():
    v = request.args["v"]
    early_return(v)
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + v)


@app.route("/r3")
def r3():
    v = request.args["v"]
    rebinds(v)
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + v)


@app.route("/r4")
def r4():
    v = request.args["v"]
    substring_only(v)
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + v)


@app.route("/r5")
def r5():
    v = request.args["v"]
    one_path(v, request.args.get("strict"))
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + v)


@app.route("/r6")
def r6():
    v = request.args["v"]
    w = request.args["w"]
    require_name(v)
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + w)


@app.route("/r7")
def r7():
    v = request.args["v"]
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + v)
    require_name(v)


# A check called in one branch of a conditional expression holds in that branch only.
def checked_name(value):
    require_name(value)
    return value


@app.route("/r8")
def r8():
    v = request.args["v"]
    label = checked_name(v) if request.args.get("strict") else "any"
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + v + label)


@app.route("/r9")
def r9():
    v = request.args["v"]
    # ruleid: py.cmdi.subprocess-shell
    out = checked_name(v) if request.args.get("strict") else os.system("echo " + v)
    return str(out)


@app.route("/r10")
def r10():
    v = request.args["v"]
    label = checked_name(v) if request.args.get("strict") else require_name(v)
    # ok: py.cmdi.subprocess-shell
    os.system("echo " + v + label)
