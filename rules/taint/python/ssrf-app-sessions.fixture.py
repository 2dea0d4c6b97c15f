# An HTTP session kept on the aiohttp application (`app["client_session"]`, an `AppKey`) or on the object
# (`self.session`, made in `__init__`): the same client as a local `session`.
import aiohttp
import requests
from aiohttp import web

SESSION_KEY = web.AppKey("client_session", aiohttp.ClientSession)


async def fetch_preview(request: web.Request) -> web.Response:
    url = request.query["url"]
    # ruleid: py.ssrf.http-client
    async with request.app["client_session"].get(url) as resp:
        return web.Response(text=await resp.text())


async def fetch_keyed(request: web.Request) -> web.Response:
    target = (await request.json())["target"]
    # ruleid: py.ssrf.http-client
    async with request.app[SESSION_KEY].post(target, json={}) as resp:
        return web.json_response({"status": resp.status})


async def fetch_config_dict(request: web.Request) -> web.Response:
    # ruleid: py.ssrf.http-client
    async with request.config_dict["http_session"].get(request.query["u"]) as resp:
        return web.Response(body=await resp.read())


class Fetcher(web.View):
    def __init__(self, request):
        super().__init__(request)
        self.session = requests.Session()
        self._http = requests.Session()

    async def get(self):
        # ruleid: py.ssrf.http-client
        return web.Response(text=self.session.get(self.request.query["url"], timeout=5).text)

    async def post(self):
        data = await self.request.post()
        # ruleid: py.ssrf.http-client
        return web.Response(text=self._http.get(data["url"], timeout=5).text)


# ---- negatives ----


async def fixed_target(request: web.Request) -> web.Response:
    name = request.query["name"]
    # ok: py.ssrf.http-client
    async with request.app["client_session"].get("https://api.example.com/users", params={"q": name}) as resp:
        return web.json_response(await resp.json())


async def app_cache(request: web.Request) -> web.Response:
    # A dict kept on the app, read by key: no client.
    # ok: py.ssrf.http-client
    value = request.app["settings"].get(request.query["key"])
    return web.json_response({"value": value})


class Store(web.View):
    def __init__(self, request):
        super().__init__(request)
        self.cache = {}

    async def get(self):
        # ok: py.ssrf.http-client
        return web.json_response({"v": self.cache.get(self.request.query["k"])})
