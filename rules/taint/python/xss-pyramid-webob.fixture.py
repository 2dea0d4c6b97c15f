# Pyramid's (WebOb's) Response answers text/html unless given another content type, so a body built from the
# request is a page; a Jinja2 Environment that does not autoescape renders a template made from a string with its
# values as they are.
import json

from jinja2 import Environment, select_autoescape
from markupsafe import escape
from pyramid.response import Response
from pyramid.view import view_config

plain_env = Environment(trim_blocks=True)
html_env = Environment(autoescape=select_autoescape(["html"]))
ROW = "<li>{{ author }}: {{ text }}</li>"


@view_config(route_name="search")
def search(request):
    term = request.params.get("q", "")
    # ruleid: py.xss.html-response
    return Response(f"<h2>Results for {term}</h2>")


@view_config(route_name="search-escaped")
def search_escaped(request):
    term = request.params.get("q", "")
    # ok: py.xss.html-response
    return Response(f"<h2>Results for {escape(term)}</h2>")


@view_config(route_name="search-text")
def search_text(request):
    term = request.params.get("q", "")
    # ok: py.xss.html-response
    return Response(f"Results for {term}", content_type="text/plain")


@view_config(route_name="search-json")
def search_json(request):
    # ok: py.xss.html-response
    return Response(json.dumps({"q": request.params.get("q")}), content_type="application/json")


@view_config(route_name="comment", request_method="POST")
def comment(request):
    # ruleid: py.xss.html-response
    body = plain_env.from_string(ROW).render(author="anonymous", text=request.POST["text"])
    return Response(body)


@view_config(route_name="comment-escaped", request_method="POST")
def comment_escaped(request):
    # ok: py.xss.html-response
    body = html_env.from_string(ROW).render(author="anonymous", text=request.POST["text"])
    return Response(body)
