# A Flask app whose templates live in the folder it configures (site_tpl/, not templates/).
from flask import Flask, render_template, request

app = Flask(__name__, template_folder="site_tpl")


@app.route("/page")
def page():
    return render_template(
        "tc_page.html",
        # ruleid: py.xss.template-raw-output
        body=request.args["b"],
        # ok: py.xss.template-raw-output
        heading=request.args["h"],
    )
