# Pickled bytes whose HMAC under the server's key was checked first are the server's own.
import base64
import hashlib
import hmac
import pickle

from flask import Flask, request

app = Flask(__name__)
KEY = b"loaded-from-the-environment-in-real-code"


def sign(blob):
    return hmac.new(KEY, blob, hashlib.sha256).hexdigest()


@app.post("/state")
def state():
    mac, _, payload = request.form["token"].partition(".")
    blob = base64.urlsafe_b64decode(payload)
    if not hmac.compare_digest(mac, sign(blob)):
        return "bad signature", 400
    # ok: py.deserialization.pickle
    return {"size": len(pickle.loads(blob))}


@app.post("/state-inline")
def state_inline():
    blob = base64.b64decode(request.form["blob"])
    if hmac.compare_digest(hmac.new(KEY, blob, hashlib.sha256).hexdigest(), request.form["mac"]):
        # ok: py.deserialization.pickle
        return {"size": len(pickle.loads(blob))}
    # ruleid: py.deserialization.pickle
    return {"size": len(pickle.loads(blob))}
