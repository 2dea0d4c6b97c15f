import hashlib
import random
import secrets
import string
from hashlib import md5


def store_user(db, name, password):
    # ruleid: py.weak-crypto.weak-hash
    digest = hashlib.md5(password.encode()).hexdigest()
    db.save(name, digest)


def sign(payload, secret_key):
    # ruleid: py.weak-crypto.weak-hash
    return hashlib.sha1(secret_key + payload).hexdigest()


def api_key_hash(api_key):
    # ruleid: py.weak-crypto.weak-hash
    return md5(api_key.encode("utf-8")).hexdigest()


def reset_token_hash(token):
    # ruleid: py.weak-crypto.weak-hash
    return hashlib.new("sha1", token.encode()).hexdigest()


def etag(body):
    # ok: py.weak-crypto.weak-hash
    return hashlib.md5(body).hexdigest()


def file_checksum(path):
    with open(path, "rb") as f:
        # ok: py.weak-crypto.weak-hash
        return hashlib.sha1(f.read()).hexdigest()


def cache_key(password_policy_name):
    # ok: py.weak-crypto.weak-hash
    return hashlib.md5(password_policy_name.encode(), usedforsecurity=False).hexdigest()


def strong(password, salt):
    # ok: py.weak-crypto.weak-hash
    return hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)


def new_session():
    # ruleid: py.weak-crypto.weak-random
    session_id = "".join(random.choice(string.ascii_letters) for _ in range(32))
    return session_id


def new_reset_code():
    # ruleid: py.weak-crypto.weak-random
    reset_code = random.randint(100000, 999999)
    return reset_code


class Invite:
    def __init__(self):
        # ruleid: py.weak-crypto.weak-random
        self.token = "%032x" % random.getrandbits(128)


def temp_password():
    # ruleid: py.weak-crypto.weak-random
    password = "".join(random.choices(string.ascii_letters + string.digits, k=12))
    return password


def jitter():
    # ok: py.weak-crypto.weak-random
    delay = random.uniform(0.5, 1.5)
    return delay


def good_token():
    # ok: py.weak-crypto.weak-random
    token = secrets.token_hex(16)
    return token


def good_password():
    # ok: py.weak-crypto.weak-random
    password = "".join(secrets.choice(string.ascii_letters) for _ in range(16))
    return password


def shuffle_cards(deck):
    # ok: py.weak-crypto.weak-random
    token_order = sorted(deck)
    random.shuffle(deck)
    return token_order


def two_step(password):
    m = hashlib.md5()
    # ruleid: py.weak-crypto.weak-hash
    m.update(password.encode())
    return m.hexdigest()


def imported_choice():
    from random import choice
    # An import inside the function names what the module does not (local-imports.fixture.py).
    # ruleid: py.weak-crypto.weak-random
    token = "".join(choice(string.hexdigits) for _ in range(32))
    return token
