# Unsafe deserialisation of request data by framework (Django, FastAPI, Tornado, aiohttp, AWS Lambda) and by
# library: pickle, cPickle, dill, jsonpickle, marshal, pandas, joblib, torch, numpy, PyYAML's unsafe loaders.
# The negatives are the safe calls next to them: json, yaml.safe_load, SafeLoader, weights_only=True, numpy
# without allow_pickle, and serialising (writing).
import base64
import io
import json
import marshal
import pickle

import dill
import joblib
import jsonpickle
import numpy as np
import pandas as pd
import torch
import yaml
from aiohttp import web
from django.http import HttpResponse, JsonResponse
from fastapi import FastAPI, File, Request, UploadFile
from tornado.web import RequestHandler
from yaml import Loader, load

api = FastAPI()
ALLOWED_PRESETS = {"default", "minimal"}


# ---- Django ----
def import_state(request):
    # ruleid: py.deserialization.pickle
    state = pickle.loads(request.body)
    return JsonResponse({"keys": list(state)})


def upload_model(request):
    # ruleid: py.deserialization.pickle
    model = joblib.load(request.FILES["model"])
    return HttpResponse(str(model))


def cart(request):
    blob = base64.b64decode(request.COOKIES.get("cart", ""))
    # ruleid: py.deserialization.pickle
    items = dill.loads(blob)
    return JsonResponse({"count": len(items)})


def import_config(request):
    # ruleid: py.deserialization.yaml-load
    cfg = yaml.load(request.body, Loader=yaml.FullLoader)
    return JsonResponse(cfg)


def import_config_c(request):
    # The C loader builds Python objects as Loader does.
    # ruleid: py.deserialization.yaml-load
    cfg = yaml.load(request.body, Loader=yaml.CLoader)
    return JsonResponse(cfg)


def import_frame(request):
    # ruleid: py.deserialization.pickle
    frame = pd.read_pickle(request.FILES["frame"])
    return HttpResponse(frame.to_html())


# ---- FastAPI ----
@api.post("/restore")
async def restore(file: UploadFile = File(...)):
    data = await file.read()
    # ruleid: py.deserialization.pickle
    obj = pickle.loads(data)
    return {"type": type(obj).__name__}


@api.post("/raw")
async def raw(request: Request):
    body = await request.body()
    # ruleid: py.deserialization.pickle
    obj = jsonpickle.decode(body)
    return {"type": type(obj).__name__}


@api.post("/manifest")
async def manifest(file: UploadFile):
    # ruleid: py.deserialization.yaml-load
    doc = yaml.unsafe_load(await file.read())
    return {"doc": str(doc)}


@api.post("/manifests")
async def manifests(request: Request):
    text = (await request.body()).decode()
    # ruleid: py.deserialization.yaml-load
    docs = list(yaml.load_all(text, Loader=yaml.UnsafeLoader))
    return {"count": len(docs)}


@api.post("/weights")
async def weights(file: UploadFile):
    # weights_only=False asks for the full unpickler.
    # ruleid: py.deserialization.pickle
    state = torch.load(io.BytesIO(await file.read()), weights_only=False)
    return {"keys": len(state)}


# ---- Tornado ----
class SessionHandler(RequestHandler):
    def post(self):
        # ruleid: py.deserialization.pickle
        session = marshal.loads(self.request.body)
        self.write({"n": len(session)})

    def put(self):
        # The names imported from yaml are its own.
        # ruleid: py.deserialization.yaml-load
        doc = load(self.request.body, Loader=Loader)
        self.write({"doc": str(doc)})


# ---- aiohttp ----
async def handle_upload(request):
    data = await request.read()
    # ruleid: py.deserialization.pickle
    arr = np.load(io.BytesIO(data), allow_pickle=True)
    return web.json_response({"shape": list(arr.shape)})


async def handle_yaml(request):
    text = await request.text()
    # ruleid: py.deserialization.yaml-load
    docs = list(yaml.full_load_all(text))
    return web.json_response({"count": len(docs)})


app = web.Application()
app.router.add_post("/upload", handle_upload)
app.router.add_post("/yaml", handle_yaml)


# ---- AWS Lambda ----
def handler(event, context):
    payload = base64.b64decode(event["body"])
    # ruleid: py.deserialization.pickle
    job = pickle.loads(payload)
    # ruleid: py.deserialization.yaml-load
    spec = yaml.load(event["queryStringParameters"]["spec"], yaml.CUnsafeLoader)
    return {"statusCode": 200, "body": json.dumps({"job": str(job), "spec": str(spec)})}


# A helper that unpickles its argument: the flow is through the call.
def _decode_state(blob):
    # ruleid: py.deserialization.pickle
    return pickle.loads(base64.urlsafe_b64decode(blob))


def state_view(request):
    return JsonResponse(_decode_state(request.GET["state"]))


# ---- negatives ----
def import_state_json(request):
    # ok: py.deserialization.pickle
    state = json.loads(request.body)
    # Serialising the input is not loading it.
    # ok: py.deserialization.pickle
    blob = pickle.dumps(state)
    # ok: py.deserialization.pickle
    text = jsonpickle.encode(state)
    return HttpResponse(blob + text.encode())


def import_config_safe(request):
    # ok: py.deserialization.yaml-load
    a = yaml.safe_load(request.body)
    # ok: py.deserialization.yaml-load
    b = yaml.load(request.body, Loader=yaml.CSafeLoader)
    # ok: py.deserialization.yaml-load
    c = yaml.load(request.body, Loader=yaml.BaseLoader)
    # ok: py.deserialization.yaml-load
    d = list(yaml.load_all(request.body, Loader=yaml.SafeLoader))
    # ok: py.deserialization.yaml-load
    e = list(yaml.safe_load_all(request.body))
    return JsonResponse({"a": a, "b": b, "c": c, "d": d, "e": e})


def export_config(request):
    # Writing YAML from input is not loading it.
    # ok: py.deserialization.yaml-load
    return HttpResponse(yaml.safe_dump(json.loads(request.body)), content_type="text/yaml")


@api.post("/n/weights")
async def weights_only(file: UploadFile):
    # ok: py.deserialization.pickle
    state = torch.load(io.BytesIO(await file.read()), weights_only=True)
    return {"keys": len(state)}


@api.post("/n/array")
async def array_plain(file: UploadFile):
    # numpy refuses object arrays unless allow_pickle=True.
    # ok: py.deserialization.pickle
    arr = np.load(io.BytesIO(await file.read()))
    # ok: py.deserialization.pickle
    arr2 = np.load(io.BytesIO(await file.read()), allow_pickle=False)
    return {"shape": list(arr.shape) + list(arr2.shape)}


@api.post("/n/csv")
async def frame_csv(file: UploadFile):
    # ok: py.deserialization.pickle
    frame = pd.read_csv(file.file)
    return {"rows": len(frame)}


class SafeSessionHandler(RequestHandler):
    def post(self):
        # ok: py.deserialization.pickle
        session = json.loads(self.request.body)
        self.write({"n": len(session)})


def preset(request):
    name = request.GET.get("preset", "default")
    if name not in ALLOWED_PRESETS:
        return HttpResponse(status=404)
    # The taint rule sees an allow-listed name; the pattern rule still reports the unsafe loader.
    # ok: py.deserialization.yaml-load
    # ruleid: py.deserialization.yaml-unsafe-loader
    cfg = yaml.load(name, Loader=yaml.FullLoader)
    return JsonResponse(cfg)


def safe_handler(event, context):
    # ok: py.deserialization.pickle
    job = json.loads(event["body"])
    # ok: py.deserialization.yaml-load
    spec = yaml.safe_load(event["body"])
    return {"statusCode": 200, "body": json.dumps({"job": job, "spec": spec})}


def cached_report(request):
    # The server's own cache file; the request only names the page.
    with open("/var/cache/app/report.pkl", "rb") as fh:
        # ok: py.deserialization.pickle
        # ruleid: py.deserialization.pickle-any
        report = pickle.load(fh)
    return HttpResponse(report.get(request.GET.get("page", "1")))
