import base64
import io
import pickle

import cloudpickle
import dill
import joblib
import numpy as np
import torch
import yaml
from flask import Flask, request

app = Flask(__name__)
ALLOWED_FORMATS = ("json", "csv")


@app.route("/model", methods=["POST"])
def upload_model():
    # joblib files are pickles.
    # ruleid: py.deserialization.pickle
    model = joblib.load(request.files["model"])
    return str(model.predict([[0]]))


@app.route("/checkpoint", methods=["POST"])
def checkpoint():
    # torch.load unpickles unless weights_only=True.
    # ruleid: py.deserialization.pickle
    state = torch.load(io.BytesIO(request.get_data()), map_location="cpu")
    return str(len(state))


@app.route("/checkpoint-weights", methods=["POST"])
def checkpoint_weights():
    # ok: py.deserialization.pickle
    state = torch.load(io.BytesIO(request.get_data()), map_location="cpu", weights_only=True)
    return str(len(state))


@app.route("/array", methods=["POST"])
def array():
    # ruleid: py.deserialization.pickle
    arr = np.load(request.files["array"], allow_pickle=True)
    return str(arr.shape)


@app.route("/array-plain", methods=["POST"])
def array_plain():
    # numpy refuses object arrays (pickles) unless allow_pickle=True.
    # ok: py.deserialization.pickle
    arr = np.load(request.files["array"])
    return str(arr.shape)


@app.route("/unpickler", methods=["POST"])
def unpickler():
    # ruleid: py.deserialization.pickle
    obj = pickle.Unpickler(io.BytesIO(request.data)).load()
    return str(obj)


@app.route("/dill-file", methods=["POST"])
def dill_file():
    # ruleid: py.deserialization.pickle
    fn = dill.load(request.files["function"])
    return str(fn(1))


@app.route("/cloudpickle", methods=["POST"])
def cloud():
    payload = base64.urlsafe_b64decode(request.form["task"])
    # ruleid: py.deserialization.pickle
    task = cloudpickle.loads(payload)
    return str(task())


@app.route("/cookie")
def cookie_state():
    blob = request.cookies.get("state", "")
    # ruleid: py.deserialization.pickle
    state = pickle.loads(base64.b64decode(blob))
    # What the cookie unpickles to is the sender's text too, returned as the page.
    # ruleid: py.xss.html-response
    return str(state)


@app.route("/yaml-positional", methods=["POST"])
def yaml_positional():
    # ruleid: py.deserialization.yaml-load
    doc = yaml.load(request.data, yaml.UnsafeLoader)
    return str(doc)  # ruleid: py.xss.html-response (a parsed document may be a plain string)


@app.route("/yaml-all", methods=["POST"])
def yaml_all():
    # ruleid: py.deserialization.yaml-load
    docs = list(yaml.load_all(request.data))
    return str(len(docs))


@app.route("/yaml-unsafe", methods=["POST"])
def yaml_unsafe():
    # ruleid: py.deserialization.yaml-load
    doc = yaml.unsafe_load(request.get_data(as_text=True))
    return str(doc)  # ruleid: py.xss.html-response (a parsed document may be a plain string)


@app.route("/yaml-full", methods=["POST"])
def yaml_full():
    # FullLoader still builds some Python objects (CVE-2020-14343 before PyYAML 5.4).
    # ruleid: py.deserialization.yaml-load
    doc = yaml.full_load(request.form["doc"])
    return str(doc)  # ruleid: py.xss.html-response (a parsed document may be a plain string)


# ---- negatives ----


@app.route("/yaml-safe", methods=["POST"])
def yaml_safe():
    # ok: py.deserialization.yaml-load
    doc = yaml.load(request.data, Loader=yaml.SafeLoader)
    # ok: py.deserialization.yaml-load
    docs = list(yaml.safe_load_all(request.data))
    return str((doc, len(docs)))  # ruleid: py.xss.html-response (a parsed document may be a plain string)


@app.route("/export")
def export():
    fmt = request.args.get("format", "json")
    if fmt not in ALLOWED_FORMATS:
        return "unsupported", 400
    # Loading the server's own cache file; the input only chose the format.
    with open("cache/report.pkl", "rb") as fh:
        # ok: py.deserialization.pickle
        # ruleid: py.deserialization.pickle-any
        report = pickle.load(fh)
    return str(report.get(fmt))


@app.route("/dump", methods=["POST"])
def dump():
    # Serialising the input is not loading it.
    # ok: py.deserialization.pickle
    blob = pickle.dumps(request.get_json())
    return base64.b64encode(blob)
