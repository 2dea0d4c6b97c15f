# A pattern compiled from request input: `(a+)+$` against a long run of `a`s ties up the worker
# (https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS). re.escape() makes the
# input the literal text it is.
import re

import regex
from flask import Flask, request

app = Flask(__name__)
NAMES = ["alpha", "beta"]


@app.route("/search")
def search():
    q = request.args.get("q", "")
    # ruleid: py.regex-injection.compile
    pattern = re.compile(q, re.IGNORECASE)
    return {"hits": [n for n in NAMES if pattern.search(n)]}


@app.route("/prefix")
def prefix():
    # ruleid: py.regex-injection.compile
    return {"hits": [n for n in NAMES if re.match("^" + request.args["p"], n)]}


@app.route("/split", methods=["POST"])
def split():
    data = request.get_json()
    # ruleid: py.regex-injection.compile
    parts = regex.split(data["sep"], data["text"])
    # ruleid: py.regex-injection.compile
    found = re.findall(pattern=data["pattern"], string=data["text"])
    return {"parts": parts, "found": found}


@app.route("/search-safe")
def search_safe():
    q = request.args.get("q", "")
    # ok: py.regex-injection.compile
    pattern = re.compile(re.escape(q), re.IGNORECASE)
    # The input is the text searched, not the pattern.
    # ok: py.regex-injection.compile
    digits = re.findall(r"\d+", q)
    # ok: py.regex-injection.compile
    cleaned = re.sub(r"\s+", " ", q, flags=re.I)
    return {"hits": [n for n in NAMES if pattern.search(n)], "digits": digits, "cleaned": cleaned}


@app.route("/width")
def width():
    # ok: py.regex-injection.compile
    return {"ok": bool(re.fullmatch(r"\w{%d}" % int(request.args["n"]), "abc"))}
