# Conversions that raise on bad input quote it in the message (`int("x")`: "invalid literal for int() with base
# 10: 'x'"), so a view that answers with the exception's text reflects the input: quoted as repr, which keeps
# markup (XSS) but escapes CR/LF (no log injection).
import datetime
import ipaddress
import logging

from django.http import HttpResponse, HttpResponseBadRequest

logger = logging.getLogger(__name__)


def page(request):
    try:
        n = int(request.GET["page"])
    except ValueError as e:
        # ruleid: py.xss.html-response
        return HttpResponseBadRequest(str(e))
    return HttpResponse("page %d" % n)


def since(request):
    try:
        day = datetime.datetime.strptime(request.GET["since"], "%Y-%m-%d")
    except ValueError as e:
        # ok: py.log-injection.logging
        logger.warning("bad date: %s", e)
        # ruleid: py.xss.html-response
        return HttpResponseBadRequest(f"<p>{e}</p>")
    return HttpResponse(day.isoformat())


def address(request):
    try:
        ip = ipaddress.ip_address(request.GET["ip"])
    except ValueError as e:
        # ruleid: py.xss.html-response
        return HttpResponseBadRequest("<p>" + str(e) + "</p>")
    return HttpResponse(str(ip.version))


def constant(request):
    try:
        n = int("12x")
    except ValueError as e:
        # ok: py.xss.html-response
        return HttpResponseBadRequest(str(e))
    return HttpResponse("page %d" % n)


def escaped(request):
    try:
        n = float(request.GET["ratio"])
    except ValueError:
        # The handler does not read the exception.
        # ok: py.xss.html-response
        return HttpResponseBadRequest("not a number")
    return HttpResponse("ratio %f" % n)


def parse_page(value):
    return int(value)


def helper(request):
    try:
        n = parse_page(request.GET["page"])
    except ValueError as e:
        # ruleid: py.xss.html-response
        return HttpResponseBadRequest(str(e))
    return HttpResponse("page %d" % n)
