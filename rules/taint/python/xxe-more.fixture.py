import io
import xml.etree.ElementTree as ET
from xml.dom import minidom, pulldom

import defusedxml.ElementTree as DET
from flask import Flask, request
from lxml import etree, objectify
from lxml import etree as lxml_etree

app = Flask(__name__)

RESOLVING = etree.XMLParser(resolve_entities=True)
HARDENED = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
ALLOWED_FEEDS = ("rss", "atom")


@app.route("/invoice", methods=["POST"])
def invoice():
    # ruleid: py.xxe.lxml
    root = etree.XML(request.get_data())
    return root.findtext("total")


@app.route("/upload", methods=["POST"])
def upload():
    # ruleid: py.xxe.lxml
    tree = etree.parse(request.files["document"])
    return tree.getroot().tag


@app.route("/bytes", methods=["POST"])
def from_bytes_io():
    # ruleid: py.xxe.lxml
    tree = etree.parse(io.BytesIO(request.data))
    return tree.getroot().tag


@app.route("/alias", methods=["POST"])
def alias_import():
    payload = request.form["xml"]
    # ruleid: py.xxe.lxml
    return lxml_etree.fromstring(payload.encode("utf-8")).tag


@app.route("/objectify", methods=["POST"])
def objectify_view():
    # ruleid: py.xxe.lxml
    order = objectify.fromstring(request.data)
    return str(order.id)


@app.route("/shared-parser", methods=["POST"])
def shared_parser():
    # The parser's resolve_entities=True is set where the module-level parser is made: it matches as if in place.
    # ruleid: py.xxe.lxml
    doc = etree.fromstring(request.data, RESOLVING)
    return doc.tag


@app.route("/local-parser", methods=["POST"])
def local_parser():
    RESOLVING = HARDENED
    # A local assignment hides the module's parser of that name.
    # ok: py.xxe.lxml
    return etree.fromstring(request.data, RESOLVING).tag


@app.route("/kw-parser", methods=["POST"])
def kw_parser():
    # ruleid: py.xxe.lxml
    doc = etree.fromstring(request.data, parser=etree.XMLParser(resolve_entities=True, no_network=False))
    return doc.tag


def parse_document(raw):
    # A helper that every view passes its body to: the finding is at the parse.
    # ruleid: py.xxe.lxml
    return etree.fromstring(raw)


@app.route("/helper", methods=["POST"])
def via_helper():
    body = request.get_json()["xml"]
    return parse_document(body).tag


@app.route("/pulldom", methods=["POST"])
def pulldom_view():
    # ruleid: py.xxe.lxml
    events = pulldom.parseString(request.data)
    return str(sum(1 for _ in events))


@app.route("/f-string", methods=["POST"])
def wrapped():
    fragment = request.args["fragment"]
    # ruleid: py.xxe.lxml
    doc = etree.fromstring(f"<envelope>{fragment}</envelope>")
    return doc.tag


# ---- negatives ----


@app.route("/hardened", methods=["POST"])
def hardened():
    # ok: py.xxe.lxml
    doc = etree.fromstring(request.data, HARDENED)
    return doc.tag


@app.route("/hardened-inline", methods=["POST"])
def hardened_inline():
    # ok: py.xxe.lxml
    doc = etree.fromstring(request.data, parser=etree.XMLParser(resolve_entities=False))
    return doc.tag


@app.route("/defused", methods=["POST"])
def defused():
    # defusedxml refuses DTDs and entity declarations.
    # ok: py.xxe.lxml
    doc = DET.fromstring(request.data)
    return doc.tag


@app.route("/stdlib", methods=["POST"])
def stdlib_etree():
    # The standard library's expat parser does not fetch external entities.
    # ok: py.xxe.lxml
    doc = ET.fromstring(request.data)
    return doc.tag


@app.route("/minidom", methods=["POST"])
def minidom_view():
    # ok: py.xxe.lxml
    dom = minidom.parseString(request.data)
    return dom.documentElement.tagName


@app.route("/html", methods=["POST"])
def html_fragment():
    from lxml import html

    # lxml's HTML parser loads no DTD and resolves no external entity.
    # ok: py.xxe.lxml
    frag = html.fromstring(request.form["snippet"])
    return frag.text_content()


@app.route("/feed-kind")
def feed_kind():
    kind = request.args["kind"]
    template = open(f"templates/{'atom' if kind == 'atom' else 'rss'}.xml", "rb").read()
    # ok: py.xxe.lxml
    doc = etree.fromstring(template)
    return doc.tag


@app.route("/name-only", methods=["POST"])
def name_only():
    # Only the upload's file name reaches the parser's input, as a text node of a constant document.
    name = request.files["document"].filename
    root = etree.Element("upload")
    root.set("name", name)
    # ok: py.xxe.lxml
    doc = etree.fromstring(etree.tostring(root))
    return doc.get("name")
