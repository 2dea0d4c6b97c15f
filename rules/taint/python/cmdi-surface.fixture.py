# The whole command-execution surface: the shell through os, subprocess (shell=True or a shell in argv),
# os.exec*/os.spawn* with a shell, asyncio, pty.
import asyncio
import os
import pty
import shlex
import subprocess
from subprocess import Popen, check_call

from flask import Flask, request

app = Flask(__name__)
SHELL = "/bin/sh"
GIT = "/usr/bin/git"


@app.route("/run", methods=["POST"])
async def run_command():
    cmd = request.form["cmd"]
    # ruleid: py.cmdi.subprocess-shell
    Popen(cmd, shell=True)
    # ruleid: py.cmdi.subprocess-shell
    check_call("tar xf " + cmd, shell=True, cwd="/tmp")
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(["bash", "-c", "echo " + cmd])
    # ruleid: py.cmdi.subprocess-shell
    subprocess.check_output(["/bin/sh", "-c", cmd], text=True)
    # ruleid: py.cmdi.subprocess-shell
    subprocess.getoutput("du -sh " + cmd)
    # ruleid: py.cmdi.subprocess-shell
    subprocess.getstatusoutput(f"ls {cmd}")
    # ruleid: py.cmdi.subprocess-shell
    os.popen("nslookup %s" % cmd).read()
    # ruleid: py.cmdi.subprocess-shell
    os.execl("/bin/sh", "sh", "-c", cmd)
    # ruleid: py.cmdi.subprocess-shell
    os.execvp("bash", ["bash", "-c", cmd])
    # ruleid: py.cmdi.subprocess-shell
    os.spawnl(os.P_WAIT, "/bin/sh", "sh", "-c", cmd)
    # ruleid: py.cmdi.subprocess-shell
    os.spawnv(os.P_NOWAIT, "/bin/bash", ["bash", "-c", cmd])
    # ruleid: py.cmdi.subprocess-shell
    await asyncio.create_subprocess_shell("ping -c 1 " + cmd)
    # ruleid: py.cmdi.subprocess-shell
    await asyncio.create_subprocess_exec("sh", "-c", cmd)
    # ruleid: py.cmdi.subprocess-shell
    pty.spawn(cmd)
    # ruleid: py.cmdi.subprocess-shell
    pty.spawn(["/bin/bash", "-c", cmd])
    # The shell named by a constant: its value is matched.
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run([SHELL, "-c", cmd])
    return "ok"


# ---- negatives: argument lists without a shell, quoting, constants, numbers ----
@app.route("/run-ok", methods=["POST"])
async def run_ok():
    cmd = request.form["cmd"]
    # No shell command, but the input is an option of the program when it starts with "-".
    # ok: py.cmdi.subprocess-shell
    # ruleid: py.cmdi.argument-injection
    Popen(["tar", "xf", cmd])
    # ok: py.cmdi.subprocess-shell
    check_call("tar xf " + shlex.quote(cmd), shell=True)
    # ok: py.cmdi.subprocess-shell
    subprocess.run(["bash", "./deploy.sh", cmd])
    # ok: py.cmdi.subprocess-shell
    subprocess.run(["sh", "-c", "ls /srv"])
    # ok: py.cmdi.subprocess-shell
    subprocess.run("ls " + cmd, shell=False)
    # ok: py.cmdi.subprocess-shell
    subprocess.check_output(["git", "log", "--", cmd])
    # No shell command, but the input is an option of the program when it starts with "-".
    # ok: py.cmdi.subprocess-shell
    # ruleid: py.cmdi.argument-injection
    subprocess.run([GIT, "-c", cmd])
    # ok: py.cmdi.subprocess-shell
    os.execvp("git", ["git", "show", cmd])
    # ok: py.cmdi.subprocess-shell
    os.spawnl(os.P_WAIT, "/usr/bin/convert", "convert", cmd, "out.png")
    # No shell command, but the input is an option of the program when it starts with "-".
    # ok: py.cmdi.subprocess-shell
    # ruleid: py.cmdi.argument-injection
    await asyncio.create_subprocess_exec("git", "log", cmd)
    # ok: py.cmdi.subprocess-shell
    await asyncio.create_subprocess_shell("uptime")
    # ok: py.cmdi.subprocess-shell
    pty.spawn(["/usr/bin/less", cmd])
    # ok: py.cmdi.subprocess-shell
    pty.spawn("/bin/bash")
    # ok: py.cmdi.subprocess-shell
    os.popen("sleep %d" % int(request.form["seconds"]))
    # ok: py.cmdi.subprocess-shell
    subprocess.getoutput("echo " + shlex.quote(cmd))
    # ok: py.cmdi.subprocess-shell
    os.system("uptime")
    return "ok"
