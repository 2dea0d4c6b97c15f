# Flask turns Jinja's autoescaping on only for templates named .html, .htm, .xml, .xhtml or .svg
# (https://flask.palletsprojects.com/en/stable/templating/#jinja-setup): the values render_template passes to any
# other template are written into the page as they are. Text formats (.txt, .md, .csv, .json...) are left out: such a
# template is an email or a file, not a page. Issue 15, held out 3.
from flask import Flask, render_template, request

app = Flask(__name__)


def render_with_shared(name, **params):
    shared = {"current_path": request.path, "title": None}
    shared.update(params)
    # ruleid: py.xss.html-response
    return render_template("{0}.dhtml".format(name), **shared)


@app.route("/hello")
def hello():
    # ruleid: py.xss.html-response
    return render_template("hello.jinja2", who=request.args.get("who"))


@app.route("/hello-page")
def hello_page():
    # ok: py.xss.html-response
    return render_template("hello.html", who=request.args.get("who"))


@app.route("/report")
def report():
    # ok: py.xss.html-response
    return render_template("report.csv", rows=[request.args.get("q")]), 200, {"Content-Type": "text/csv"}


@app.route("/courses")
def courses():
    return render_with_shared("courses", category=None)
