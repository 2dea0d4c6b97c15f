# Request input passed to a Jinja2 template's context and printed raw there (templates/ beside this file).
import markupsafe
from flask import Flask, render_template, request

app = Flask(__name__)


# `{{ bio|safe }}`, `{{ c.text|safe }}` over `comments`, `{{ motto }}` under `autoescape false`, `{{ title|safe }}`
# in the base template it extends; `{{ name }}` and `{{ note|e }}` are escaped.
@app.route("/profile")
def profile():
    return render_template(
        "tx_profile.html",
        # ruleid: py.xss.template-raw-output
        bio=request.args["bio"],
        # ok: py.xss.template-raw-output
        name=request.args["name"],
        # ruleid: py.xss.template-raw-output
        title=request.args.get("t"),
        # ok: py.xss.template-raw-output
        note=request.args.get("n"),
    )


@app.route("/profile/comments", methods=["POST"])
def comments():
    ctx = {"comments": request.json["comments"], "name": "x"}
    # ruleid: py.xss.template-raw-output
    return render_template("tx_profile.html", **ctx)


@app.route("/profile/motto")
def motto():
    ctx = {"name": request.args["name"], "motto": "Hello"}
    # ok: py.xss.template-raw-output
    return render_template("tx_profile.html", **ctx)


@app.route("/profile/escaped")
def escaped():
    # ok: py.xss.template-raw-output
    return render_template("tx_profile.html", bio=markupsafe.escape(request.args["bio"]))


@app.route("/missing")
def missing():
    # ok: py.xss.template-raw-output
    return render_template("tx_missing.html", bio=request.args["bio"])


@app.route("/motto")
def motto_raw():
    # ruleid: py.xss.template-raw-output
    return render_template("tx_profile.html", motto=request.form["m"])
