import string

import flask
import jinja2
from flask import Flask, request
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import escape

app = Flask(__name__)
env = Environment(loader=FileSystemLoader("templates"), autoescape=select_autoescape())
SNIPPETS = {"short": "{{ name }}", "long": "Dear {{ name }},"}
GREETINGS = ("hello", "welcome")


@app.route("/email-preview", methods=["POST"])
def email_preview():
    body = request.get_json()["body"]
    # ruleid: py.ssti.template-string, py.xss.html-response
    return flask.render_template_string(body, user="preview")


@app.route("/banner")
def banner():
    # escape() turns < and & into entities but leaves {{ }} alone: the input is still template code.
    title = escape(request.args["title"])
    # ruleid: py.ssti.template-string
    html = flask.render_template_string(f"<div class='banner'>{title}</div>")
    return html


@app.route("/env-render", methods=["POST"])
def env_render():
    source = request.form.get("layout", "")
    # ruleid: py.ssti.template-string
    rendered = env.from_string("{% extends 'base.html' %}" + source).render()
    return flask.escape(rendered)


@app.route("/module-template", methods=["POST"])
def module_template():
    # ruleid: py.ssti.template-string
    tpl = jinja2.Template(request.data.decode())
    return flask.escape(tpl.render())


@app.route("/keyword-source", methods=["POST"])
def keyword_source():
    # ruleid: py.ssti.template-string
    tpl = jinja2.Environment().from_string(source=request.form["tpl"])
    return flask.escape(tpl.render())


def render_custom(fragment, **context):
    # ruleid: py.ssti.template-string
    return env.from_string(fragment).render(**context)


@app.route("/widget", methods=["POST"])
def widget():
    return flask.escape(render_custom(request.form["widget"], user="x"))


# ---- negatives ----


@app.route("/as-data")
def as_data():
    # The input is a variable of a constant template.
    # ok: py.ssti.template-string
    return flask.render_template_string("<p>{{ msg }}</p>", msg=request.args["msg"])


@app.route("/by-name")
def by_name():
    # The input picks a file the loader serves (it refuses paths leaving its folder); the template text is the server's.
    period = request.args.get("period", "monthly")
    # ok: py.ssti.template-string
    tpl = env.get_template("reports/" + period + ".html")
    return tpl.render(month=request.args["month"])


@app.route("/snippet")
def snippet():
    kind = request.args.get("kind", "short")
    if kind not in SNIPPETS:
        kind = "short"
    # ok: py.ssti.template-string
    tpl = env.from_string(SNIPPETS["short"] if kind == "short" else SNIPPETS["long"])
    return tpl.render(name=request.args.get("name", ""))


@app.route("/string-template")
def string_template():
    # string.Template only substitutes $names; it runs no code.
    # ok: py.ssti.template-string
    text = string.Template(request.args["fmt"]).safe_substitute(user="guest")
    return flask.escape(text)


@app.route("/greeting")
def greeting():
    word = request.args.get("word", "hello")
    if word in GREETINGS:
        # ok: py.ssti.template-string
        return flask.render_template_string(word + ", {{ name }}", name="guest")
    return "unknown"


@app.route("/stored")
def stored():
    # A template the application ships with, read from its own folder.
    with open("templates/footer.txt") as fh:
        # ok: py.ssti.template-string
        footer = jinja2.Template(fh.read())
    return footer.render(year=2024)
