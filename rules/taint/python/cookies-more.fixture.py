# Cookies set without Secure, HttpOnly or SameSite in each framework's cookie API: Django (set_cookie,
# set_signed_cookie), Flask/Werkzeug, Starlette/FastAPI, aiohttp, Tornado (set_cookie, set_secure_cookie,
# set_signed_cookie), Pyramid/WebOb and Bottle; and Flask's session cookie settings.
import os

import bottle
import tornado.web
from aiohttp import web
from django.http import HttpResponse, JsonResponse
from fastapi import FastAPI, Response
from flask import Flask, make_response
from pyramid.response import Response as PyramidResponse
from requests.cookies import create_cookie

app = Flask(__name__)
api = FastAPI()
COOKIE_KEY = os.environ["COOKIE_KEY"]


def django_login(request):
    response = JsonResponse({"ok": True})
    # ruleid: py.cookies.insecure-cookie
    response.set_cookie("sessionid", request.session.session_key, httponly=True)
    # Signed is not Secure: the value cannot be forged but still travels over plain HTTP.
    # ruleid: py.cookies.insecure-cookie
    response.set_signed_cookie("cart", "c-1042", salt="cart", max_age=3600)
    return response


@api.post("/token")
def fastapi_token(response: Response):
    # ruleid: py.cookies.insecure-cookie
    response.set_cookie(key="access_token", value="Bearer opaque-token", httponly=True)
    return {"ok": True}


async def aiohttp_login(request):
    resp = web.json_response({"ok": True})
    # ruleid: py.cookies.insecure-cookie
    resp.set_cookie("AIOHTTP_SESSION", "opaque", secure=True, max_age=86400)
    return resp


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        # Tornado's set_secure_cookie signs the value; it does not add the Secure flag.
        # ruleid: py.cookies.insecure-cookie, py.trust-boundary.session-from-request
        self.set_secure_cookie("user", self.get_argument("name"))
        # ruleid: py.cookies.insecure-cookie
        self.set_signed_cookie("uid", "42", expires_days=7, httponly=True)
        # ruleid: py.cookies.insecure-cookie
        self.set_cookie("theme", "dark", secure=True, httponly=True)


def pyramid_login(request):
    response = PyramidResponse("ok")
    # ruleid: py.cookies.insecure-cookie
    response.set_cookie("auth_tkt", "ticket", secure=False, httponly=True, samesite="Lax")
    return response


@bottle.post("/bottle/login")
def bottle_login():
    # ruleid: py.cookies.insecure-cookie
    bottle.response.set_cookie("account", "alice", secret=COOKIE_KEY)
    return "ok"


@app.route("/remember")
def flask_remember():
    resp = make_response("ok")
    # samesite=None sends it on cross-site requests.
    # ruleid: py.cookies.insecure-cookie
    resp.set_cookie("remember_token", "opaque", max_age=2592000, secure=True, httponly=True, samesite=None)
    # ruleid: py.cookies.insecure-cookie
    resp.set_cookie("sid", "opaque", secure=True, httponly=False, samesite="Lax")
    return resp


def configure_session(app):
    # ruleid: py.cookies.flask-insecure-session
    app.config["SESSION_COOKIE_SECURE"] = False
    # ruleid: py.cookies.flask-insecure-session
    app.config.update(SESSION_COOKIE_HTTPONLY=False, PERMANENT_SESSION_LIFETIME=3600)
    # Flask-Login's remember-me cookie.
    # ruleid: py.cookies.flask-insecure-session
    app.config["REMEMBER_COOKIE_SECURE"] = False


# ---- negatives ----
def n_django_login(request):
    response = HttpResponse("ok")
    # ok: py.cookies.insecure-cookie
    response.set_cookie("sessionid", "opaque", secure=True, httponly=True, samesite="Strict")
    # ok: py.cookies.insecure-cookie
    response.set_signed_cookie("cart", "c-1042", salt="cart", secure=True, httponly=True, samesite="Lax")
    # Deleting a cookie sends an expired one: nothing to protect.
    # ok: py.cookies.insecure-cookie
    response.delete_cookie("legacy_session")
    return response


@api.post("/n/token")
def n_fastapi_token(response: Response):
    # ok: py.cookies.insecure-cookie
    response.set_cookie(key="access_token", value="Bearer opaque-token", secure=True, httponly=True, samesite="strict")
    return {"ok": True}


async def n_aiohttp_login(request):
    resp = web.json_response({"ok": True})
    # ok: py.cookies.insecure-cookie
    resp.set_cookie("AIOHTTP_SESSION", "opaque", secure=True, httponly=True, samesite="Lax")
    return resp


class NLoginHandler(tornado.web.RequestHandler):
    def post(self):
        # ruleid: py.trust-boundary.session-from-request
        # ok: py.cookies.insecure-cookie
        self.set_secure_cookie("user", self.get_argument("name"), secure=True, httponly=True, samesite="Strict")


def n_client_jar(session):
    # A client's cookie jar stores a cookie; it is not a response header.
    # ok: py.cookies.insecure-cookie
    session.cookies.set_cookie(create_cookie("region", "eu"))


def n_configure_session(app):
    # ok: py.cookies.flask-insecure-session
    app.config["SESSION_COOKIE_SECURE"] = True
    # ok: py.cookies.flask-insecure-session
    app.config.update(SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax")
    # Not a cookie flag.
    # ok: py.cookies.flask-insecure-session
    app.config["SESSION_REFRESH_EACH_REQUEST"] = False
