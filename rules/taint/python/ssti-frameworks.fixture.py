import tornado.template
import tornado.web
from django.http import HttpResponse
from django.template import Context, Template, engines
from django.template.loader import render_to_string
from mako.template import Template as MakoTemplate
from rest_framework.response import Response
from rest_framework.views import APIView

ALLOWED_LAYOUTS = ("plain", "boxed")


def custom_page(request):
    # ruleid: py.ssti.template-string
    tpl = Template(request.POST["content"])
    return HttpResponse(tpl.render(Context({"user": request.user})))


def engine_page(request):
    header = request.GET.get("header", "")
    # ruleid: py.ssti.template-string
    tpl = engines["django"].from_string("{% load static %}" + header)
    return HttpResponse(tpl.render({}, request))


class ReportApi(APIView):
    def post(self, request):
        layout = request.data.get("layout")
        # ruleid: py.ssti.template-string
        body = MakoTemplate("<%inherit file='base.mako'/>\n%s" % layout).render()
        return Response({"body": body})


class MailPreview(tornado.web.RequestHandler):
    def post(self):
        # Tornado templates run Python expressions: {{ __import__('os').popen('id').read() }}.
        # ruleid: py.ssti.template-string
        tpl = tornado.template.Template(self.get_body_argument("template"))
        self.write(tpl.generate(name="preview"))

    def get(self):
        # ok: py.ssti.template-string
        tpl = tornado.template.Template("<p>{{ name }}</p>")
        self.write(tpl.generate(name=self.get_argument("name")))


def handler(event, context):
    # ruleid: py.ssti.template-string
    text = MakoTemplate(event["body"]).render()
    return {"statusCode": 200, "body": text}


# ---- negatives ----


def profile(request):
    # The input is rendered as a context value, autoescaped.
    # ok: py.ssti.template-string
    html = render_to_string("profile.html", {"bio": request.POST.get("bio", "")})
    return HttpResponse(html)


def constant_template(request):
    # ok: py.ssti.template-string
    tpl = Template("<h1>{{ title }}</h1>")
    return HttpResponse(tpl.render(Context({"title": request.GET.get("title", "")})))


def layout_choice(request):
    layout = request.GET.get("layout", "plain")
    if layout in ALLOWED_LAYOUTS:
        # ok: py.ssti.template-string
        tpl = engines["django"].from_string("{% extends '" + layout + ".html' %}")
        return HttpResponse(tpl.render({}, request))
    return HttpResponse(status=400)


def mako_data(event, context):
    # ok: py.ssti.template-string
    text = MakoTemplate("<p>${name | h}</p>").render(name=event["queryStringParameters"]["name"])
    return {"statusCode": 200, "body": text}
