# Azure Functions, Python v2 model: a route's HttpRequest is input; an HttpResponse with an HTML mimetype is a page,
# one with a Location header a redirect.
import html
from urllib.parse import urlparse

import azure.functions as func

app = func.FunctionApp()
RETURN_HOSTS = {"reports.example.com"}


@app.route(route="files", methods=["GET"])
def index(req: func.HttpRequest) -> func.HttpResponse:
    heading = req.params.get("title", "Reports")
    # ruleid: py.xss.html-response
    return func.HttpResponse(f"<html><body><h1>{heading}</h1></body></html>", mimetype="text/html")


@app.route(route="v2/files", methods=["GET"])
def index_v2(req: func.HttpRequest) -> func.HttpResponse:
    heading = req.params.get("title", "Reports")
    # ok: py.xss.html-response
    return func.HttpResponse(f"<html><body><h1>{html.escape(heading)}</h1></body></html>", mimetype="text/html")


@app.route(route="raw", methods=["GET"])
def raw(req: func.HttpRequest) -> func.HttpResponse:
    # ok: py.xss.html-response
    return func.HttpResponse(req.params.get("title", ""), mimetype="text/plain")


@app.route(route="not-found", methods=["GET"])
def not_found(req: func.HttpRequest) -> func.HttpResponse:
    missing = req.headers.get("x-original-url", "")
    # ruleid: py.xss.html-response
    return func.HttpResponse(body=f"<p>No report at <code>{missing}</code>.</p>", status_code=404, mimetype="text/html")


@app.route(route="auth/complete", methods=["GET"])
def auth_complete(req: func.HttpRequest) -> func.HttpResponse:
    target = req.params.get("return_to", "/api/files")
    # ruleid: py.open-redirect.redirect
    return func.HttpResponse(status_code=302, headers={"Location": target})


@app.route(route="auth/logout", methods=["GET"])
def logout(req: func.HttpRequest) -> func.HttpResponse:
    requested = req.params.get("return_to", "")
    parsed = urlparse(requested)
    destination = requested if parsed.scheme == "https" and parsed.hostname in RETURN_HOSTS else "https://reports.example.com/"
    # ok: py.open-redirect.redirect
    return func.HttpResponse(status_code=302, headers={"Location": destination})
