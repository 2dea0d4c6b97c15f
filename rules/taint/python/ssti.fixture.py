import os
from flask import Flask, render_template, render_template_string, request
from jinja2 import Environment, Template

app = Flask(__name__)
env = Environment()


@app.route("/page")
def page():
    title = request.args.get("title", "")
    # Input in the template is both template syntax and unescaped HTML.
    # ruleid: py.ssti.template-string, py.xss.html-response
    return render_template_string("<h1>" + title + "</h1>")


@app.route("/preview", methods=["POST"])
def preview():
    # ruleid: py.ssti.template-string
    tpl = Template(request.form["template"])
    # ruleid: py.ssti.template-string
    tpl2 = env.from_string(request.form["template"])
    return tpl.render() + tpl2.render()


# ---- negatives ----
@app.route("/n1")
def n1():
    # User data as a template variable.
    # ok: py.ssti.template-string
    page = render_template_string("<h1>{{ title }}</h1>", title=request.args.get("title", ""))
    # ok: py.ssti.template-string
    other = render_template("page.html", title=request.args.get("title", ""))
    return page + other


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.ssti.template-string
    render_template_string(request.args["v"])


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.ssti.template-string
        render_template_string(request.args["v"])
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.ssti.template-string
        render_template_string(choice)
    # ok: py.ssti.template-string
    render_template_string(os.environ["APP_SETTING"])
    return "ok"
