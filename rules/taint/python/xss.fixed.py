import html

from flask import Flask, Response, make_response, request

app = Flask(__name__)


@app.route("/hello")
def hello():
    name = request.args.get("name", "")
    # ruleid: py.xss.html-response
    return make_response("<h1>Hello " + html.escape(name) + "</h1>")


@app.route("/comment", methods=["POST"])
def comment():
    # ruleid: py.xss.html-response
    return Response(f"<p>{html.escape(request.form['text'])}</p>", mimetype="text/html")


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
