# Celery tasks queued with task.delay(...) run with the arguments the view passed.
import subprocess

import requests
from celery import Celery
from flask import Flask, request

app = Flask(__name__)
celery = Celery("jobs")


@celery.task
def fetch(url):
    # ruleid: py.ssrf.http-client
    return requests.get(url, timeout=5).text


@celery.task
def render(page_size):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(f"wkhtmltopdf --page-size {page_size} report.html out.pdf", shell=True)


@celery.task
def archive(report_id):
    # ok: py.cmdi.subprocess-shell
    subprocess.run(f"gzip -kf /var/lib/reports/{int(report_id)}.pdf", shell=True)


@app.post("/fetch")
def queue_fetch():
    fetch.delay(request.form["url"])
    render.delay(request.form.get("page_size", "A4"))
    archive.delay(request.form["id"])
    return "", 202


@app.post("/fetch-static")
def queue_static():
    fetch.delay("https://static.example.net/index.html")
    return "", 202
