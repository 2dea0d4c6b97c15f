# Known gaps from issue 15's held out 4 (published fixes the rules had not seen), each a `todoruleid:` until the
# engine reads the form.
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
        # todoruleid: py.xss.html-response
        return HttpResponseBadRequest(str(e))
    return HttpResponse("ok")


# pandas DataFrame.query / DataFrame.eval / pandas.eval evaluate a Python expression (with engine="python", any
# call): the pandas documentation warns against passing user input. Not a sink yet: `.query(...)` alone does not
# tell a DataFrame from an ORM session or a SQL client.
@app.route("/test-filter")
def test_filter():
    import pandas as pd

    df = pd.DataFrame({"a": [1, 2]})
    # todoruleid: py.code-injection.eval
    return str(df.query(request.args["query"], engine="python"))
