import asyncio
import os
import re
import subprocess

from flask import Flask, request

app = Flask(__name__)


@app.route("/clone", methods=["POST"])
def clone():
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["git", "clone", request.form["repo"], "/srv/repos/x"], check=True)
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
    subprocess.run([GIT, "fetch", request.form["remote"]])
    # "--" added to a shared prefix.
    # ok: py.cmdi.argument-injection
    subprocess.run([GIT, "-c", "color.ui=false"] + ["fetch", "--", request.form["remote"]])
    # A list that is no command line.
    # ok: py.cmdi.argument-injection
    sorted(["git", request.form["remote"]])
    return "ok"


# ---- option values, operands and programs from their manuals ----
@app.route("/commit", methods=["POST"])
def commit():
    form = request.form
    # The value of -m (git-commit(1)) is never read as an option; a path after it is an operand.
    # ok: py.cmdi.argument-injection
    subprocess.run(["git", "commit", "-m", form["message"]], check=True)
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["git", "commit", "-m", "update", form["path"]], check=True)
    # -b's value (git-checkout(1)); the URL after clone's --depth value is an operand.
    # ok: py.cmdi.argument-injection
    subprocess.run(["git", "checkout", "-b", form["branch"]], check=True)
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["git", "clone", "--depth", form["depth"], form["url"]], check=True)
    # A word starting with a path, and `flag and "--short"` (False or the constant).
    # ok: py.cmdi.argument-injection
    subprocess.run(["git", "show", f"HEAD:{form['file']}"], check=True)
    # ok: py.cmdi.argument-injection
    subprocess.run(["git", "rev-parse", form.get("short") and "--short", "HEAD"], check=True)
    # git -c takes configuration (`core.sshCommand=...` runs a command).
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["git", "-c", form["config"], "status"], check=True)
    return "ok"


@app.route("/copy", methods=["POST"])
def copy():
    form = request.form
    # ssh -o takes a configuration line (`ProxyCommand=...`, ssh(1)); -l a login name.
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["ssh", "-o", form["option"], "build.example.com"], check=True)
    # ok: py.cmdi.argument-injection
    subprocess.run(["ssh", "-l", form["user"], "build.example.com", "uptime"], check=True)
    # scp's source is an operand (scp(1)); rsync -e takes the remote shell to run (rsync(1)).
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["scp", form["src"], "backup:/srv"], check=True)
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["rsync", "-a", "-e", form["shell"], "src/", "backup:/srv"], check=True)
    # ok: py.cmdi.argument-injection
    subprocess.run(["rsync", "-a", "--exclude", form["skip"], "src/", "backup:/srv"], check=True)
    return "ok"


@app.route("/pack", methods=["POST"])
def pack():
    form = request.form
    # tar's and zip's operands (`--checkpoint-action=exec=...`, `-TT=...`); tar -C takes the directory.
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["tar", "-czf", "/tmp/out.tgz", form["dir"]], check=True)
    # ok: py.cmdi.argument-injection
    subprocess.run(["tar", "-xzf", "/tmp/in.tgz", "-C", form["dir"]], check=True)
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["zip", "-r", form["name"], "dist"], check=True)
    # wget's URL operand; curl -A takes the user agent.
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["wget", "-q", form["url"]], check=True)
    # ok: py.cmdi.argument-injection
    subprocess.run(["curl", "-A", form["agent"], "https://example.com/feed"], check=True)
    # find's starting point starts its expression when it starts with "-" (`-exec`); -name takes a pattern.
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["find", form["dir"], "-type", "f"], check=True)
    # ok: py.cmdi.argument-injection
    subprocess.run(["find", "/srv/files", "-name", form["name"]], check=True)
    # hg pull's source (`--config=...`); hg commit -m's value.
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["hg", "pull", form["source"]], check=True)
    # ok: py.cmdi.argument-injection
    subprocess.run(["hg", "commit", "-m", form["message"]], check=True)
    # npm reads `--script-shell=/tmp/x` as an option: its lifecycle scripts then run that program.
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["npm", "install", form["package"]], check=True)
    # A list grown with append after its program-naming assignment.
    cmd = ["git", "add"]
    cmd.append(form["path"])
    # ruleid: py.cmdi.argument-injection
    subprocess.run(cmd, check=True)
    return "ok"


EXPORT_DIR = "/srv/exports"


@app.post("/sign")
def sign():
    form = request.form
    # A file path under a directory that is not input cannot start with "-".
    # ok: py.cmdi.argument-injection
    subprocess.run(["gpg", "--detach-sign", os.path.join(EXPORT_DIR, os.path.basename(form["file"]))], check=True)
    # ok: py.cmdi.argument-injection
    subprocess.run(["gpg", "--detach-sign", os.path.abspath(form["file"])], check=True)
    # "" is dropped by the join: "-x" stays "-x".
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["gpg", "--detach-sign", os.path.join("", form["file"])], check=True)
    # The directory itself is input.
    # ruleid: py.cmdi.argument-injection
    subprocess.run(["gpg", "--detach-sign", os.path.join(form["dir"], "out.sig")], check=True)
    return "ok"
