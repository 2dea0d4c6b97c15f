# A compiled pattern's methods take the text to search: input there is not a pattern (Django's parse_http_date
# loops `for regex in (RFC1123_DATE, ...)`: the loop variable is no `regex` module, which this file never imports).
import re

from flask import Flask, request

app = Flask(__name__)
DATE_FORMATS = (re.compile(r"^\d{4}-\d{2}-\d{2}$"), re.compile(r"^\d{8}$"))
SLUG = re.compile(r"^[a-z0-9-]+$")


@app.route("/date")
def date():
    value = request.args["d"]
    for regex in DATE_FORMATS:
        # ok: py.regex-injection.compile
        if regex.match(value):
            return {"ok": True}
    # ok: py.regex-injection.compile
    return {"ok": bool(SLUG.fullmatch(value))}


@app.route("/grep")
def grep():
    # ruleid: py.regex-injection.compile
    rx = re.compile(request.args["pattern"])
    return {"ok": bool(rx.search("some text"))}
