# Allowed hosts kept in configuration (a settings object, a config module's constant), and a pathlib name's final
# component joined under a folder.
from pathlib import Path
from urllib.parse import urlparse

import httpx
import requests
from fastapi import FastAPI

import config
from settings import settings

api = FastAPI()
UPLOADS = Path("/srv/uploads")


@api.get("/partner-image")
async def partner_image(url: str):
    parsed = urlparse(url)
    if parsed.scheme != "https" or parsed.hostname not in settings.allowed_fetch_hosts:
        raise ValueError("host not allowed")
    async with httpx.AsyncClient() as client:
        # ok: py.ssrf.http-client
        return (await client.get(parsed.geturl())).content


@api.get("/webhook")
def webhook(url: str):
    parsed = urlparse(url)
    if parsed.hostname in config.WEBHOOK_HOSTS:
        # ok: py.ssrf.http-client
        return requests.post(parsed.geturl(), timeout=5).status_code
    # ruleid: py.ssrf.http-client
    return requests.post(url, timeout=5).status_code


@api.get("/mirror")
def mirror(url: str, hosts: str):
    parsed = urlparse(url)
    # The caller's own list is no allow-list.
    if parsed.hostname in hosts.split(","):
        # ruleid: py.ssrf.http-client
        return requests.get(parsed.geturl(), timeout=5).status_code
    return 400


@api.post("/upload")
def upload(name: str, data: bytes):
    # ok: py.path-traversal.open
    (UPLOADS / Path(name).name).write_bytes(data)
    # ruleid: py.path-traversal.open
    (UPLOADS / Path(name)).write_bytes(data)
