import ssl

import httpx
import requests
from flask import Flask, make_response

app = Flask(__name__)


def fetch(url):
    # ruleid: py.tls.verify-disabled
    return requests.get(url, verify=True, timeout=5)


def post(url, body):
    # ruleid: py.tls.verify-disabled
    return httpx.post(url, json=body, verify=True)


def with_session(url):
    session = requests.Session()
    # ruleid: py.tls.verify-disabled
    return session.get(url, verify=True)


def context():
    # ruleid: py.tls.verify-disabled
    return ssl._create_unverified_context()


def no_check():
    ctx = ssl.create_default_context()
    # ruleid: py.tls.verify-disabled
    ctx.check_hostname = False
    # ruleid: py.tls.verify-disabled
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


class ContextShim:
    """A stand-in SSLContext (for a TLS backend without one): these are its own initial values, which whoever
    builds the connection sets afterwards; nothing here turns a real context's checks off."""

    def __init__(self, protocol):
        self.protocol = protocol
        # ok: py.tls.verify-disabled
        self.check_hostname = False
        # ok: py.tls.verify-disabled
        self.verify_mode = ssl.CERT_NONE


class Pool:
    def __init__(self):
        self.ctx = ssl.create_default_context()
        # A context the object holds is still a real context.
        # ruleid: py.tls.verify-disabled
        self.ctx.check_hostname = False


def fetch_ok(url):
    # ok: py.tls.verify-disabled
    return requests.get(url, timeout=5)


def fetch_bundle(url):
    # ok: py.tls.verify-disabled
    return requests.get(url, verify="/etc/ssl/certs/ca.pem")


def fetch_verified(url):
    # ok: py.tls.verify-disabled
    return httpx.get(url, verify=True)


def good_context():
    # ok: py.tls.verify-disabled
    return ssl.create_default_context()


@app.route("/login")
def login():
    resp = make_response("ok")
    # ruleid: py.cookies.insecure-cookie
    resp.set_cookie("session", "abc")
    # ruleid: py.cookies.insecure-cookie
    resp.set_cookie("session", "abc", secure=True, httponly=True)
    # ruleid: py.cookies.insecure-cookie
    resp.set_cookie("session", "abc", secure=False, httponly=True, samesite="Lax")
    # ok: py.cookies.insecure-cookie
    resp.set_cookie("session", "abc", secure=True, httponly=True, samesite="Lax")
    # ok: py.cookies.insecure-cookie
    resp.set_cookie("pref", "dark", samesite="Strict", secure=True, httponly=True, max_age=3600)
    return resp


def copy_jar(jar, other):
    """A client's cookie jar (http.cookiejar) stores Cookie objects a server sent: the flags were the server's."""
    for cookie in other:
        # ok: py.cookies.insecure-cookie
        jar.set_cookie(copy.copy(cookie))
    # ok: py.cookies.insecure-cookie
    jar.set_cookie(make_cookie("theme", "dark"))


def name_only(resp):
    # A server response's cookie named by a string is still checked, even with no value.
    # ruleid: py.cookies.insecure-cookie
    resp.set_cookie("seen")
    return resp


def cookie_from_options(resp, options):
    # ok: py.cookies.insecure-cookie
    resp.set_cookie("session", "abc", **options)
    return resp


def main():
    # ruleid: py.debug.flask-debug
    app.run(host="0.0.0.0", debug=True)


def main2():
    # ruleid: py.debug.flask-debug
    app.debug = True
    app.run()


def main3():
    # ruleid: py.debug.flask-debug
    app.run(debug=True)


def main_ok():
    # ok: py.debug.flask-debug
    app.run(debug=False)


def main_ok2(debug):
    # ok: py.debug.flask-debug
    app.run(host="127.0.0.1")


def main_ok3(runner):
    # ok: py.debug.flask-debug
    runner.run(debug=True)
