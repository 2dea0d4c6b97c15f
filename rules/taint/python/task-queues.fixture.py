# Work handed to a queue runs later with the arguments the view passed: a Dramatiq actor's send(...), an RQ queue's
# enqueue(f, ...), a FastAPI/Starlette background task's add_task(f, ...).
import os
import subprocess

import dramatiq
import requests
from fastapi import BackgroundTasks, FastAPI
from flask import Flask, request
from redis import Redis
from rq import Queue

app = Flask(__name__)
api = FastAPI()
queue = Queue(connection=Redis())


@dramatiq.actor
def fetch(url):
    # ruleid: py.ssrf.http-client
    return requests.get(url, timeout=5).text


@dramatiq.actor
def fetch_status(job_id):
    # ok: py.ssrf.http-client
    return requests.get("https://status.example.net/" + str(int(job_id)), timeout=5).text


def build(name):
    # ruleid: py.path-traversal.open
    with open(os.path.join("/srv/reports", name), "w") as fh:
        fh.write("")


def compress(path):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("gzip " + path, shell=True)


def compress_fixed(path):
    # ok: py.cmdi.subprocess-shell
    subprocess.run("gzip /srv/reports/daily.csv", shell=True)


@app.post("/fetch")
def queue_fetch():
    fetch.send(request.form["url"])
    fetch_status.send(request.form["id"])
    queue.enqueue(build, request.form["name"])
    return "", 202


@api.post("/compress")
async def compress_later(path: str, tasks: BackgroundTasks):
    tasks.add_task(compress, path)
    tasks.add_task(compress_fixed, path)
    return {"ok": True}
