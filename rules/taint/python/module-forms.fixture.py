# Every way code reaches a module's function. The rules name each sink once (`os.system`,
# `subprocess.run(..., shell=True)`, `eval`); the engine resolves each form below to that name.
import importlib
import os
import os as operating_system
import shlex
import subprocess as sp
from importlib import import_module
from os import popen
from os import system as run_shell
from subprocess import check_output as co

from flask import Flask, request

app = Flask(__name__)
shell = os.system
proc = importlib.import_module("subprocess")
osmod = __import__("os")


@app.route("/forms")
def forms():
    cmd = request.args["cmd"]
    # ruleid: py.cmdi.subprocess-shell
    os.system("ls " + cmd)
    # ruleid: py.cmdi.subprocess-shell
    operating_system.system("ls " + cmd)
    # ruleid: py.cmdi.subprocess-shell
    run_shell("ls " + cmd)
    # ruleid: py.cmdi.subprocess-shell
    popen("ls " + cmd)
    # ruleid: py.cmdi.subprocess-shell
    sp.call("ls " + cmd, shell=True)
    # ruleid: py.cmdi.subprocess-shell
    co("ls " + cmd, shell=True)
    # ruleid: py.cmdi.subprocess-shell
    importlib.import_module("os").system("ls " + cmd)
    # ruleid: py.cmdi.subprocess-shell
    import_module("subprocess").run("ls " + cmd, shell=True)
    # ruleid: py.cmdi.subprocess-shell
    __import__("os").popen("ls " + cmd)
    # ruleid: py.cmdi.subprocess-shell
    shell("ls " + cmd)
    # ruleid: py.cmdi.subprocess-shell
    proc.Popen("ls " + cmd, shell=True)
    # ruleid: py.cmdi.subprocess-shell
    osmod.system("ls " + cmd)
    local_os = importlib.import_module("os")
    # ruleid: py.cmdi.subprocess-shell
    local_os.system("ls " + cmd)
    return "ok"


class Box:
    def system(self, line):
        return line


# ---- negatives: same forms, safe arguments or not the module ----
@app.route("/forms-ok")
def forms_ok():
    cmd = request.args["cmd"]
    # ok: py.cmdi.subprocess-shell
    sp.run(["ls", cmd])
    # ok: py.cmdi.subprocess-shell
    co("ls " + shlex.quote(cmd), shell=True)
    # ok: py.cmdi.subprocess-shell
    run_shell("uptime")
    # ok: py.cmdi.subprocess-shell
    importlib.import_module("mytools").system("ls " + cmd)
    # ok: py.cmdi.subprocess-shell
    proc.run(["ls", cmd])
    # ok: py.cmdi.subprocess-shell
    Box().system("ls " + cmd)
    # ok: py.cmdi.subprocess-shell
    shell("ls " + str(int(cmd)))
    # ok: py.cmdi.subprocess-shell
    osmod.system("uptime")
    return "ok"
