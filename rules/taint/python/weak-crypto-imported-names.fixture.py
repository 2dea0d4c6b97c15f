# The random module's functions imported by name (`from random import choice`): the call names no `random.`.
import string
from random import choice, choices, randint as rint, sample

from secrets import token_hex


def reset_token():
    # ruleid: py.weak-crypto.weak-random
    token = "".join(choice(string.hexdigits) for _ in range(32))
    return token


def one_time_code():
    # ruleid: py.weak-crypto.weak-random
    otp = rint(100000, 999999)
    return otp


def new_api_key():
    # ruleid: py.weak-crypto.weak-random
    api_key = "".join(choices(string.ascii_letters + string.digits, k=40))
    return api_key


def new_salt():
    # ruleid: py.weak-crypto.weak-random
    salt = "".join(sample(string.ascii_letters, 16))
    return salt


# ---- negatives ----
def good_token():
    # ok: py.weak-crypto.weak-random
    token = token_hex(16)
    return token


def shuffle_display(items):
    # Not a secret: a random pick for display.
    # ok: py.weak-crypto.weak-random
    banner = choice(items)
    return banner


def dice():
    # ok: py.weak-crypto.weak-random
    roll = rint(1, 6)
    return roll
