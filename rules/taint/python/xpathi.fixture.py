import os
import re
import xml.etree.ElementTree as ET

import elementpath
from flask import Flask, request
from lxml import etree

app = Flask(__name__)
TREE = etree.parse("users.xml")
ROOT = ET.parse("users.xml").getroot()
ALLOWED_ROLES = {"admin", "viewer"}
DIGITS_PATTERN = re.compile(r"\d+")


@app.route("/user")
def user():
    name = request.args["name"]
    # ruleid: py.xpathi.query
    nodes = TREE.xpath("//user[@name='" + name + "']")
    return str(len(nodes))


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    pw = request.form["password"]
    # ruleid: py.xpathi.query
    ok = TREE.getroot().xpath(f"//user[name/text()='{user}' and password/text()='{pw}']")
    return "yes" if ok else "no"


@app.route("/compiled")
def compiled():
    # ruleid: py.xpathi.query
    find = etree.XPath("//item[@sku='%s']" % request.args["sku"])
    return str(find(TREE))


@app.route("/et")
def et():
    # ruleid: py.xpathi.query
    items = ROOT.findall(".//user[@role='{}']".format(request.args["role"]))
    return str(len(items))


@app.route("/et-text")
def et_text():
    dept = request.args.get("dept")
    # ruleid: py.xpathi.query
    return ROOT.findtext("./dept[@id='" + dept + "']/name") or ""


@app.route("/ep")
def ep():
    # ruleid: py.xpathi.query
    return str(elementpath.select(ROOT, "//user[@mail='" + request.args["mail"] + "']"))


# ---- negatives ----
@app.route("/n1")
def n1():
    name = request.args["name"]
    # The expression is constant; the value is an XPath variable.
    # ok: py.xpathi.query
    nodes = TREE.xpath("//user[@name=$name]", name=name)
    # ok: py.xpathi.query
    by_id = TREE.xpath("//user[@id=%d]" % int(request.args["id"]))
    # ok: py.xpathi.query
    find = etree.XPath("//user[@name=$n]")
    # ok: py.xpathi.query
    everyone = ROOT.findall(".//user")
    # A regular expression, not a path.
    # ok: py.xpathi.query
    words = re.findall(r"\w+", request.args["text"])
    # A compiled regular expression's findall searches the text it is given.
    # ok: py.xpathi.query
    digits = DIGITS_PATTERN.findall(request.args["text"])
    return str((nodes, by_id, find(TREE, n=name), everyone, words, digits))


@app.route("/n2")
def n2():
    role = request.args["role"]
    if role in ALLOWED_ROLES:
        # ok: py.xpathi.query
        return str(ROOT.findall(".//user[@role='" + role + "']"))
    return ""


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.xpathi.query
    TREE.xpath("//user[@name='" + request.args["v"] + "']")


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.xpathi.query
        TREE.xpath("//user[@name='" + request.args["v"] + "']")
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.xpathi.query
        TREE.xpath("//user[@name='" + choice + "']")
    # ok: py.xpathi.query
    TREE.xpath("//user[@name='" + os.environ["APP_SETTING"] + "']")
    return "ok"
