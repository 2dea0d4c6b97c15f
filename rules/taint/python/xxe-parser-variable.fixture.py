# An lxml parser made with resolve_entities=True and passed by name resolves the input's external entities, as the
# same parser written inline does; one with resolve_entities=False does not.
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
LEGACY_PARSER = etree.XMLParser(load_dtd=True, resolve_entities=True)


@app.post("/import")
def import_chart():
    parser = etree.XMLParser(resolve_entities=True, load_dtd=True, no_network=False, huge_tree=True)
    # ruleid: py.xxe.lxml
    root = etree.fromstring(request.get_data(), parser)
    return {"units": len(root)}


@app.post("/feed")
def feed():
    parser = etree.XMLParser(load_dtd=True, resolve_entities=True)
    # ruleid: py.xxe.lxml
    root = etree.XML(request.data, parser=parser)
    return {"items": len(root)}


@app.post("/upload")
def upload():
    parser = etree.XMLParser(resolve_entities=True)
    # ruleid: py.xxe.lxml
    tree = etree.parse(request.files["doc"], parser)
    return {"root": tree.getroot().tag}


@app.post("/legacy")
def legacy():
    # ruleid: py.xxe.lxml
    return {"n": len(etree.fromstring(request.data, LEGACY_PARSER))}


# ---- negatives ----
@app.post("/n/import")
def n_import_chart():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    # ok: py.xxe.lxml
    root = etree.fromstring(request.get_data(), parser)
    return {"units": len(root)}


@app.post("/n/html")
def n_html():
    parser = etree.HTMLParser()
    # ok: py.xxe.lxml
    root = etree.fromstring(request.get_data(), parser=parser)
    return {"n": len(root)}
