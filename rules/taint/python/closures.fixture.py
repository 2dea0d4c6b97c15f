# Nested functions and lambdas see the variables of the function around them.
import os
import subprocess
import threading

from flask import Flask, request

app = Flask(__name__)


@app.route("/job", methods=["POST"])
def job():
    target = request.form["target"]

    def work():
        # ruleid: py.cmdi.subprocess-shell
        os.system("scan " + target)

    threading.Thread(target=work).start()
    # ruleid: py.cmdi.subprocess-shell
    threading.Thread(target=lambda: subprocess.run("ping " + target, shell=True)).start()
    return "queued"


@app.route("/job-ok", methods=["POST"])
def job_ok():
    count = int(request.form["count"])
    name = request.form["name"]

    def work():
        # ok: py.cmdi.subprocess-shell
        os.system("scan --count %d" % count)

    def greet(who):
        # ok: py.cmdi.subprocess-shell
        os.system("echo " + who)

    threading.Thread(target=work).start()
    greet("static")
    name = "fixed"
    # ok: py.cmdi.subprocess-shell
    threading.Thread(target=lambda: os.system("echo " + name)).start()
    return "queued"
