import xml.etree.ElementTree as ET

import elementpath
from flask import Flask, abort, request
from lxml import etree

app = Flask(__name__)
DOC = etree.parse("catalog.xml")
CATALOG = ET.parse("catalog.xml").getroot()
NS = {"c": "urn:example:catalog"}


@app.route("/product")
def product():
    sku = request.args["sku"]
    # ElementTree's find() takes the same path syntax as findall().
    # ruleid: py.xpathi.query
    node = CATALOG.find(".//product[@sku='" + sku + "']")
    return node.findtext("name") if node is not None else ""


@app.route("/by-category")
def by_category():
    cat = request.args.get("category", "")
    # ruleid: py.xpathi.query
    names = [p.get("name") for p in CATALOG.iterfind(f"./category[@id='{cat}']/product")]
    return ",".join(names)


@app.route("/namespaced")
def namespaced():
    term = request.args["term"]
    expr = "//c:product[contains(c:title, '%s')]" % term
    # ruleid: py.xpathi.query
    hits = DOC.xpath(expr, namespaces=NS)
    return str(len(hits))


@app.route("/clark")
def clark():
    # ruleid: py.xpathi.query
    find = etree.ETXPath("//{urn:example:catalog}product[@vendor='%s']" % request.args["vendor"])
    return str(len(find(DOC)))


@app.route("/iter-select")
def iter_select():
    tag = request.args["tag"]
    # ruleid: py.xpathi.query
    found = list(elementpath.iter_select(CATALOG, "//product[tag='" + tag + "']"))
    return str(len(found))


@app.route("/selector", methods=["POST"])
def selector():
    # ruleid: py.xpathi.query
    sel = elementpath.Selector(request.get_json()["path"])
    return str(len(sel.select(CATALOG)))


def stock_of(sku):
    # ruleid: py.xpathi.query
    return DOC.xpath("sum(//warehouse/item[@sku='" + sku + "']/@count)")


@app.route("/stock")
def stock():
    return str(stock_of(request.args["sku"]))


# ---- negatives ----


@app.route("/compiled-var")
def compiled_var():
    # A compiled expression with an XPath variable.
    by_vendor = etree.XPath("//product[@vendor=$v]")
    # ok: py.xpathi.query
    return str(len(by_vendor(DOC, v=request.args["vendor"])))


@app.route("/checked")
def checked():
    sku = request.args["sku"]
    if not sku.isalnum():
        return "bad sku", 400
    # ok: py.xpathi.query
    node = CATALOG.find(".//product[@sku='" + sku + "']")
    return node.findtext("name") if node is not None else ""


@app.route("/checked-abort")
def checked_abort():
    sku = request.args["sku"]
    if not sku.isalnum():
        # abort() raises: the code below runs only for an alphanumeric sku.
        abort(400)
    # ok: py.xpathi.query
    node = CATALOG.find(".//product[@sku='" + sku + "']")
    return node.findtext("name") if node is not None else ""


@app.route("/abort-elsewhere")
def abort_elsewhere():
    sku = request.args["sku"]
    if not request.args.get("store"):
        abort(400)
    # The abort checks another parameter, not the sku.
    # ruleid: py.xpathi.query
    node = CATALOG.find(".//product[@sku='" + sku + "']")
    return node.findtext("name") if node is not None else ""


@app.route("/string-find")
def string_find():
    # str.find searches text; it is not a path.
    # ok: py.xpathi.query
    pos = request.args["text"].find("[@")
    title = CATALOG.findtext("./title") or ""
    # ok: py.xpathi.query
    at = title.find(request.args["word"])
    if pos >= 0 or at >= 0:
        return "found"
    return "missing"


@app.route("/by-index")
def by_index():
    # ok: py.xpathi.query
    node = DOC.xpath("(//product)[%d]" % int(request.args["n"]))
    return str(node)


@app.route("/filter-in-python")
def filter_in_python():
    vendor = request.args["vendor"]
    # The expression is constant; the input is compared in Python.
    # ok: py.xpathi.query
    products = [p for p in DOC.xpath("//product") if p.get("vendor") == vendor]
    return str(len(products))
