# A function run by a thread pool, a thread, an event loop's executor or a partial application still gets the
# arguments it is handed: the flow goes through the call that runs it.
import asyncio
import functools
import subprocess
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool

import requests
from flask import Flask, request

app = Flask(__name__)


def fetch(url):
    # ruleid: py.ssrf.http-client
    return requests.get(url, timeout=10).text


def fetch_fixed(url):
    # ok: py.ssrf.http-client
    return requests.get("https://status.example.com/health", params={"q": url}, timeout=10).text


def convert(name, fmt):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(f"convert {name} out.{fmt}", shell=True)


def archive(folder):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("tar czf backup.tgz " + folder, shell=True)


def compress(level, folder):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run(f"gzip -{level} {folder}", shell=True)


def report(folder):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("du -sh " + folder, shell=True)


def count(folder):
    # ok: py.cmdi.subprocess-shell
    subprocess.run(["du", "-sh", folder])


@app.route("/fetch")
def fetch_many():
    urls = request.args.getlist("url")
    with ThreadPoolExecutor(max_workers=4) as executor:
        futures = [executor.submit(fetch, u) for u in urls]
        executor.submit(fetch_fixed, urls[0])
    return "".join(f.result() for f in futures)


@app.route("/convert", methods=["POST"])
def convert_file():
    t = threading.Thread(target=convert, args=(request.form["name"], "png"))
    t.start()
    threading.Thread(target=count, args=(request.form["folder"],)).start()
    return "started"


@app.route("/archive", methods=["POST"])
async def archive_folder():
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, archive, request.form["folder"])
    await asyncio.to_thread(report, request.form["folder"])
    return "done"


@app.route("/compress", methods=["POST"])
def compress_folder():
    job = functools.partial(compress, 9)
    with Pool(2) as pool:
        pool.apply_async(job, (request.form["folder"],))
    return "queued"



# asgiref's sync_to_async(f) and Channels' database_sync_to_async(f) return a function that runs f with what it
# is called with.
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async


def lookup(term):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("grep -r " + term + " /srv/docs", shell=True)


def lookup_fixed(term):
    # ok: py.cmdi.subprocess-shell
    subprocess.run(["grep", "-r", "--", term, "/srv/docs"])


@app.route("/async-search")
async def async_search():
    await sync_to_async(lookup)(request.args["q"])
    await sync_to_async(lookup_fixed)(request.args["q"])
    await database_sync_to_async(lookup)(request.args["q"])
    return "ok"
