"""More forms of a package's public API building shell commands and code (Python docs: subprocess, os, shlex)."""
import os
import pipes
import shlex
import subprocess


def _build(url):
    return "svn checkout " + url


def checkout(url):
    # ruleid: py.cmdi.library-input-shell
    return os.system(_build(url))


def zip_folder(name, folder):
    cmd = "zip -r %(name)s.zip %(folder)s" % {"name": name, "folder": folder}
    # ruleid: py.cmdi.library-input-shell
    return subprocess.call(cmd, shell=True)


def transcode(options):
    out = options["output"]
    # ruleid: py.cmdi.library-input-shell
    subprocess.Popen("ffmpeg -i input.mp4 " + out, shell=True)


def mount(device, where, *, readonly=False):
    flags = "-o ro" if readonly else ""
    # ruleid: py.cmdi.library-input-shell
    return subprocess.getstatusoutput("mount %s %s %s" % (flags, device, where))


class Hg:
    @staticmethod
    def clone(url, dest):
        # ruleid: py.cmdi.library-input-shell
        return os.system("hg clone " + url + " " + dest)

    @classmethod
    def pull(cls, source):
        # ruleid: py.cmdi.library-input-shell
        return os.popen("hg pull " + source).read()

    def __call__(self, rev):
        # ruleid: py.cmdi.library-input-shell
        return subprocess.check_output("hg update -r " + rev, shell=True)


def compile_rule(expr):
    # ruleid: py.code-injection.library-input
    return compile("result = (" + expr + ")", "<rule>", "exec")


def joined(args):
    # ok: py.cmdi.library-input-shell
    return subprocess.check_output(shlex.join(["git", "log"] + args), shell=True)


def old_quote(path):
    # ok: py.cmdi.library-input-shell
    return os.system("cat " + pipes.quote(path))


def scaled(factor):
    # ok: py.cmdi.library-input-shell
    return os.system("xrandr --scale " + str(float(factor)))


def not_a_shell(url):
    # ok: py.cmdi.library-input-shell
    return subprocess.check_output(["svn", "checkout", url])


def _hidden(url):
    # ok: py.cmdi.library-input-shell
    return os.system("svn checkout " + url)


class _Internal:
    def run(self, line):
        # ok: py.cmdi.library-input-shell
        return os.system("sh -c " + line)


def whole(line):
    # ok: py.cmdi.library-input-shell
    return os.popen(line).read()
