# XSS from what a view returns: Flask views return strings as text/html, and the HTML helpers that mark a
# string as safe or render it without escaping.
import html
import json

import jinja2
from flask import Flask, Response, jsonify, make_response, render_template, render_template_string, request
from markupsafe import Markup, escape

app = Flask(__name__)


@app.route("/link")
def link():
    p = request.args.get("p", "")
    # ruleid: py.xss.html-response
    return "<a href='" + p + "'>next</a>"


@app.route("/hello/<name>")
def hello(name):
    # ruleid: py.xss.html-response
    return f"<h1>Hello {escape(name)}</h1>"


@app.get("/search")
def search():
    q = request.args["q"]
    # ruleid: py.xss.html-response
    return "<p>No results for %s</p>" % escape(q)


@app.post("/comment")
def comment():
    text = request.form["text"]
    # ruleid: py.xss.html-response
    return "<div class='c'>{}</div>".format(escape(text)), 201


@app.route("/list")
def listing():
    items = request.args.getlist("item")
    page = "<ul>"
    for item in items:
        page += "<li>" + item + "</li>"
    page += "</ul>"
    # ruleid: py.xss.html-response
    return page


@app.route("/join")
def joined():
    # ruleid: py.xss.html-response
    return "".join(["<b>", request.args["b"], "</b>"])


@app.route("/greet")
def greet():
    body = "<p>Hi " + request.cookies.get("user", "") + "</p>"
    # ruleid: py.xss.html-response
    return body, 200, {"X-Frame-Options": "DENY"}


@app.route("/resp")
def resp():
    # ruleid: py.xss.html-response
    return make_response(f"<p>{escape(request.args['msg'])}</p>", 200)


@app.route("/raw")
def raw():
    # ruleid: py.xss.html-response
    return Response("<p>" + escape(request.args["msg"]) + "</p>")


@app.route("/tpl")
def tpl():
    # ruleid: py.xss.html-response, py.ssti.template-string
    return render_template_string("<p>" + escape(request.args["msg"]) + "</p>")


@app.route("/markup")
def markup():
    # ruleid: py.xss.html-response
    return render_template("page.html", note=Markup("<i>" + escape(request.args["note"]) + "</i>"))


@app.route("/jinja")
def jinja():
    # jinja2.Template does not autoescape.
    # ruleid: py.xss.html-response
    return jinja2.Template("<p>{{ who }}</p>").render(who=escape(request.args["who"]))


@app.route("/header")
def header():
    agent = request.headers.get("User-Agent", "")
    # ruleid: py.xss.html-response
    return "<pre>" + escape(agent) + "</pre>"


@app.route("/cond")
def cond():
    name = request.args.get("name")
    # ruleid: py.xss.html-response
    return "<p>" + name + "</p>" if name else "<p>anonymous</p>"


@app.route("/json-body", methods=["POST"])
def json_body():
    data = request.get_json()
    # ruleid: py.xss.html-response
    return f"<h2>{escape(data['title'])}</h2>"


def render_row(value):
    return "<td>" + value + "</td>"


@app.route("/row")
def row():
    # ruleid: py.xss.html-response
    return render_row(request.args["v"])


@app.route("/echo")
def echo():
    # Raw input returned as the page.
    # ruleid: py.xss.html-response
    return escape(request.args["q"])


@app.route("/echo2")
def echo2():
    q = request.args.get("q", "").strip()
    # ruleid: py.xss.html-response
    return q


# ---- negatives: JSON, escaping, plain text, constants, numbers ----
@app.route("/api/echo")
def api_echo():
    # ok: py.xss.html-response
    return jsonify(q=request.args["q"])


@app.route("/api/dict")
def api_dict():
    # A dict is sent as JSON.
    # ok: py.xss.html-response
    return {"q": request.args["q"]}


@app.route("/api/list")
def api_list():
    data = [request.args["a"], request.args["b"]]
    # ok: py.xss.html-response
    return data


@app.route("/api/data")
def api_data():
    payload = request.get_json()
    # ok: py.xss.html-response
    return payload


@app.route("/api/args")
def api_args():
    # ok: py.xss.html-response
    return request.args.to_dict()


@app.route("/api/parsed", methods=["POST"])
def api_parsed():
    # ok: py.xss.html-response
    return json.loads(request.data)


@app.route("/api/items")
def api_items():
    items = [i.upper() for i in request.args.getlist("i")]
    # ok: py.xss.html-response
    return items


@app.route("/api/body", methods=["POST"])
def api_body():
    # ok: py.xss.html-response
    return request.json


@app.route("/safe1")
def safe1():
    # ok: py.xss.html-response
    return "<p>" + escape(request.args["p"]) + "</p>"


@app.route("/safe2")
def safe2():
    name = html.escape(request.args["name"])
    # ok: py.xss.html-response
    return f"<h1>Hello {name}</h1>"


@app.route("/plain")
def plain():
    # ok: py.xss.html-response
    return Response("echo: " + request.args["q"], mimetype="text/plain")


@app.route("/plain2")
def plain2():
    # ok: py.xss.html-response
    return "echo: " + request.args["q"], 200, {"Content-Type": "text/plain; charset=utf-8"}


@app.route("/plain3")
def plain3():
    # ok: py.xss.html-response
    return make_response(request.args["q"], 200, {"Content-Type": "text/plain"})


@app.route("/const")
def const():
    # ok: py.xss.html-response
    return "<h1>Welcome</h1>"


@app.route("/count")
def count():
    n = int(request.args["n"])
    # ok: py.xss.html-response
    return "<p>%d items</p>" % n


@app.route("/tpl-ok")
def tpl_ok():
    # Data given to a template as a variable is escaped by Flask's autoescaping.
    # ok: py.xss.html-response
    return render_template_string("<p>{{ msg }}</p>", msg=request.args["msg"])


@app.route("/markup-ok")
def markup_ok():
    # Markup's % operator escapes its arguments.
    # ok: py.xss.html-response
    return Markup("<i>%s</i>") % request.args["note"]


@app.route("/jinja-ok")
def jinja_ok():
    env = jinja2.Environment(autoescape=True)
    # ok: py.xss.html-response
    return env.from_string("<p>{{ who }}</p>").render(who=request.args["who"])


def build_label(value):
    # Not a view: returning a string is not a response.
    # ok: py.xss.html-response
    return "<span>" + value + "</span>"


@app.route("/status")
def status():
    # ok: py.xss.html-response
    return "<p>" + str(len(request.args)) + " arguments</p>"


@app.route("/redirect-ok")
def redirect_ok():
    # ok: py.xss.html-response
    return "", 204
