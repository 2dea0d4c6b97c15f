# The secrets module's functions imported by name share names with random's (choice): they are the fix.
import string
from secrets import choice, randbelow


def reset_token():
    # ok: py.weak-crypto.weak-random
    token = "".join(choice(string.hexdigits) for _ in range(32))
    return token


def one_time_code():
    # ok: py.weak-crypto.weak-random
    otp = randbelow(900000) + 100000
    return otp
