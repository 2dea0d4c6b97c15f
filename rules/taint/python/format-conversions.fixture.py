# An f-string's `!r` conversion, and `%r` in %-formatting, are repr(): quoted, CR/LF escaped. They clean where
# `repr(...)` is a sanitizer (log injection), and nowhere else (repr does not escape HTML).
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


@app.route("/percent")
def percent():
    column = request.args["column"]
    table = request.args["table"]
    # ok: py.log-injection.logging
    logger.warning("unknown column %r" % column)
    # ok: py.log-injection.logging
    logger.warning("unknown column %r in %-10r (100%% sure)" % (column, table))
    # ruleid: py.log-injection.logging
    logger.warning("unknown column %r in %s" % (column, table))
    # ruleid: py.log-injection.logging
    logger.warning("unknown column %s" % column)
    # A value that may be a tuple at run time fills as many directives as it has items.
    # ruleid: py.log-injection.logging
    logger.warning("unknown column %r %s" % request.args.getlist("pair"))
    # A `*` width takes one more value: directives are not matched to values then, so this repr is not seen.
    # todook: py.log-injection.logging
    logger.warning("unknown column %*r" % (20, column))
    # A mapping key takes the value from a dict.
    # ruleid: py.log-injection.logging
    logger.warning("unknown column %(c)r %(t)s" % {"c": column, "t": table})
    # ruleid: py.xss.html-response
    return "<p>unknown column %r</p>" % column


@app.route("/repr")
def repr_page():
    column = request.args["column"]
    # ok: py.log-injection.logging
    logger.warning("unknown column " + repr(column))
    # repr() quotes the text but keeps its markup.
    # ruleid: py.xss.html-response
    return "<p>unknown column " + repr(column) + "</p>"
