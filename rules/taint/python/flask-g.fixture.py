# Flask's `g` holds values for the length of one request (https://flask.palletsprojects.com/en/stable/api/#flask.g):
# what a `before_request` hook stores there from the request is input where a view reads it.
import subprocess

from flask import Flask, g, request

app = Flask(__name__)


@app.before_request
def load_options():
    g.codec = request.args.get("codec", "")
    g.limit = 10


@app.route("/probe")
def probe():
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("ffprobe -codec " + g.codec, shell=True)
    # ok: py.cmdi.subprocess-shell
    subprocess.run("ffprobe -limit " + str(g.limit), shell=True)
    return "ok"
