# Starlette's run_in_threadpool (FastAPI re-exports it) and AnyIO's to_thread.run_sync run a blocking function with
# the arguments they are handed: the flow goes through them.
import subprocess
import urllib.request

import anyio
from fastapi.concurrency import run_in_threadpool as fastapi_threadpool
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


def fetch(url):
    # ruleid: py.ssrf.http-client
    with urllib.request.urlopen(url, timeout=15) as resp:
        return resp.read(1024)


def fetch_mirror(path):
    # ok: py.ssrf.http-client
    with urllib.request.urlopen("https://downloads.example.org/index.json", timeout=15) as resp:
        return resp.read(1024)


def thumbnail(name):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("convert " + name + " -resize 64x64 thumb.png", shell=True)


def archive(folder):
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("tar czf backup.tgz " + folder, shell=True)


async def import_file(request: Request):
    body = await request.json()
    data = await run_in_threadpool(fetch, body["url"])
    await run_in_threadpool(fetch_mirror, body["path"])
    await fastapi_threadpool(thumbnail, body["name"])
    await anyio.to_thread.run_sync(archive, body["folder"])
    return JSONResponse({"size": len(data)})


app = Starlette(routes=[Route("/import", import_file, methods=["POST"])])
