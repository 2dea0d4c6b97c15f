import html
import os

import treq
from klein import Klein
from twisted.web.resource import Resource

app = Klein()
ROOT = os.path.realpath("/srv/files")


def arg(request, name, default=""):
    return request.args.get(name.encode(), [default.encode()])[0].decode("utf-8")


@app.route("/hello/<name>")
def hello(request, name):
    # ruleid: py.xss.html-response
    return "<p>Hello %s</p>" % name


@app.route("/safe/<name>")
def safe_hello(request, name):
    # ok: py.xss.html-response
    return "<p>Hello %s</p>" % html.escape(name)


@app.route("/done")
def done(request):
    # ruleid: py.open-redirect.redirect
    return request.redirect(arg(request, "next", "/").encode())


@app.route("/check", methods=["POST"])
async def check(request):
    # ruleid: py.ssrf.http-client
    resp = await treq.head(arg(request, "url"))
    return "status %d" % resp.code


class FileResource(Resource):
    isLeaf = True

    def render_GET(self, request):
        name = arg(request, "name")
        # ruleid: py.path-traversal.open
        with open(os.path.join(ROOT, name), "rb") as fh:
            data = fh.read()
        request.setHeader(b"content-type", b"text/plain; charset=utf-8")
        # ok: py.xss.html-response
        return data


class NoticeResource(Resource):
    isLeaf = True

    def render_GET(self, request):
        msg = request.args.get(b"msg", [b""])[0].decode()
        request.setHeader(b"content-type", b"text/html; charset=utf-8")
        # ruleid: py.xss.html-response
        return ("<p class='notice'>%s</p>" % msg).encode()

    def render_POST(self, request):
        # ruleid: py.open-redirect.redirect
        request.redirect(request.args[b"back"][0])
        request.finish()
        return b""
