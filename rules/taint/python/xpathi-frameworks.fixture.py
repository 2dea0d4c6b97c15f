import xml.etree.ElementTree as ET

import tornado.web
from django.http import HttpResponse, JsonResponse
from fastapi import FastAPI
from lxml import etree
from rest_framework.response import Response
from rest_framework.views import APIView

api = FastAPI()
DIRECTORY = etree.parse("directory.xml")
STAFF = ET.parse("staff.xml").getroot()


def member(request):
    uid = request.GET["uid"]
    # ruleid: py.xpathi.query
    rows = DIRECTORY.xpath("//member[@uid='%s']/email/text()" % uid)
    return JsonResponse({"emails": [str(r) for r in rows]})


def member_safe(request):
    # ok: py.xpathi.query
    rows = DIRECTORY.xpath("//member[@uid=$uid]/email/text()", uid=request.GET["uid"])
    return JsonResponse({"emails": [str(r) for r in rows]})


class TeamApi(APIView):
    def get(self, request):
        team = request.query_params.get("team")
        path = "./team[@name='" + team + "']/person"
        # ruleid: py.xpathi.query
        people = DIRECTORY.getroot().xpath(path)
        return Response({"count": len(people)})

    def post(self, request):
        # ruleid: py.xpathi.query
        found = STAFF.findall("./dept[@code='{}']/person".format(request.data["dept"]))
        return Response({"count": len(found)})


@api.get("/phone")
def phone(name: str):
    # ruleid: py.xpathi.query
    return {"phone": STAFF.findtext(f"./person[@name='{name}']/phone")}


@api.get("/phone-by-id")
def phone_by_id(person_id: int):
    # FastAPI converts the parameter to an int.
    # ok: py.xpathi.query
    return {"phone": STAFF.findtext(f"./person[@id='{person_id}']/phone")}


class LookupHandler(tornado.web.RequestHandler):
    def get(self):
        office = self.get_query_argument("office")
        # ruleid: py.xpathi.query
        hits = DIRECTORY.xpath("count(//member[office='" + office + "'])")
        self.write({"count": hits})

    def post(self):
        office = self.get_body_argument("office")
        # ok: py.xpathi.query
        hits = DIRECTORY.xpath("count(//member[office=$o])", o=office)
        self.write({"count": hits})


def export(request):
    # The expression is the server's; the input only names the download.
    name = request.GET.get("filename", "export")
    # ok: py.xpathi.query
    rows = DIRECTORY.xpath("//member/email/text()")
    resp = HttpResponse("\n".join(rows), content_type="text/plain")
    resp["Content-Disposition"] = "attachment; filename=export.txt"
    return resp if name else HttpResponse(status=400)
