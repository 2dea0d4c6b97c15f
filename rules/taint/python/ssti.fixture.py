from flask import Flask, render_template, render_template_string, request
from jinja2 import Environment, Template

app = Flask(__name__)
env = Environment()


@app.route("/page")
def page():
    title = request.args.get("title", "")
    # ruleid: py.ssti.template-string
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
