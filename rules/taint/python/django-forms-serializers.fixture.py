# A bound Django form's cleaned_data and a DRF serializer's validated_data are the request's fields after the
# field validators ran: a URLField accepts any http(s) URL, a CharField any text.
import subprocess

import requests
from django import forms
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
from django.views.generic import FormView
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView


class WebhookForm(forms.Form):
    url = forms.URLField()
    name = forms.CharField(max_length=100)
    retries = forms.IntegerField()


class ImportSerializer(serializers.Serializer):
    url = serializers.URLField()
    title = serializers.CharField(max_length=200)


def add_webhook(request):
    form = WebhookForm(request.POST)
    if form.is_valid():
        # ruleid: py.ssrf.http-client
        r = requests.post(form.cleaned_data["url"], json={"ping": True}, timeout=5)
        return HttpResponse(r.status_code)
    return HttpResponse("invalid", status=400)


def rename(request):
    form = WebhookForm(request.POST or None)
    if form.is_valid():
        name = form.cleaned_data.get("name")
        with connection.cursor() as cur:
            # ruleid: py.sqli.string-query
            cur.execute("UPDATE hooks SET name = '%s'" % name)
    return HttpResponse("ok")


class RemoteImportView(APIView):
    def post(self, request):
        ser = ImportSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        # ruleid: py.ssrf.http-client
        resp = requests.get(ser.validated_data["url"], timeout=10)
        return Response({"size": len(resp.content)})


class ArchiveView(APIView):
    def post(self, request):
        ser = ImportSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        data = ser.validated_data
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run("tar czf /tmp/out.tgz " + data["title"], shell=True)
        return Response(status=204)


# ---- negatives ----


def fixed_hook(request):
    form = WebhookForm(request.POST)
    if form.is_valid():
        # ok: py.ssrf.http-client
        r = requests.post("https://hooks.example.com/notify", json={"name": form.cleaned_data["name"]}, timeout=5)
        return HttpResponse(r.status_code)
    return HttpResponse("invalid", status=400)


def retries(request):
    form = WebhookForm(request.POST)
    if form.is_valid():
        with connection.cursor() as cur:
            # ok: py.sqli.string-query
            cur.execute("UPDATE hooks SET retries = %s", [form.cleaned_data["retries"]])
    return HttpResponse("ok")


class SafeImportView(APIView):
    def post(self, request):
        ser = ImportSerializer(data=request.data)
        ser.is_valid(raise_exception=True)
        # ok: py.cmdi.subprocess-shell
        subprocess.run(["tar", "czf", "/tmp/out.tgz", "--", ser.validated_data["title"]])
        return Response(status=204)


# ---- typed fields: validation leaves a number, a UUID, a slug or one of the declared choices ----


class ReportFilterForm(forms.Form):
    year = forms.IntegerField(min_value=1900, required=False)
    genre = forms.ChoiceField(choices=[("sf", "SF"), ("crime", "Crime")])
    order = forms.RegexField(regex=r"^-?(title|year)$", required=False)
    region = forms.RegexField(r"[a-z]{2}-[a-z]+")
    keyword = forms.CharField(max_length=50)
    label = forms.SlugField()

    def clean_label(self):
        return self.cleaned_data["label"].replace("-", " ")


class DepotSerializer(serializers.Serializer):
    depot = serializers.UUIDField()
    limit = serializers.IntegerField(max_value=500)
    note = serializers.CharField()


def report(request):
    form = ReportFilterForm(request.GET)
    if not form.is_valid():
        return HttpResponse("invalid", status=400)
    data = form.cleaned_data
    with connection.cursor() as cur:
        # ok: py.sqli.string-query
        cur.execute(f"SELECT id FROM books WHERE year = {data.get('year')} AND genre = '{data['genre']}'")
        # ok: py.sqli.string-query
        cur.execute("SELECT id FROM books ORDER BY " + form.cleaned_data["order"])
        # ruleid: py.sqli.string-query
        cur.execute(f"SELECT id FROM books WHERE region = '{data['region']}'")
        # ruleid: py.sqli.string-query
        cur.execute(f"SELECT id FROM books WHERE title LIKE '%{data.get('keyword')}%'")
        # ruleid: py.sqli.string-query
        cur.execute(f"SELECT id FROM books WHERE label = '{data['label']}'")
    return HttpResponse("ok")


def report_overwritten(request):
    form = ReportFilterForm(request.GET)
    form.is_valid()
    data = form.cleaned_data
    data["year"] = request.GET.get("y")
    with connection.cursor() as cur:
        # ruleid: py.sqli.string-query
        cur.execute(f"SELECT id FROM books WHERE year = {data['year']}")
    return HttpResponse("ok")


class DepotView(APIView):
    serializer_class = DepotSerializer

    def get(self, request):
        ser = self.get_serializer(data=request.query_params)
        ser.is_valid(raise_exception=True)
        with connection.cursor() as cur:
            # ok: py.sqli.string-query
            cur.execute(f"SELECT * FROM stock WHERE depot = '{ser.validated_data['depot']}' LIMIT {ser.validated_data['limit']}")
            # ruleid: py.sqli.string-query
            cur.execute(f"SELECT * FROM stock WHERE note = '{ser.validated_data['note']}'")
        return Response(status=204)

    def perform_create(self, serializer):
        with connection.cursor() as cur:
            # ok: py.sqli.string-query
            cur.execute("DELETE FROM stock WHERE depot = '%s'" % serializer.validated_data["depot"])
            # ruleid: py.sqli.string-query
            cur.execute("DELETE FROM stock WHERE note = '%s'" % serializer.validated_data["note"])


class ReportView(FormView):
    form_class = ReportFilterForm

    def form_valid(self, form):
        data = form.cleaned_data
        with connection.cursor() as cur:
            # ok: py.sqli.string-query
            cur.execute("SELECT id FROM books WHERE year = %s" % data.get("year"))
            # ruleid: py.sqli.string-query
            cur.execute("SELECT id FROM books WHERE title = '%s'" % data.get("keyword"))
        return HttpResponse("ok")
