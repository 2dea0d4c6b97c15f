import os

import ldap
from flask import Flask, request
from ldap3 import SUBTREE, Connection, Server
from ldap3.utils.conv import escape_filter_chars
from ldap.filter import filter_format

app = Flask(__name__)
BASE = "ou=people,dc=example,dc=com"
server = Server("ldap.example.com")
ALLOWED_OUS = {"people", "groups"}


def connect():
    return Connection(server, user="cn=reader,dc=example,dc=com", password=os.environ["LDAP_PASSWORD"], auto_bind=True)


@app.route("/user")
def user():
    conn = connect()
    # ruleid: py.ldapi.search-filter
    conn.search(BASE, "(uid=" + request.args["uid"] + ")", attributes=["cn"])
    return str(conn.entries)


@app.route("/login", methods=["POST"])
def login():
    username = request.form["username"]
    conn = connect()
    # ruleid: py.ldapi.search-filter
    conn.search(search_base=BASE, search_filter=f"(&(objectClass=person)(uid={username}))", search_scope=SUBTREE)
    return "ok" if conn.entries else "no"


@app.route("/paged")
def paged():
    conn = connect()
    flt = "(mail=%s)" % request.args.get("mail")
    # ruleid: py.ldapi.search-filter
    entries = conn.extend.standard.paged_search(BASE, flt, paged_size=50)
    return str(list(entries))


@app.route("/legacy")
def legacy():
    l = ldap.initialize("ldap://ldap.example.com")
    # ruleid: py.ldapi.search-filter
    res = l.search_s(BASE, ldap.SCOPE_SUBTREE, "(cn={})".format(request.args["cn"]))
    return str(res)


@app.route("/legacy-kw")
def legacy_kw():
    l = ldap.initialize("ldap://ldap.example.com")
    q = request.args["q"]
    # ruleid: py.ldapi.search-filter
    msgid = l.search_ext(BASE, ldap.SCOPE_SUBTREE, filterstr="(|(cn=*" + q + "*)(sn=*" + q + "*))")
    return str(msgid)


@app.route("/ou")
def by_ou():
    l = ldap.initialize("ldap://ldap.example.com")
    # ruleid: py.ldapi.search-filter
    return str(l.search_s("ou=" + request.args["ou"] + ",dc=example,dc=com", ldap.SCOPE_ONELEVEL))


# ---- negatives ----
@app.route("/n1")
def n1():
    conn = connect()
    uid = request.args["uid"]
    # ok: py.ldapi.search-filter
    conn.search(BASE, "(uid=" + escape_filter_chars(uid) + ")")
    l = ldap.initialize("ldap://ldap.example.com")
    # ok: py.ldapi.search-filter
    l.search_s(BASE, ldap.SCOPE_SUBTREE, filter_format("(uid=%s)", [uid]))
    # ok: py.ldapi.search-filter
    l.search_s(BASE, ldap.SCOPE_SUBTREE, "(uid=" + ldap.filter.escape_filter_chars(uid) + ")")
    # ok: py.ldapi.search-filter
    conn.search(BASE, "(uidNumber=%d)" % int(request.args["n"]))
    # Only the attribute list varies: it cannot change which entries match.
    # ok: py.ldapi.search-filter
    conn.search(BASE, "(objectClass=person)", attributes=[request.args["attr"]])
    return "ok"


@app.route("/n2")
def n2():
    import re

    ou = request.args["ou"]
    if ou in ALLOWED_OUS:
        conn = connect()
        # ok: py.ldapi.search-filter
        conn.search("ou=" + ou + ",dc=example,dc=com", "(objectClass=*)")
    # A regular expression search, not LDAP.
    # ok: py.ldapi.search-filter
    m = re.search(r"\d+", request.args["text"])
    return str(m)


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.ldapi.search-filter
    connect().search(BASE, "(uid=" + request.args["v"] + ")")


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.ldapi.search-filter
        connect().search(BASE, "(uid=" + request.args["v"] + ")")
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.ldapi.search-filter
        connect().search(BASE, "(uid=" + choice + ")")
    # ok: py.ldapi.search-filter
    connect().search(BASE, "(uid=" + os.environ["APP_SETTING"] + ")")
    return "ok"
