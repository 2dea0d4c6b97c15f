# re.sub(pattern, repl, string) returns the string with the pattern's matches replaced
# (https://docs.python.org/3/library/re.html#re.sub): whatever the pattern does not match is still the input, so a
# deny-list of characters removed is no cleaning. A pattern that is one negated class (`[^a-z0-9]`) or `\W`
# replaces every character outside an allow-list: what is left is that list's characters. Issue 15, held out 4.
import re
import subprocess
from re import sub

from flask import Flask, request

app = Flask(__name__)


@app.route("/generate/<name>")
def generate(name):
    # The deny-list misses `|`, backticks, `(`, `<` and line breaks.
    name = re.sub(r"[\!\@\#\$\;\&\*\~\"\'\{\}\]\[\-\+\%\^]+", "", name)
    # ruleid: py.cmdi.subprocess-shell
    subprocess.Popen("tool generate " + name, shell=True)


@app.route("/ping")
def ping():
    host = sub(r"\s+", " ", request.args["host"])
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(f"ping -c 1 {host}", shell=True)


@app.route("/slug")
def slug():
    name = re.sub(r"[^a-zA-Z0-9_]", "", request.args["name"])
    # ok: py.cmdi.subprocess-shell
    subprocess.run("tool make " + name, shell=True)


@app.route("/word")
def word():
    name = re.sub(r"\W+", "-", request.args["name"])
    # ok: py.cmdi.subprocess-shell
    subprocess.run("tool make " + name, shell=True)
