"""A script run as a program, not a package's API: its functions' callers are this file."""
import os
import sys


def build(target):
    # ok: py.cmdi.library-input-shell
    return os.system("make " + target)


def evaluate(expr):
    # ok: py.code-injection.library-input
    return eval("(" + expr + ")")


if __name__ == "__main__":
    build("all")
    evaluate("1 + 1")
