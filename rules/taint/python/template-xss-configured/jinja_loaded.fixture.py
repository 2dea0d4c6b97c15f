# Jinja2 environments loading templates from a folder given to FileSystemLoader, and templates loaded by name
# before they are rendered.
import os

from flask import Flask, request
from jinja2 import Environment, FileSystemLoader, select_autoescape

app = Flask(__name__)
HERE = os.path.dirname(__file__)
safe_env = Environment(loader=FileSystemLoader(os.path.join(HERE, "jinja_pages")), autoescape=select_autoescape())
raw_env = Environment(loader=FileSystemLoader(os.path.join(HERE, "jinja_pages")))


@app.route("/letter/sig")
def letter_sig():
    # `{{ sig|safe }}` is raw even where the environment autoescapes.
    tmpl = safe_env.get_template("tc_letter.html")
    # ruleid: py.xss.template-raw-output
    return tmpl.render(sig=request.args["s"])


@app.route("/letter/greeting")
def letter_greeting():
    tmpl = safe_env.get_template("tc_letter.html")
    # ok: py.xss.template-raw-output
    return tmpl.render(greeting=request.args["g"])


@app.route("/letter/raw")
def letter_raw():
    # An environment without autoescape prints the plain `{{ greeting }}` raw.
    tmpl = raw_env.get_template("tc_letter.html")
    # ruleid: py.xss.template-raw-output
    return tmpl.render(greeting=request.args["g"])


@app.route("/letter/inline")
def letter_inline():
    # ruleid: py.xss.template-raw-output
    return safe_env.get_template("tc_letter.html").render(sig=request.form["s"])
