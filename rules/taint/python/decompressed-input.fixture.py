# Decompressing keeps the data: zlib.decompress, gzip.decompress, bz2.decompress and lzma.decompress (standard
# library) and brotli.decompress (Google's brotli bindings) return the bytes their argument was compressed from, so
# a state token the client sends base64-encoded and compressed is still the client's. Issue 15, held out 5
# (a preferences parameter decoded, decompressed and unpickled).
import bz2
import gzip
import json
import lzma
import pickle
import zlib
from base64 import urlsafe_b64decode

import brotli
from flask import Flask, request

app = Flask(__name__)


@app.route("/prefs")
def prefs():
    token = request.args.get("preferences", "")
    # ruleid: py.deserialization.pickle
    state = pickle.loads(brotli.decompress(urlsafe_b64decode(token.encode() + b"==")))
    # ok: py.deserialization.pickle
    safe = json.loads(brotli.decompress(urlsafe_b64decode(token.encode() + b"==")))
    app.logger.debug("%d %d", len(state), len(safe))
    return "ok"


@app.route("/import", methods=["POST"])
def import_state():
    blob = request.get_data()
    # ruleid: py.deserialization.pickle
    a = pickle.loads(zlib.decompress(blob))
    # ruleid: py.deserialization.pickle
    b = pickle.loads(gzip.decompress(blob))
    # ruleid: py.code-injection.eval
    c = eval(bz2.decompress(blob))
    # ruleid: py.deserialization.pickle
    d = pickle.loads(lzma.decompress(blob))
    # ok: py.deserialization.pickle
    # ruleid: py.deserialization.pickle-any
    e = pickle.loads(zlib.decompress(zlib.compress(b"\x80\x04N.")))
    return "ok" if (a, b, c, d, e) else "none"
