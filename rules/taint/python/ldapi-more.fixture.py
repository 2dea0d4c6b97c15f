# LDAP injection with ldap3 (https://ldap3.readthedocs.io/en/latest/searches.html, .../bind.html) and python-ldap
# (https://www.python-ldap.org/en/latest/reference/ldap.html) from Django, DRF, FastAPI, Starlette, aiohttp,
# Tornado, Pyramid and Falcon handlers: search filters, search bases and bind DNs built from input.
import re

import falcon
import ldap
import ldap3
import tornado.web
from aiohttp import web
from django.http import HttpResponse, JsonResponse
from fastapi import FastAPI, Form, Request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars
from ldap3.utils.dn import escape_rdn
from ldap.filter import filter_format
from pyramid.view import view_config
from rest_framework.response import Response
from rest_framework.views import APIView

api = FastAPI()
routes = web.RouteTableDef()
BASE = "ou=people,dc=corp,dc=example"
server = Server("ldaps://ldap.corp.example", use_ssl=True)
SVC_DN = "cn=svc-web,ou=services,dc=corp,dc=example"
SVC_PASSWORD_FILE = "/run/secrets/ldap"


def service_conn():
    with open(SVC_PASSWORD_FILE) as f:
        return Connection(server, user=SVC_DN, password=f.read().strip(), auto_bind=True)


def django_lookup(request):
    conn = service_conn()
    # ruleid: py.ldapi.search-filter
    conn.search(BASE, f"(sAMAccountName={request.POST['username']})", attributes=["mail"])
    return JsonResponse({"found": bool(conn.entries)})


class MemberSearch(APIView):
    def get(self, request):
        conn = service_conn()
        email = request.query_params.get("email", "")
        # ruleid: py.ldapi.search-filter
        conn.search(search_base=BASE, search_filter="(&(objectClass=user)(mail=" + email + "))", search_scope=SUBTREE)
        return Response([e.entry_dn for e in conn.entries])


@api.get("/groups")
async def fastapi_groups(group: str):
    conn = service_conn()
    # ruleid: py.ldapi.search-filter
    conn.search(BASE, "(&(objectClass=group)(cn=%s))" % group, attributes=["member"])
    return [e.entry_dn for e in conn.entries]


@api.post("/login")
async def fastapi_login(username: str = Form(), password: str = Form()):
    # Binding as a DN built from the user name: "admin,ou=services" picks another entry.
    user_dn = f"uid={username},{BASE}"
    # ruleid: py.ldapi.search-filter
    conn = Connection(server, user_dn, password)
    return {"ok": conn.bind()}


@api.get("/people")
async def starlette_people(request: Request):
    conn = service_conn()
    # The search base picks the subtree: ou=admins,... reads another branch.
    # ruleid: py.ldapi.search-filter
    conn.search("ou=" + request.query_params["ou"] + ",dc=corp,dc=example", "(objectClass=person)")
    return [e.entry_dn for e in conn.entries]


@routes.get("/legacy/{cn}")
async def aiohttp_legacy(request):
    l = ldap.initialize("ldaps://ldap.corp.example")
    flt = "(cn=" + request.match_info["cn"] + ")"
    # ruleid: py.ldapi.search-filter
    res = l.search_st(BASE, ldap.SCOPE_SUBTREE, flt, timeout=5)
    return web.json_response([dn for dn, _ in res])


class DirectoryHandler(tornado.web.RequestHandler):
    def get(self):
        conn = service_conn()
        uid = self.get_argument("uid")
        # ruleid: py.ldapi.search-filter
        conn.search(BASE, "(uid={})".format(uid))
        self.write({"n": len(conn.entries)})


@view_config(route_name="groups_of", renderer="json")
def pyramid_groups_of(request):
    l = ldap.initialize("ldaps://ldap.corp.example")
    member = request.params["member"]
    # ruleid: py.ldapi.search-filter
    msgid = l.search_ext_s(BASE, ldap.SCOPE_SUBTREE, "(member=uid=" + member + "," + BASE + ")")
    return {"groups": msgid}


@view_config(route_name="bind", renderer="json", request_method="POST")
def pyramid_bind(request):
    l = ldap.initialize("ldaps://ldap.corp.example")
    # ruleid: py.ldapi.search-filter
    l.simple_bind_s("uid=%s,%s" % (request.POST["user"], BASE), request.POST["password"])
    return {"ok": True}


class PhoneResource:
    def on_get(self, req, resp):
        conn = service_conn()
        # ruleid: py.ldapi.search-filter
        gen = conn.extend.standard.paged_search(search_base=BASE, search_filter="(telephoneNumber=*" + req.get_param("tel") + "*)", paged_size=100)
        resp.media = [e["dn"] for e in gen]


def find_by_mail(conn, mail):
    # Reported here: django_by_mail below passes a request value.
    # ruleid: py.ldapi.search-filter
    conn.search(BASE, "(mail=" + mail + ")")
    return conn.entries


def django_by_mail(request):
    return HttpResponse(str(find_by_mail(service_conn(), request.GET["mail"])))


# ---- negatives ----
def n_django_lookup(request):
    conn = service_conn()
    # ok: py.ldapi.search-filter
    conn.search(BASE, f"(sAMAccountName={escape_filter_chars(request.POST['username'])})", attributes=["mail"])
    return JsonResponse({"found": bool(conn.entries)})


@api.post("/n/login")
async def n_fastapi_login(username: str = Form(), password: str = Form()):
    # The RDN value is escaped; the password is a bind credential, not part of a DN or filter.
    user_dn = f"uid={escape_rdn(username)},{BASE}"
    # ok: py.ldapi.search-filter
    conn = Connection(server, user_dn, password)
    return {"ok": conn.bind()}


@routes.get("/n/legacy/{cn}")
async def n_aiohttp_legacy(request):
    l = ldap.initialize("ldaps://ldap.corp.example")
    # ok: py.ldapi.search-filter
    res = l.search_st(BASE, ldap.SCOPE_SUBTREE, filter_format("(cn=%s)", [request.match_info["cn"]]), timeout=5)
    return web.json_response([dn for dn, _ in res])


class NDirectoryHandler(tornado.web.RequestHandler):
    def get(self):
        uid = self.get_argument("uid")
        if not re.fullmatch(r"[a-z][a-z0-9_-]{0,31}", uid):
            raise tornado.web.HTTPError(400)
        conn = service_conn()
        # ok: py.ldapi.search-filter
        conn.search(BASE, "(uid=" + uid + ")")
        self.write({"n": len(conn.entries)})


@view_config(route_name="n_bind", renderer="json", request_method="POST")
def n_pyramid_bind(request):
    l = ldap.initialize("ldaps://ldap.corp.example")
    # A fixed service DN; only the password comes from the form.
    # ok: py.ldapi.search-filter
    l.simple_bind_s(SVC_DN, request.POST["password"])
    return {"ok": True}


@api.get("/n/employee/{number}")
async def n_fastapi_number(number: int):
    conn = service_conn()
    # ok: py.ldapi.search-filter
    conn.search(BASE, "(employeeNumber=%d)" % number)
    return [e.entry_dn for e in conn.entries]


def n_django_regex(request):
    # re.search in a file that imports ldap is still a regular expression.
    # ok: py.ldapi.search-filter
    m = re.search(r"^[\w.]+@corp\.example$", request.GET["mail"])
    return HttpResponse("ok" if m else "no")


class NPhoneResource:
    def on_get(self, req, resp):
        conn = service_conn()
        # ok: py.ldapi.search-filter
        conn.search(BASE, "(telephoneNumber=*" + ldap3.utils.conv.escape_filter_chars(req.get_param("tel")) + "*)")
        resp.media = [e.entry_dn for e in conn.entries]
