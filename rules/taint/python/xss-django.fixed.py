from django.http import HttpResponse
from django.utils.html import escape
from django.utils.safestring import mark_safe


def greet(request):
    name = request.GET.get("name", "")
    # ruleid: py.xss.html-response
    return HttpResponse("<h1>Hello %s</h1>" % escape(name))


def article(request, slug):
    # URL captures of a Django view are user input.
    # ruleid: py.xss.html-response
    return HttpResponse(mark_safe("<h1>" + escape(slug) + "</h1>"))


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
    page.body = mark_safe(escape(page.body))
    return HttpResponse(page.body)


# A response declared as a type browsers do not render as a page.
def thumbnail(request):
    name = request.GET.get("name", "default")
    # ok: py.xss.html-response
    return HttpResponse(b"\x89PNG" + name.encode(), content_type="image/png")


def report_csv(request):
    # ok: py.xss.html-response
    return HttpResponse("name\n" + request.GET.get("q", ""), content_type="text/csv")


def badge(request):
    # SVG runs script: still reported.
    # ruleid: py.xss.html-response
    return HttpResponse("<svg>" + escape(request.GET.get("label", "")) + "</svg>", content_type="image/svg+xml")
