# Pickles the program wrote and signed with its own key: loading them after the HMAC check is loading its own
# data. Without the check, whoever can write the bytes chooses the code unpickling runs.
import hashlib
import hmac
import os
import pickle

KEY = os.environ["CACHE_SIGNING_KEY"].encode()


def seal(obj) -> bytes:
    body = pickle.dumps(obj)
    return hmac.new(KEY, body, hashlib.sha256).digest() + body


def unseal(blob: bytes):
    mac, body = blob[:32], blob[32:]
    if not hmac.compare_digest(mac, hmac.new(KEY, body, hashlib.sha256).digest()):
        raise ValueError("bad signature")
    # ok: py.deserialization.pickle-any
    return pickle.loads(body)


def unseal_unchecked(blob: bytes):
    # ruleid: py.deserialization.pickle-any
    return pickle.loads(blob[32:])


def read_cache(path):
    with open(path, "rb") as f:
        # ruleid: py.deserialization.pickle-any
        return pickle.load(f)
