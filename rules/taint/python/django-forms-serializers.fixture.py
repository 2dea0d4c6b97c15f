# A bound Django form's cleaned_data and a DRF serializer's validated_data are the request's fields after the
# field validators ran: a URLField accepts any http(s) URL, a CharField any text.
import subprocess

import requests
from django import forms
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect
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
