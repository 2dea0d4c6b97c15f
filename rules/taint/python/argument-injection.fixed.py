import asyncio
import re
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/clone", methods=["POST"])
def clone():
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["git", "clone", "--", request.form["repo"], "/srv/repos/x"], check=True)
    return "ok"


@app.route("/remote")
def remote():
    repo = request.args.get("repo")
    cmd = ["git", "ls-remote", "--heads", repo]
    # The argument list held in a variable.
    # ruleid: py.cmdi.argument-injection
    out = subprocess.check_output(cmd)
    return out


@app.route("/fetch")
def fetch():
    # ruleid: py.cmdi.argument-injection
    subprocess.call(["/usr/bin/curl", "-s", request.args["u"]])
    # ruleid: py.cmdi.argument-injection
    subprocess.Popen(["ssh", request.args["host"], "uptime"])
    return "ok"


@app.route("/backup")
async def backup():
    # ruleid: py.cmdi.argument-injection
    await asyncio.create_subprocess_exec("rsync", "-a", request.args["src"], "/backup")
    return "ok"


# ---- negatives ----
@app.route("/backup-safe")
async def backup_safe():
    # ok: py.cmdi.argument-injection
    await asyncio.create_subprocess_exec("rsync", "-a", "--", request.args["src"], "/backup")
    return "ok"


@app.route("/clone-safe", methods=["POST"])
def clone_safe():
    # "--" ends the options: the URL is an operand whatever it starts with.
    # ok: py.cmdi.argument-injection
    subprocess.run(["git", "clone", "--", request.form["repo"], "/srv/repos/x"], check=True)
    return "ok"


@app.route("/clone-checked", methods=["POST"])
def clone_checked():
    repo = request.form["repo"]
    if repo.startswith("-"):
        return "bad", 400
    # ok: py.cmdi.argument-injection
    subprocess.run(["git", "clone", repo, "/srv/repos/x"], check=True)
    return "ok"


@app.route("/clone-regex", methods=["POST"])
def clone_regex():
    repo = request.form["repo"]
    if not re.match(r"^https://", repo):
        return "bad", 400
    # ok: py.cmdi.argument-injection
    subprocess.run(["git", "clone", repo, "/srv/repos/x"], check=True)
    return "ok"


@app.route("/show")
def show():
    # A prefix that is no dash, and a known option's value.
    # ok: py.cmdi.argument-injection
    subprocess.run(["git", "show", "refs/heads/" + request.args["branch"]])
    # ok: py.cmdi.argument-injection
    subprocess.run(["git", "log", "--author=" + request.args["who"]])
    # An f-string's constant prefix: a known option's value.
    # ok: py.cmdi.argument-injection
    subprocess.run(["git", "log", f"--author={request.args['who']}"])
    # A program without dangerous options.
    # ok: py.cmdi.argument-injection
    subprocess.run(["echo", request.args["msg"]])
    # ok: py.cmdi.argument-injection
    subprocess.run(["git", "log", "-n", str(int(request.args["n"]))])
    return "ok"


def run_git(args):
    return subprocess.run(args, check=True, capture_output=True).stdout


GIT = "/usr/bin/git"


@app.route("/mirror", methods=["POST"])
def mirror():
    # A project's own runner given the list (not read: a sink with no word of its own would run the rule's pass
    # in every file), and the program held in a constant named for git.
    # todoruleid: py.cmdi.argument-injection
    run_git(["git", "clone", "--mirror", request.form["url"]])
    # ruleid: py.cmdi.argument-injection
    subprocess.run([GIT, "fetch", "--", request.form["remote"]])
    # "--" added to a shared prefix.
    # ok: py.cmdi.argument-injection
    subprocess.run([GIT, "-c", "color.ui=false"] + ["fetch", "--", request.form["remote"]])
    # A list that is no command line.
    # ok: py.cmdi.argument-injection
    sorted(["git", request.form["remote"]])
    return "ok"
