import os
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.route("/import", methods=["POST"])
def import_xml():
    # ruleid: py.xxe.lxml
    doc = etree.fromstring(request.data)
    # ruleid: py.xxe.lxml
    doc2 = etree.fromstring(request.data, etree.XMLParser(resolve_entities=True))
    return doc.tag + doc2.tag


# ---- negatives ----
SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


@app.route("/n1", methods=["POST"])
def n1():
    # ok: py.xxe.lxml
    doc = etree.fromstring(request.data, SAFE_PARSER)
    # ok: py.xxe.lxml
    cfg = etree.fromstring(open("config.xml", "rb").read())
    return doc.tag + cfg.tag


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.xxe.lxml
    etree.fromstring(request.args["v"])


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.xxe.lxml
        etree.fromstring(request.args["v"])
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.xxe.lxml
        etree.fromstring(choice)
    # ok: py.xxe.lxml
    etree.fromstring(os.environ["APP_SETTING"])
    return "ok"
