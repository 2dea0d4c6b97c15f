# A function of the file's own named like random's: not the random module.
import random


def choice(items):
    return items[0]


def pick_token(tokens):
    # ok: py.weak-crypto.weak-random
    token = "".join(choice(tokens) for _ in range(1))
    return token


def weak_token():
    # ruleid: py.weak-crypto.weak-random
    token = "".join(random.choice("abcdef0123456789") for _ in range(32))
    return token
