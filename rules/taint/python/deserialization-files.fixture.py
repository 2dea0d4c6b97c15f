# Deserialisers that run code, on data that is not known to be request input: the pattern rules
# py.deserialization.pickle-any and py.deserialization.yaml-unsafe-loader (a cache file, a queue message, a
# config file). A Flask view at the end holds the request forms of the loaders the taint rule gained.
import hashlib
import hmac
import json
import pickle
import pickle as pkl
import pickletools
from pickle import Unpickler, loads

import cPickle
import dill
import jsonpickle
import redis
import yaml
from flask import Flask, request
from ruamel.yaml import YAML
from yaml import CLoader, FullLoader

SIGNING_KEY = b"loaded-from-the-environment-at-start"

cache = redis.Redis()
app = Flask(__name__)


def load_cache(path):
    with open(path, "rb") as fh:
        # ruleid: py.deserialization.pickle-any
        return pickle.load(fh)


def session_from_redis(key):
    # Whoever can write to the cache can choose the code.
    # ruleid: py.deserialization.pickle-any
    return pickle.loads(cache.get("session:" + key))


def legacy_state(path):
    with open(path, "rb") as fh:
        # ruleid: py.deserialization.pickle-any
        return cPickle.load(fh)


def legacy_blob(blob):
    # ruleid: py.deserialization.pickle-any
    return cPickle.loads(blob)


def restore_function(path):
    with open(path, "rb") as fh:
        # ruleid: py.deserialization.pickle-any
        return dill.load(fh)


def restore_closure(blob):
    # ruleid: py.deserialization.pickle-any
    return dill.loads(blob)


def aliased(path):
    with open(path, "rb") as fh:
        # ruleid: py.deserialization.pickle-any
        return pkl.load(fh)


def imported_names(blob, fh):
    # ruleid: py.deserialization.pickle-any
    a = loads(blob)
    # ruleid: py.deserialization.pickle-any
    b = Unpickler(fh).load()
    return a, b


def read_settings(path):
    with open(path) as fh:
        # No Loader: PyYAML before 5.1 used the full loader.
        # ruleid: py.deserialization.yaml-unsafe-loader
        return yaml.load(fh)


def read_settings_c(path):
    with open(path) as fh:
        # ruleid: py.deserialization.yaml-unsafe-loader
        return yaml.load(fh, Loader=CLoader)


def read_settings_positional(text):
    # ruleid: py.deserialization.yaml-unsafe-loader
    return yaml.load(text, yaml.UnsafeLoader)


def read_settings_keyword(text):
    # ruleid: py.deserialization.yaml-unsafe-loader
    return yaml.load(stream=text, Loader=yaml.FullLoader)


def read_full(text):
    # ruleid: py.deserialization.yaml-unsafe-loader
    return yaml.full_load(text)


def read_all(path):
    with open(path) as fh:
        # ruleid: py.deserialization.yaml-unsafe-loader
        return list(yaml.load_all(fh, Loader=yaml.Loader))


def read_all_unsafe(text):
    # ruleid: py.deserialization.yaml-unsafe-loader
    return list(yaml.unsafe_load_all(text))


def read_all_full(text):
    # ruleid: py.deserialization.yaml-unsafe-loader
    return list(yaml.full_load_all(text))


def read_all_c(text):
    # ruleid: py.deserialization.yaml-unsafe-loader
    return list(yaml.load_all(text, yaml.CFullLoader))


def read_settings_c_unsafe(path):
    with open(path) as fh:
        # ruleid: py.deserialization.yaml-unsafe-loader
        return yaml.load(fh, Loader=yaml.CUnsafeLoader)


def read_settings_imported(text):
    # ruleid: py.deserialization.yaml-unsafe-loader
    return yaml.load(text, FullLoader)


def read_all_default(text):
    # ruleid: py.deserialization.yaml-unsafe-loader
    return list(yaml.load_all(text))


# ---- negatives ----


def save_cache(path, obj):
    with open(path, "wb") as fh:
        # ok: py.deserialization.pickle-any
        pickle.dump(obj, fh, protocol=pickle.HIGHEST_PROTOCOL)
    # ok: py.deserialization.pickle-any
    return pickle.dumps(obj)


def save_function(fn):
    # ok: py.deserialization.pickle-any
    return dill.dumps(fn)


def load_json_cache(path):
    with open(path) as fh:
        # ok: py.deserialization.pickle-any
        return json.load(fh)


def to_jsonpickle(obj):
    # ok: py.deserialization.pickle-any
    return jsonpickle.encode(obj)


class Store:
    def __init__(self, backend):
        self.pickle = backend

    def get(self, key):
        # An attribute that happens to be called pickle is not the module.
        # ok: py.deserialization.pickle-any
        return self.pickle.load(key)


def save_stream(objs, path):
    with open(path, "wb") as fh:
        pickler = pickle.Pickler(fh)
        for obj in objs:
            # ok: py.deserialization.pickle-any
            pickler.dump(obj)


def save_legacy(obj, path):
    with open(path, "wb") as fh:
        # ok: py.deserialization.pickle-any
        cPickle.dump(obj, fh)
        # ok: py.deserialization.pickle-any
        dill.dump(obj, fh)


def try_load(text):
    try:
        # ok: py.deserialization.pickle-any
        return json.loads(text)
    # ok: py.deserialization.pickle-any
    except (pickle.UnpicklingError, ValueError):
        return None


def signed_load(blob, signature):
    expected = hmac.new(SIGNING_KEY, blob, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        raise ValueError("bad signature")
    # Loading data this program signed, after checking the signature, is the rule's own advice.
    # ok: py.deserialization.pickle-any
    return pickle.loads(blob)


def read_settings_safe(path):
    with open(path) as fh:
        # ok: py.deserialization.yaml-unsafe-loader
        return yaml.safe_load(fh)


def read_settings_base(text):
    # ok: py.deserialization.yaml-unsafe-loader
    return yaml.load(text, Loader=yaml.BaseLoader)


def read_settings_csafe_keyword(text):
    # ok: py.deserialization.yaml-unsafe-loader
    return yaml.load(stream=text, Loader=yaml.CSafeLoader)


def read_all_safe(text):
    # ok: py.deserialization.yaml-unsafe-loader
    a = list(yaml.safe_load_all(text))
    # ok: py.deserialization.yaml-unsafe-loader
    b = list(yaml.load_all(text, Loader=yaml.SafeLoader))
    return a + b


def disassemble(blob):
    # pickletools reads the opcodes without running them.
    # ok: py.deserialization.pickle-any
    return pickletools.dis(blob)


def read_local_loader_class(path):
    # A class of the program's own that happens to be called Loader (kubernetes' create_from_yaml shape): only
    # yaml's Loader names (`yaml.Loader`, or imported from yaml) are the unsafe one.
    class Loader(yaml.SafeLoader):
        pass

    with open(path) as fh:
        # ok: py.deserialization.yaml-unsafe-loader
        docs = list(yaml.load_all(fh, Loader=Loader))
        # ok: py.deserialization.yaml-unsafe-loader
        doc = yaml.load(fh, Loader)
    return docs, doc


def read_custom_positional(text):
    # ok: py.deserialization.yaml-unsafe-loader
    return yaml.load(text, SafeishLoader)


def dump_full(obj):
    # Dumping with the full Dumper writes tags; it loads nothing.
    # ok: py.deserialization.yaml-unsafe-loader
    return yaml.dump(obj, Dumper=yaml.Dumper)


def read_settings_cbase(text):
    # ok: py.deserialization.yaml-unsafe-loader
    return yaml.load(text, Loader=yaml.CBaseLoader)


def read_nodes(text):
    # compose builds the node graph only, no Python objects.
    # ok: py.deserialization.yaml-unsafe-loader
    return yaml.compose(text)


def read_ruamel(text):
    # ruamel.yaml's safe loader.
    # ok: py.deserialization.yaml-unsafe-loader
    return YAML(typ="safe").load(text)


def write_settings(cfg, path):
    with open(path, "w") as fh:
        # ok: py.deserialization.yaml-unsafe-loader
        yaml.safe_dump(cfg, fh)


class SafeishLoader(yaml.SafeLoader):
    pass


def read_custom(text):
    # A loader class of the program's own, derived from SafeLoader.
    # ok: py.deserialization.yaml-unsafe-loader
    return yaml.load(text, Loader=SafeishLoader)


# ---- request input to the loaders the taint rule gained ----
@app.route("/legacy", methods=["POST"])
def legacy_upload():
    # ruleid: py.deserialization.pickle
    state = cPickle.load(request.files["state"])
    # ruleid: py.deserialization.pickle
    obj = jsonpickle.loads(request.get_data(as_text=True))
    # ruleid: py.deserialization.yaml-load
    cfg = yaml.load(stream=request.data, Loader=yaml.Loader)
    # ruleid: py.deserialization.yaml-load
    docs = list(yaml.load_all(request.data, yaml.CLoader))
    return str((state, obj, cfg, docs))  # ruleid: py.xss.html-response (a parsed document may be a plain string)


class Loader(yaml.SafeLoader):
    pass


@app.route("/local-loader", methods=["POST"])
def local_loader():
    # ok: py.deserialization.yaml-load
    return {"doc": str(yaml.load(request.data, Loader=Loader))}


@app.route("/legacy-safe", methods=["POST"])
def legacy_safe():
    # ok: py.deserialization.pickle
    obj = json.loads(request.get_data(as_text=True))
    # ok: py.deserialization.yaml-load
    cfg = yaml.load(stream=request.data, Loader=yaml.SafeLoader)
    # ok: py.deserialization.yaml-load
    nodes = yaml.compose(request.data)
    # ok: py.deserialization.yaml-load
    doc = YAML(typ="safe", pure=True).load(request.data)
    # ok: py.deserialization.yaml-load
    base = yaml.load(request.data, Loader=yaml.CBaseLoader)
    del nodes, doc, base
    return {"loaded": obj is not None and cfg is not None}
