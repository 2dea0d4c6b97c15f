# A nested function's assignment makes its own local unless it says `nonlocal`: the enclosing function's variable
# keeps its value.
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/local")
def local_only():
    cmd = "uptime"

    def pick():
        cmd = request.args["cmd"]
        return cmd

    pick()
    # ok: py.cmdi.subprocess-shell
    subprocess.call(cmd, shell=True)
    return "ok"
