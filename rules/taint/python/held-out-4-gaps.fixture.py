# Gaps from issue 15's held out 4 (published fixes the rules had not seen): a `todoruleid:` until the engine reads
# the form, then a `ruleid:`.
from django.http import HttpResponse, HttpResponseBadRequest
from flask import Flask, request

app = Flask(__name__)


class InputParameterError(ValueError):
    pass


def str_param(name, value):
    if not value.isidentifier():
        raise InputParameterError("Invalid value %r for param %s" % (value, name))
    return value


# An exception's message carries the input to the handler that prints it (graphite-web's error decorator):
# taint does not follow a raise to its except clause.
def find(request):
    try:
        str_param("query", request.GET["query"])
    except InputParameterError as e:
        # ruleid: py.xss.html-response
        return HttpResponseBadRequest(str(e))
    return HttpResponse("ok")


# pandas DataFrame.query / DataFrame.eval / pandas.eval evaluate a Python expression (with engine="python", any
# call): the pandas documentation warns against passing user input. A sink on a frame the code made or read
# (`.query(...)` alone does not tell a DataFrame from an ORM session or a SQL client).
@app.route("/test-filter")
def test_filter():
    import pandas as pd

    df = pd.DataFrame({"a": [1, 2]})
    # ruleid: py.code-injection.eval
    return str(df.query(request.args["query"], engine="python"))


@app.route("/report")
def report():
    import pandas as pd

    sales = pd.read_csv("sales.csv")
    # ruleid: py.code-injection.eval
    total = sales.eval(request.args["formula"])
    # ruleid: py.code-injection.eval
    ratio = pd.eval(request.args["ratio"])
    # ok: py.code-injection.eval
    big = sales.query("amount > 100")
    # An ORM session's query is not pandas'.
    # ok: py.code-injection.eval
    rows = db_session.query(request.args["model"])
    return str((total, ratio, big, rows))
