# An HTTP client its class's constructor keeps in a field (`self._client = httpx.AsyncClient(...)`), called by any name.
import httpx
import requests
from fastapi import FastAPI

app = FastAPI()


class RenderClient:
    def __init__(self, base_url: str):
        self._client = httpx.AsyncClient(timeout=10, follow_redirects=False)
        self._store = {}
        self.base_url = base_url

    async def fetch_source(self, url: str) -> str:
        # ruleid: py.ssrf.http-client
        resp = await self._client.get(url)
        return resp.text

    def cached(self, key: str):
        # A dict's get is no request.
        # ok: py.ssrf.http-client
        return self._store.get(key)


class Mirror:
    def __init__(self):
        self.web = requests.Session()

    def pull(self, url):
        # ruleid: py.ssrf.http-client
        return self.web.get(url, timeout=5).content


client = RenderClient("http://render.internal")
mirror = Mirror()


@app.get("/fetch")
async def fetch(url: str):
    mirror.pull(url)
    client.cached(url)
    return await client.fetch_source(url)
