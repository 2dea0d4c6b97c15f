import hashlib
import hmac
import os
import random
import secrets
import string
import uuid

import numpy as np
from Crypto.Hash import MD5, SHA
from django.contrib.auth.hashers import make_password


def legacy_hash(username, password, salt):
    # ruleid: py.weak-crypto.weak-hash
    return hashlib.sha1((salt + password).encode("utf-8")).hexdigest()


def session_hash(session_token):
    h = hashlib.new("md5")
    # ruleid: py.weak-crypto.weak-hash
    h.update(session_token.encode())
    return h.hexdigest()


def pycryptodome_digest(api_key):
    # ruleid: py.weak-crypto.weak-hash
    return MD5.new(api_key.encode()).hexdigest()


def pycryptodome_sha(password):
    # ruleid: py.weak-crypto.weak-hash
    return SHA.new(password.encode()).hexdigest()


def import_legacy_user(user, raw_password):
    # ruleid: py.weak-crypto.weak-hash
    user.password = make_password(raw_password, hasher="unsalted_md5")
    user.save()


def webhook_signature(body, signing_secret):
    # ruleid: py.weak-crypto.weak-hash
    return hashlib.md5(f"{signing_secret}:{body}".encode()).hexdigest()


def api_key():
    # ruleid: py.weak-crypto.weak-random
    api_key = "".join(random.sample(string.ascii_letters + string.digits, 32))
    return api_key


def one_time_code(user):
    # ruleid: py.weak-crypto.weak-random
    otp = str(random.randrange(0, 1_000_000)).zfill(6)
    user.send_sms(otp)


def issue(user):
    # ruleid: py.weak-crypto.weak-random
    user.reset_token = "%x" % random.getrandbits(64)
    user.save()


def csrf_nonce():
    # numpy's generator is not for secrets either.
    # ruleid: py.weak-crypto.weak-random
    nonce = "".join(map(str, np.random.randint(0, 10, size=16)))
    return nonce


def key_material():
    # ruleid: py.weak-crypto.weak-random
    SECRET_KEY = random.randbytes(32)
    return SECRET_KEY


# ---- negatives ----


def gravatar_url(email):
    # ok: py.weak-crypto.weak-hash
    digest = hashlib.md5(email.strip().lower().encode()).hexdigest()
    return f"https://www.gravatar.com/avatar/{digest}"


def stored_token_digest(token):
    # ok: py.weak-crypto.weak-hash
    return hashlib.sha256(token.encode()).hexdigest()


def sign_body(body, secret):
    # ok: py.weak-crypto.weak-hash
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def derive(password, salt):
    # ok: py.weak-crypto.weak-hash
    return hashlib.pbkdf2_hmac("sha256", password.encode(), salt, 600_000)


def file_md5(path):
    h = hashlib.md5()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(65536), b""):
            # ok: py.weak-crypto.weak-hash
            h.update(chunk)
    return h.hexdigest()


def strong_update(password, salt):
    h = hashlib.sha256()
    h.update(salt)
    # ok: py.weak-crypto.weak-hash
    h.update(password.encode())
    return h.hexdigest()


def cache_bucket(token):
    h = hashlib.md5(usedforsecurity=False)
    # Sharding only: the digest picks a cache bucket.
    # ok: py.weak-crypto.weak-hash
    h.update(token.encode())
    return int(h.hexdigest(), 16) % 64


def hashed_for_django(raw_password):
    # ok: py.weak-crypto.weak-hash
    return make_password(raw_password)


def system_random_password():
    rng = random.SystemRandom()
    # ok: py.weak-crypto.weak-random
    password = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(16))
    return password


def url_token():
    # ok: py.weak-crypto.weak-random
    token = secrets.token_urlsafe(32)
    return token


def fresh_salt():
    # ok: py.weak-crypto.weak-random
    salt = os.urandom(16)
    return salt


def request_id():
    # ok: py.weak-crypto.weak-random
    session_id = uuid.uuid4().hex
    return session_id


def backoff(attempt):
    # Jitter for retries; no secret.
    # ok: py.weak-crypto.weak-random
    wait = min(60, 2**attempt) + random.random()
    return wait
