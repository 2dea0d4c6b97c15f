import os
import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/ping")
def ping():
    host = request.args["host"]
    # ruleid: py.cmdi.subprocess-shell
    out = subprocess.check_output(["ping", "-c", "1", host])
    return out


@app.route("/convert", methods=["POST"])
def convert():
    name = request.form["name"]
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(["convert", name, "out.png"], check=True)
    # ruleid: py.cmdi.subprocess-shell
    os.system("rm -f /tmp/" + name)
    return "ok"


@app.route("/cleanup", methods=["POST"])
def cleanup():
    # Comprehension variables take the taint of what they iterate.
    # ruleid: py.cmdi.subprocess-shell
    codes = [os.system("rm -f /tmp/" + f) for f in request.form.getlist("files")]
    return str(codes)


def archive(folder):
    # ruleid: py.cmdi.subprocess-shell
    return subprocess.Popen(["tar", "czf", "/tmp/backup.tgz", folder])


@app.post("/archive")
def archive_view():
    archive(request.json["folder"])
    return "ok"


# ---- negatives ----
@app.route("/n1")
def n1():
    host = request.args["host"]
    # A list without a shell: the input is one argument.
    # ok: py.cmdi.subprocess-shell
    subprocess.run(["ping", "-c", "1", host], check=True)
    # ok: py.cmdi.subprocess-shell
    subprocess.run("ping -c 1 " + shlex.quote(host), shell=True)
    # ok: py.cmdi.subprocess-shell
    os.system("sleep " + str(int(request.args["seconds"])))
    # ok: py.cmdi.subprocess-shell
    os.system("uptime")
    return "ok"


# Not user input: set by the operator.
# ok: py.cmdi.subprocess-shell
os.system("backup " + os.environ["BACKUP_DIR"])


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.cmdi.subprocess-shell
    os.system("ls " + request.args["v"])


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.cmdi.subprocess-shell
        os.system("ls " + request.args["v"])
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.cmdi.subprocess-shell
        os.system("ls " + choice)
    # ok: py.cmdi.subprocess-shell
    os.system("ls " + os.environ["APP_SETTING"])
    return "ok"
