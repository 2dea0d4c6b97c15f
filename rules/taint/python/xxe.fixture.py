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
