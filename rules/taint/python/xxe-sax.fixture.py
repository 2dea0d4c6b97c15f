# Python's SAX parser leaves external general entities unresolved unless feature_external_ges is switched on
# (the default since 3.7.1): with it on, <!ENTITY x SYSTEM "file:///etc/passwd"> is read into the document.
import io
import xml.sax
from xml.dom import minidom
from xml.sax.handler import ContentHandler, feature_external_ges

from flask import Flask, request

app = Flask(__name__)


class Titles(ContentHandler):
    def __init__(self):
        super().__init__()
        self.titles = []

    def characters(self, content):
        self.titles.append(content)


@app.route("/import", methods=["POST"])
def import_feed():
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    handler = Titles()
    parser.setContentHandler(handler)
    # ruleid: py.xxe.lxml
    parser.parse(io.BytesIO(request.get_data()))
    return {"titles": handler.titles}


@app.route("/import-stream", methods=["POST"])
def import_stream():
    reader = xml.sax.make_parser()
    reader.setFeature(xml.sax.handler.feature_external_ges, 1)
    reader.setContentHandler(Titles())
    for chunk in request.stream:
        # ruleid: py.xxe.lxml
        reader.feed(chunk)
    reader.close()
    return "ok"


@app.route("/dom", methods=["POST"])
def dom():
    sax = xml.sax.make_parser()
    sax.setFeature(feature_external_ges, True)
    # ruleid: py.xxe.lxml
    doc = minidom.parseString(request.data, parser=sax)
    return doc.documentElement.tagName


# ---- negatives ----


@app.route("/plain", methods=["POST"])
def plain():
    handler = Titles()
    # External entities stay unresolved by default.
    # ok: py.xxe.lxml
    xml.sax.parseString(request.get_data(), handler)
    return {"titles": handler.titles}


@app.route("/off", methods=["POST"])
def switched_off():
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(Titles())
    # ok: py.xxe.lxml
    parser.parse(io.BytesIO(request.get_data()))
    return "ok"


@app.route("/config", methods=["POST"])
def config_file():
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(Titles())
    # The server's own file, not the request.
    # ok: py.xxe.lxml
    parser.parse("/etc/app/feeds.xml")
    return "ok"
