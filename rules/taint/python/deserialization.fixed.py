import os
import base64
import pickle

import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/session", methods=["POST"])
def session():
    raw = base64.b64decode(request.cookies["session"])
    # ruleid: py.deserialization.pickle, py.xss.html-response
    return str(pickle.loads(raw))


@app.route("/config", methods=["POST"])
def config():
    # ruleid: py.deserialization.yaml-load
    cfg = yaml.safe_load(request.data)
    # ruleid: py.deserialization.yaml-load
    other = yaml.safe_load(request.form["extra"])
    return {"cfg": cfg, "other": other}


# ---- negatives ----
@app.route("/n1", methods=["POST"])
def n1():
    # ok: py.deserialization.yaml-load
    cfg = yaml.safe_load(request.data)
    # ok: py.deserialization.yaml-load
    other = yaml.load(request.data, Loader=yaml.SafeLoader)
    with open("/var/app/cache.pkl", "rb") as f:
        # Not request data.
        # ok: py.deserialization.pickle
        # ruleid: py.deserialization.pickle-any
        cache = pickle.load(f)
    return {"cfg": cfg, "other": other, "n": len(cache)}


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.deserialization.pickle
    # ruleid: py.deserialization.pickle-any
    pickle.loads(request.args["v"])


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.deserialization.pickle
        # ruleid: py.deserialization.pickle-any
        pickle.loads(request.args["v"])
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.deserialization.pickle
        # ruleid: py.deserialization.pickle-any
        pickle.loads(choice)
    # ok: py.deserialization.pickle
    # ruleid: py.deserialization.pickle-any
    pickle.loads(os.environ["APP_SETTING"])
    return "ok"


def load_config_file(path):
    with open(path) as f:
        # ruleid: py.deserialization.yaml-unsafe-loader
        return yaml.load(f)


def load_config_full(text):
    # ruleid: py.deserialization.yaml-unsafe-loader
    return yaml.load(text, Loader=yaml.FullLoader)


def load_config_unsafe(text):
    # ruleid: py.deserialization.yaml-unsafe-loader
    return yaml.unsafe_load(text)


def load_config_safe(text):
    # ok: py.deserialization.yaml-unsafe-loader
    return yaml.load(text, Loader=yaml.SafeLoader)


def load_config_csafe(text):
    # ok: py.deserialization.yaml-unsafe-loader
    return yaml.load(text, Loader=yaml.CSafeLoader)


def load_config_safe_load(text):
    # ok: py.deserialization.yaml-unsafe-loader
    return yaml.safe_load(text)


def cache_roundtrip(obj):
    # ok: py.deserialization.pickle-any
    blob = pickle.dumps(obj)
    # ruleid: py.deserialization.pickle-any
    return pickle.loads(blob)


def cache_json(text):
    import json
    # ok: py.deserialization.pickle-any
    return json.loads(text)


def cache_dump(obj, f):
    # ok: py.deserialization.pickle-any
    pickle.dump(obj, f)
