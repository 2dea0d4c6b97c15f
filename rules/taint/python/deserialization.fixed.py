import os
import base64
import pickle

import yaml
from flask import Flask, request

app = Flask(__name__)


@app.route("/session", methods=["POST"])
def session():
    raw = base64.b64decode(request.cookies["session"])
    # ruleid: py.deserialization.pickle
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
        cache = pickle.load(f)
    return {"cfg": cfg, "other": other, "n": len(cache)}


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.deserialization.pickle
    pickle.loads(request.args["v"])


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.deserialization.pickle
        pickle.loads(request.args["v"])
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.deserialization.pickle
        pickle.loads(choice)
    # ok: py.deserialization.pickle
    pickle.loads(os.environ["APP_SETTING"])
    return "ok"
