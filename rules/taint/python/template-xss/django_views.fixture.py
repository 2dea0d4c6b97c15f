# Request input passed to a Django template's context and printed raw there (templates/ beside this file).
from django.shortcuts import render
from django.template.response import TemplateResponse


# `{{ banner }}` under `autoescape off` and `{{ note|safe }}`; `{{ greeting }}` is escaped.
def banner(request):
    return render(request, "tx_django.html", {
        # ruleid: py.xss.template-raw-output
        "banner": request.GET["b"],
        # ok: py.xss.template-raw-output
        "greeting": request.GET["g"],
    })


def note(request):
    context = {"greeting": "hi"}
    context["note"] = request.POST.get("n")
    # ruleid: py.xss.template-raw-output
    return TemplateResponse(request, "tx_django.html", context)


def greeting(request):
    context = {"note": "fixed"}
    context["greeting"] = request.POST.get("g")
    # ok: py.xss.template-raw-output
    return render(request, "tx_django.html", context=context)


# A page's HTML read from a file the request names: the file's contents, not the input, are printed raw.
def doc_page(request, doc):
    # ruleid: py.path-traversal.open
    with open(f"docs/{doc}.html", encoding="utf-8") as f:
        content = f.read()
    # ok: py.xss.template-raw-output
    return render(request, "tx_django.html", {"note": content})


def doc_name(request, doc):
    # ruleid: py.xss.template-raw-output
    return render(request, "tx_django.html", {"note": doc})
