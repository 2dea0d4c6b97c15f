# Keyword arguments reach the parameter of their name, not the one at their position (Python's call semantics):
# `helper(db=session, name=value)` passes `value` to `name` whatever order the parameters are declared in.
import subprocess

from flask import Flask, request

app = Flask(__name__)


def run_for(user_email, db=None):
    # ok: py.cmdi.subprocess-shell
    # ruleid: py.cmdi.library-input-shell
    subprocess.run("notify " + user_email, shell=True)


def run_named(db=None, user_email=""):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("notify " + user_email, shell=True)


def keyword_only(*, cmd, target):
    # ok: py.cmdi.subprocess-shell
    subprocess.run(cmd, shell=True)


def keyword_only_used(*, target, cmd):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(cmd, shell=True)


def collects(**options):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(options["cmd"], shell=True)


def positional_then_keyword(cmd, shell_name="sh"):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(cmd, shell=True)


def unknown_keyword(cmd):
    # ok: py.cmdi.subprocess-shell
    subprocess.run(cmd, shell=True)


class Jobs:
    def start(self, db, cmd):
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run(cmd, shell=True)

    def stop(self, cmd, db):
        # ok: py.cmdi.subprocess-shell
        subprocess.run(cmd, shell=True)

    def handle(self):
        self.start(db=request.args["db"], cmd=request.args["cmd"])
        self.stop(db=request.args["db"], cmd="pkill job")


@app.route("/run")
def run():
    # The tainted value is first by position but named `db`.
    run_for(db=request.args["db"], user_email="admin@example.com")
    run_named(db=None, user_email=request.args["email"])
    keyword_only(target=request.args["target"], cmd="ls")
    keyword_only_used(target="x", cmd=request.args["cmd"])
    collects(cmd=request.args["cmd"])
    positional_then_keyword(request.args["cmd"], shell_name="bash")
    # Not a parameter and no **kwargs: a TypeError at run time, nothing reaches the sink.
    unknown_keyword("ls", timeout=request.args["t"])
    Jobs().handle()
    return "ok"
