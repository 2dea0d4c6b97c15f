from django.http import HttpResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe


def greet(request):
    name = request.GET.get("name", "")
    # ruleid: py.xss.html-response
    return HttpResponse("<h1>Hello %s</h1>" % name)


def article(request, slug):
    # URL captures of a Django view are user input.
    # ruleid: py.xss.html-response
    return HttpResponse(mark_safe("<h1>" + slug + "</h1>"))


# ---- negatives ----
def safe_greet(request):
    # ok: py.xss.html-response
    return HttpResponse("<h1>Hello %s</h1>" % escape(request.GET.get("name", "")))


def count(request, n: int):
    # ok: py.xss.html-response
    return HttpResponse("<p>%d items</p>" % n)


# Known false positive (docs/accuracy.md): a helper that takes the request first is not a view, so its other
# parameters are not URL captures; `page` is a model instance the caller loaded from the database.
def show_page(request, page):
    # todook: py.xss.html-response
    page.body = mark_safe(page.body)
    return HttpResponse(page.body)
