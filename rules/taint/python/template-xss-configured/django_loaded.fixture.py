# Django: a template loaded by name, then rendered with a context dict (the folder is in settings.py's DIRS).
from django.http import HttpResponse
from django.template.loader import get_template, render_to_string


def panel(request):
    # ruleid: py.xss.template-raw-output
    return HttpResponse(get_template("tc_panel.html").render({"panel": request.GET["p"]}, request))


def label(request):
    tmpl = get_template("tc_panel.html")
    # ok: py.xss.template-raw-output
    return HttpResponse(tmpl.render({"label": request.GET["l"]}, request))


def panel_string(request):
    # ruleid: py.xss.template-raw-output
    return HttpResponse(render_to_string("tc_panel.html", {"panel": request.POST["p"]}))
