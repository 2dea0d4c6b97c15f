# An exception carries what it was raised with (its message, its arguments) to the handler that catches it: a
# view that answers with the error's text reflects the input in it. Followed from a `raise` in the try body, and
# from a function called there that raises with its parameter (`paramRaises` in its summary).
import html
import re
import uuid

from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotFound
from flask import Flask, request

app = Flask(__name__)


class InvalidParameter(ValueError):
    pass


def identifier(name, value):
    if not value.isidentifier():
        raise InvalidParameter("invalid value %r for %s" % (value, name))
    return value


def page_number(value):
    # Through a second function: `identifier` raises with what this one passes it.
    return identifier("page", value)


def search(request):
    try:
        identifier("query", request.GET["query"])
    except InvalidParameter as e:
        # ruleid: py.xss.html-response
        return HttpResponseBadRequest(str(e))
    return HttpResponse("ok")


def paged(request):
    try:
        page_number(request.GET["page"])
    except ValueError as err:
        # ruleid: py.xss.html-response
        return HttpResponseBadRequest("<p>%s</p>" % err)
    return HttpResponse("ok")


def lookup(request):
    try:
        name = request.GET["name"]
        if not re.fullmatch(r"[a-z]+", name):
            raise KeyError("no such item: " + name)
    except KeyError as missing:
        # ruleid: py.xss.html-response
        return HttpResponseNotFound(missing.args[0])
    return HttpResponse("ok")


@app.route("/report")
def report():
    try:
        identifier("report", request.args["name"])
    except InvalidParameter as e:
        # ruleid: py.xss.html-response
        return f"<p>{e}</p>", 400
    return "ok"


def made_before(request):
    try:
        error = KeyError("no such item: " + request.GET["name"])
        raise error
    except KeyError as missing:
        # ruleid: py.xss.html-response
        return HttpResponseNotFound(str(missing))


# ---- negatives ----


def fixed_message(request):
    try:
        if not request.GET["query"].isidentifier():
            raise InvalidParameter("invalid query")
    except InvalidParameter as e:
        # ok: py.xss.html-response
        return HttpResponseBadRequest(str(e))
    return HttpResponse("ok")


def coerced(request):
    try:
        raise ValueError("no item %d" % int(request.GET["id"]))
    except ValueError as e:
        # The raise's message holds a number, but int() itself raises with the text it could not read
        # (raised-by-conversions.fixture.py): `?id=<b>` answers "invalid literal for int() with base 10: '<b>'".
        # ruleid: py.xss.html-response
        return HttpResponseNotFound(str(e))


def coerced_checked(request):
    raw = request.GET["id"]
    if not raw.isdigit():
        return HttpResponseNotFound("no such item")
    try:
        raise ValueError("no item %d" % int(raw))
    except ValueError as e:
        # ok: py.xss.html-response
        return HttpResponseNotFound(str(e))


def escaped(request):
    try:
        identifier("query", request.GET["query"])
    except InvalidParameter as e:
        # ok: py.xss.html-response
        return HttpResponseBadRequest(html.escape(str(e)))
    return HttpResponse("ok")


def unnamed(request):
    try:
        identifier("query", request.GET["query"])
    except InvalidParameter:
        # ok: py.xss.html-response
        return HttpResponseBadRequest("invalid query")
    return HttpResponse("ok")


def raised_after(request):
    try:
        value = uuid.UUID(request.GET["n"])
    except ValueError as e:
        # The raise below is not in this try: what it carries does not reach this handler.
        # ok: py.xss.html-response
        return HttpResponseBadRequest(str(e))
    raise InvalidParameter(request.GET["query"])


def second_try(request):
    try:
        identifier("query", request.GET["query"])
    except InvalidParameter as e:
        return HttpResponseBadRequest("invalid query")
    try:
        save(request.GET["query"])
    except OSError as e:
        # `e` is this handler's exception, not the one the first try raised.
        # ok: py.xss.html-response
        return HttpResponseBadRequest(str(e))
    return HttpResponse("ok")
