# An HTML escaper makes text safe between tags and inside a quoted attribute, but not as the start of a URL
# attribute's value: `javascript:alert(document.cookie)` has no character to escape, and a click runs it.
import html
from urllib.parse import quote

from flask import Flask, request
from markupsafe import escape

app = Flask(__name__)


@app.get("/share")
def share():
    link = request.args.get("link", "/")
    # ruleid: py.xss.html-response
    return f'<a class="share" href="{html.escape(link)}">Open</a>'


@app.get("/avatar")
def avatar():
    url = request.args.get("u", "")
    # ruleid: py.xss.html-response
    return '<img alt="" src="' + escape(url) + '">'


@app.get("/label")
def label():
    text = request.args.get("t", "")
    # ok: py.xss.html-response
    return f'<a href="/items" title="{html.escape(text)}">{html.escape(text)}</a>'


@app.get("/item")
def item():
    name = request.args.get("name", "")
    # A path under the site's own prefix: no scheme can start it.
    # ok: py.xss.html-response
    return f'<a href="/items/{html.escape(name)}">{html.escape(name)}</a>'


@app.get("/go")
def go():
    target = request.args.get("to", "")
    # Percent-encoded, the colon of a scheme is gone: a relative link.
    # ok: py.xss.html-response
    return f'<a href="{quote(target)}">continue</a>'
