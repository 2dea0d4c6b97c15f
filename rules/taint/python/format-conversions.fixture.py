# An f-string's `!r` conversion is repr(): quoted, CR/LF escaped. It cleans where `repr(...)` is a sanitizer (log
# injection), and nowhere else (repr does not escape HTML).
import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/columns")
def columns():
    column = request.args["column"]
    # ok: py.log-injection.logging
    logger.warning(f"unknown column {column!r}")
    # ruleid: py.log-injection.logging
    logger.warning(f"unknown column {column}")
    # ruleid: py.log-injection.logging
    logger.warning(f"unknown column {column!s}")
    # ruleid: py.xss.html-response
    return f"<p>unknown column {column!r}</p>"
