# A Jinja2 Environment made without autoescape prints every plain {{ x }} raw (templates/ beside this file).
import jinja2
from flask import Flask, request

app = Flask(__name__)
raw_env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"))
safe_env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=jinja2.select_autoescape())


@app.route("/preview")
def preview():
    # ruleid: py.xss.template-raw-output
    return raw_env.get_template("tx_mail.html").render(name=request.args["n"])


@app.route("/preview/note")
def preview_note():
    # `{{ note|e }}` and `{{ sig }}` under `autoescape true` are escaped even there.
    # ok: py.xss.template-raw-output
    return raw_env.get_template("tx_mail.html").render(note=request.args["n"], sig=request.args["s"])


@app.route("/preview/safe")
def preview_safe():
    # ok: py.xss.template-raw-output
    return safe_env.get_template("tx_mail.html").render(name=request.args["n"])


@app.route("/preview/local")
def preview_local():
    env = jinja2.Environment(loader=jinja2.FileSystemLoader("templates"), autoescape=False)
    # ruleid: py.xss.template-raw-output
    return env.get_template("tx_mail.html").render(name=request.form["n"])
