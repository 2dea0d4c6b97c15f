# Masonite controllers: a `request: Request` parameter is the request; returned strings and response.view()
# are pages; Masonite ORM's raw clauses run their text.
import html
import os

from masonite.controllers import Controller
from masonite.request import Request
from masonite.response import Response
from masoniteorm.query import QueryBuilder

ATTACHMENTS = "/var/crm/attachments"
RETURN_PATHS = ("/contacts", "/dashboard")


class ContactController(Controller):
    def tagged(self, request: Request):
        tag = request.input("tag")
        # ruleid: py.sqli.string-query
        return QueryBuilder().table("contacts").where_raw(f"tags LIKE '%{tag}%'").get()

    def by_company(self, request: Request):
        # ok: py.sqli.string-query
        return QueryBuilder().table("contacts").where("company", request.input("company")).get()

    def welcome(self, request: Request, response: Response):
        name = request.input("name", "friend")
        # ruleid: py.xss.html-response
        return response.view(f"<h2>Hello {name}</h2>")

    def welcome_safe(self, request: Request, response: Response):
        name = html.escape(request.input("name", "friend"))
        # ok: py.xss.html-response
        return response.view(f"<h2>Hello {name}</h2>")

    def greet(self, request: Request):
        # ruleid: py.xss.html-response
        return f"<p>Hi {request.input('name')}</p>"

    def data(self, request: Request):
        # ok: py.xss.html-response
        return {"name": request.input("name")}

    def go(self, request: Request, response: Response):
        # ruleid: py.open-redirect.redirect
        return response.redirect(request.input("next"))

    def go_safe(self, request: Request, response: Response):
        target = request.input("next")
        # ok: py.open-redirect.redirect
        return response.redirect(target if target in RETURN_PATHS else "/contacts")

    def attachment(self, request: Request, response: Response):
        path = os.path.join(ATTACHMENTS, request.input("file"))
        # ruleid: py.path-traversal.open
        return response.download(os.path.basename(path), path)

    def attachment_safe(self, request: Request, response: Response):
        name = os.path.basename(request.input("file"))
        # ok: py.path-traversal.open
        return response.download(name, os.path.join(ATTACHMENTS, name))
