import os
import html

from flask import Flask, Response, make_response, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: py.xss.html-response
    return make_response("<h1>Hello " + name + "</h1>")


@app.route("/comment", methods=["POST"])
def comment():
    # ruleid: py.xss.html-response
    return Response(f"<p>{request.form['text']}</p>", mimetype="text/html")


# ---- negatives ----
@app.route("/n1")
def n1():
    name = request.args.get("name", "")
    # ok: py.xss.html-response
    resp = make_response("<h1>Hello " + html.escape(name) + "</h1>")
    # ok: py.xss.html-response
    resp2 = make_response("<p>count: %d</p>" % int(request.args["n"]))
    # ok: py.xss.html-response
    resp3 = make_response("<h1>static</h1>")
    return resp


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.xss.html-response
    make_response("<p>" + request.args["v"])


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.xss.html-response
        make_response("<p>" + request.args["v"])
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.xss.html-response
        make_response("<p>" + choice)
    # ok: py.xss.html-response
    make_response("<p>" + os.environ["APP_SETTING"])
    return "ok"
