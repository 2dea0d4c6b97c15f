# Tornado's HTTP clients fetch the URL they are given.
import tornado.web
from tornado.httpclient import AsyncHTTPClient, HTTPRequest

ALLOWED = {"https://status.example.com/health"}


class LinkCheckHandler(tornado.web.RequestHandler):
    async def get(self):
        url = self.get_argument("url")
        # ruleid: py.ssrf.http-client
        response = await AsyncHTTPClient().fetch(url, raise_error=False)
        # ruleid: py.ssrf.http-client
        req = HTTPRequest(url, method="HEAD")
        if url in ALLOWED:
            # ok: py.ssrf.http-client
            await AsyncHTTPClient().fetch(url)
        self.write({"code": response.code, "method": req.method})
