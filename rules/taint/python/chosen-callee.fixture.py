# A local bound once to one of two functions (`run = legacy if flag else safe`), then called or queued: either
# may run, so the call reaches the sinks of both (reported at the sink, with the call in the trace).
import subprocess

from celery import Celery
from flask import Flask, request

app = Flask(__name__)
celery_app = Celery("probe")


@celery_app.task
def _probe_legacy(name):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("ffprobe " + name, shell=True)


@celery_app.task
def _probe_safe(name):
    subprocess.run(["ffprobe", name], check=True)


def _convert_legacy(name):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("convert " + name + " out.png", shell=True)


def _stat_legacy(name):
    # The choice below never picks it.
    # ok: py.cmdi.subprocess-shell
    subprocess.run("stat " + name, shell=True)


@app.route("/probe")
def probe():
    task = _probe_legacy if request.args.get("legacy") else _probe_safe
    task.delay(request.args["name"])
    run = _convert_legacy if request.args.get("legacy") else print
    run(request.args["name"])
    quiet = _probe_safe if request.args.get("fast") else _probe_safe
    quiet.delay(request.args["name"])
    _stat_legacy("/var/data/index")
    return "ok"
