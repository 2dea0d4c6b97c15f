# A conversion applies a function with no call written: `f"{x!r}"` and `"%r" % x` quote the value. The file's
# words decide which patterns a pass keeps, and this one holds none of the sanitizers' words: the log-injection
# rule must keep the quoting function as a sanitizer even so, or it shares a pass with the XSS rule, and the
# conversion cleans the XSS flow too (quoting leaves markup as it is). So no comment here names them.
from django.http import HttpResponse, HttpResponseBadRequest


def identifier(value):
    if not value.isidentifier():
        raise ValueError(f"invalid: {value!r}")
    return value


def search(request):
    try:
        identifier(request.GET["q"])
    except ValueError as e:
        # ruleid: py.xss.html-response
        return HttpResponseBadRequest(str(e))
    return HttpResponse("ok")
