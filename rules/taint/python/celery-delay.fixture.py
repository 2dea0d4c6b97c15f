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


# A bound task (bind=True) is given the task itself first: the caller's arguments start at the second parameter.
@celery.task(bind=True, max_retries=3)
def deliver(self, job_id, callback_url=None):
    # ok: py.ssrf.http-client
    requests.post(f"https://jobs.internal.example/{int(job_id)}/done", timeout=5)
    if callback_url:
        # ruleid: py.ssrf.http-client
        requests.post(callback_url, json={"job": job_id}, timeout=5)


@app.post("/jobs")
def queue_job():
    deliver.delay(42, request.form.get("callback"))
    return "", 202
