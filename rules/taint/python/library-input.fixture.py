"""A package module's public API (Python docs: subprocess, os, shlex, asyncio): its callers are out of sight."""
import asyncio
import os
import re
import shlex
import subprocess
from subprocess import check_output


def convert(src, fmt="png"):
    # ruleid: py.cmdi.library-input-shell
    os.system("convert %s out.%s" % (src, fmt))


def thumbnail(src, size):
    # ruleid: py.cmdi.library-input-shell
    return subprocess.check_output(f"convert {src} -resize {size} thumb.png", shell=True)


def git_log(repo, options):
    fmt = options.get("format", "%H")
    # ruleid: py.cmdi.library-input-shell
    return subprocess.run("git -C {} log --format={}".format(repo, fmt), shell=True, capture_output=True)


def archive(folder, name):
    cmd = " ".join(["tar", "czf", name + ".tgz", folder])
    # ruleid: py.cmdi.library-input-shell
    return os.popen(cmd).read()


def disk_usage(path):
    cmd = "du -sh"
    cmd += " " + path
    # ruleid: py.cmdi.library-input-shell
    return subprocess.getoutput(cmd)


def _shell(line):
    # ruleid: py.cmdi.library-input-shell
    return check_output(line, shell=True)


def checkout(branch):
    return _shell("git checkout " + branch)


async def ping(host):
    # ruleid: py.cmdi.library-input-shell
    proc = await asyncio.create_subprocess_shell("ping -c 1 " + host)
    return await proc.wait()


def grep(pattern, path):
    # ruleid: py.cmdi.library-input-shell
    return subprocess.call(["/bin/sh", "-c", "grep " + pattern + " " + path])


class Repo:
    def __init__(self, path):
        self.path = path

    def tag(self, name):
        # ruleid: py.cmdi.library-input-shell
        return subprocess.check_call("git tag " + name, shell=True)

    def _raw(self, name):
        # ok: py.cmdi.library-input-shell
        return subprocess.check_call("git tag " + name, shell=True)

    def count(self, limit: int):
        # ok: py.cmdi.library-input-shell
        return subprocess.check_output("git log -n %d" % limit, shell=True)


def run(cmd):
    # The parameter is run whole: running a command is this function's documented purpose.
    # ok: py.cmdi.library-input-shell
    return subprocess.run(cmd, shell=True)


def run_args(prog, args):
    # Program and arguments joined with blanks only: the caller hands over a command line.
    # ok: py.cmdi.library-input-shell
    return os.system(prog + " " + args)


def quoted(path):
    # ok: py.cmdi.library-input-shell
    return os.system("wc -l " + shlex.quote(path))


def kill(pid):
    # ok: py.cmdi.library-input-shell
    return os.system("kill -9 " + str(int(pid)))


def checked(branch):
    if not re.fullmatch(r"[\w./-]+", branch):
        raise ValueError("bad branch name")
    # ok: py.cmdi.library-input-shell
    return os.system("git checkout " + branch)


def listing(folder):
    # ok: py.cmdi.library-input-shell
    return subprocess.run(["ls", "-la", folder], check=True)


def listing_no_shell(folder):
    # ok: py.cmdi.library-input-shell
    return subprocess.run("ls -la " + folder, shell=False)


def chosen(mode):
    if mode not in ("fast", "slow"):
        return None
    # ok: py.cmdi.library-input-shell
    return os.system("run --mode " + mode)


def _private(x):
    # ok: py.cmdi.library-input-shell
    return os.system("echo " + x)


def getter(name):
    # ruleid: py.code-injection.library-input
    return eval("lambda obj: obj." + name)


def define(name, body):
    # ruleid: py.code-injection.library-input
    exec(f"def {name}():\n    return {body}")


def evaluate(expr):
    # ok: py.code-injection.library-input
    return eval(expr)


def field(obj, name):
    # ok: py.code-injection.library-input
    return eval(compile("obj.x", "<field>", "eval"))
