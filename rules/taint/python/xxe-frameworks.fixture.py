import io

import tornado.web
from django.http import HttpResponse
from lxml import etree
from rest_framework.response import Response
from rest_framework.views import APIView

ALLOWED_SCHEMAS = ("invoice-v1", "invoice-v2")


def import_catalog(request):
    # Django function view: the raw body.
    # ruleid: py.xxe.lxml
    catalog = etree.fromstring(request.body)
    return HttpResponse(catalog.tag)


def import_stream(request):
    # iterparse reads the uploaded file event by event; entities still resolve.
    # ruleid: py.xxe.lxml
    for _event, elem in etree.iterparse(request.FILES["catalog"], events=("end",)):
        elem.clear()
    return HttpResponse("imported")


def import_stream_hardened(request):
    # ok: py.xxe.lxml
    for _event, elem in etree.iterparse(request.FILES["catalog"], events=("end",), resolve_entities=False, no_network=True):
        elem.clear()
    return HttpResponse("imported")


class FeedImport(APIView):
    def post(self, request):
        text = request.data["feed"]
        # ruleid: py.xxe.lxml
        doc = etree.parse(io.StringIO(text))
        return Response({"root": doc.getroot().tag})

    def put(self, request):
        schema = request.query_params.get("schema")
        if schema not in ALLOWED_SCHEMAS:
            return Response(status=400)
        # ok: py.xxe.lxml
        xsd = etree.parse(f"schemas/{schema}.xsd")
        return Response({"root": xsd.getroot().tag})


class SoapHandler(tornado.web.RequestHandler):
    def post(self):
        # ruleid: py.xxe.lxml
        envelope = etree.fromstring(self.request.body)
        self.write(envelope.tag)

    def get(self):
        # Only the argument's length is used.
        size = len(self.get_argument("payload"))
        # ok: py.xxe.lxml
        doc = etree.fromstring(b"<size>%d</size>" % size)
        self.write(doc.text)


def handler(event, context):
    # AWS Lambda behind API Gateway: the request body.
    # ruleid: py.xxe.lxml
    doc = etree.XML(event["body"])
    return {"statusCode": 200, "body": doc.tag}


def report(event, context):
    # The request context is set by API Gateway, not the caller.
    stage = event["requestContext"]["stage"]
    # ok: py.xxe.lxml
    doc = etree.XML(f"<stage>{stage}</stage>")
    return {"statusCode": 200, "body": doc.text}
