# Morepath: `@App.html` views answer a returned string as text/html; `request` is a WebOb request.
import html
import os
import subprocess

import morepath


class App(morepath.App):
    pass


class Document:
    def __init__(self, name):
        self.name = name


@App.path(model=Document, path="docs")
def get_document(name="index.txt"):
    return Document(name)


@App.html(model=Document, name="preview")
def document_preview(self, request):
    heading = request.GET.get("heading", "")
    # ruleid: py.xss.html-response
    return f"<article><h1>{heading}</h1></article>"


@App.html(model=Document, name="title")
def document_title(self, request):
    heading = request.GET.get("heading", "")
    # ok: py.xss.html-response
    return f"<h1>{html.escape(heading)}</h1>"


@App.json(model=Document, name="grep")
def document_grep(self, request):
    pattern = request.GET.get("q", "")
    # ruleid: py.cmdi.subprocess-shell
    out = subprocess.run(f"grep -n {pattern} /srv/docs/index.txt", shell=True, capture_output=True, text=True)
    return {"lines": out.stdout.splitlines()}


@App.json(model=Document, name="size")
def document_size(self, request):
    # todoruleid: py.path-traversal.open
    with open(os.path.join("/srv/docs", self.name), "rb") as fh:
        return {"size": len(fh.read())}
