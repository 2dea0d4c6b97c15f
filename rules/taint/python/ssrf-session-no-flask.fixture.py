# A module-level requests session named `session` in a file without Flask's session: an HTTP client.
import requests
from flask import Flask, request

app = Flask(__name__)
session = requests.Session()


@app.route("/proxy")
def proxy():
    # ruleid: py.ssrf.http-client
    return session.get(request.args["url"], timeout=5).text
