# CORS that sends credentialed answers to any origin: Flask-CORS (https://flask-cors.readthedocs.io/en/latest/api.html),
# Sanic-CORS (same options), Starlette / FastAPI CORSMiddleware (https://www.starlette.io/middleware/#corsmiddleware:
# with allow_origins=["*"] and cookies present it echoes the caller's origin) and aiohttp-cors.
import aiohttp_cors
from aiohttp import web
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from flask import Blueprint, Flask
from flask_cors import CORS, cross_origin
from sanic import Sanic
from sanic_cors import CORS as SanicCORS
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware as StarletteCORS

app = Flask(__name__)
api_bp = Blueprint("api", __name__)
TRUSTED_ORIGINS = ["https://app.example.com", "https://admin.example.com"]

# A raw-string regex matching every origin.
# ruleid: py.cors.credentials-star-origin
CORS(app, origins=r".*", supports_credentials=True)
# Credentials turned on per resource.
# ruleid: py.cors.credentials-star-origin
CORS(api_bp, resources={r"/api/*": {"origins": "*", "supports_credentials": True}})


@app.route("/api/me")
# ruleid: py.cors.credentials-default-origins
@cross_origin(supports_credentials=True)
def me():
    return {"user": "x"}


@app.route("/api/cart")
# ruleid: py.cors.credentials-star-origin
@cross_origin(origins="*", supports_credentials=True)
def cart():
    return {"items": []}


sanic_app = Sanic("shop")
# ruleid: py.cors.credentials-default-origins
SanicCORS(sanic_app, supports_credentials=True)

api = FastAPI()
# ruleid: py.cors.credentials-star-origin
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])
# ruleid: py.cors.credentials-star-origin
api.add_middleware(CORSMiddleware, allow_credentials=True, allow_origin_regex=".*")

star = Starlette(
    middleware=[
        # ruleid: py.cors.credentials-star-origin
        Middleware(StarletteCORS, allow_origins=["*"], allow_credentials=True),
    ],
)

aio = web.Application()
cors = aiohttp_cors.setup(
    aio,
    defaults={
        # ruleid: py.cors.credentials-star-origin
        "*": aiohttp_cors.ResourceOptions(allow_credentials=True, expose_headers="*", allow_headers="*"),
    },
)

# ---- negatives ----
# ok: py.cors.credentials-star-origin
CORS(app, origins=r"https://.*\.example\.com", supports_credentials=True)
# ok: py.cors.credentials-star-origin
CORS(api_bp, resources={r"/api/*": {"origins": TRUSTED_ORIGINS, "supports_credentials": True}})
# Public, cookie-less API: any origin may read it.
# ok: py.cors.credentials-star-origin
CORS(api_bp, resources={r"/public/*": {"origins": "*"}})


@app.route("/api/public")
# ok: py.cors.credentials-default-origins
@cross_origin()
def public():
    return {"ok": True}


@app.route("/api/profile")
# ok: py.cors.credentials-default-origins, py.cors.credentials-star-origin
@cross_origin(origins=TRUSTED_ORIGINS, supports_credentials=True)
def profile():
    return {"user": "x"}


# ok: py.cors.credentials-default-origins
SanicCORS(sanic_app, origins=TRUSTED_ORIGINS, supports_credentials=True)
# ok: py.cors.credentials-star-origin
api.add_middleware(CORSMiddleware, allow_origins=TRUSTED_ORIGINS, allow_credentials=True)
# Any origin, but no cookies or Authorization are honoured.
# ok: py.cors.credentials-star-origin
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=False)
# ok: py.cors.credentials-star-origin
api.add_middleware(CORSMiddleware, allow_credentials=True, allow_origin_regex=r"https://[a-z0-9-]+\.example\.com")
star_prod = Starlette(
    middleware=[
        # ok: py.cors.credentials-star-origin
        Middleware(StarletteCORS, allow_origins=["*"]),
    ],
)
cors_prod = aiohttp_cors.setup(
    aio,
    defaults={
        # ok: py.cors.credentials-star-origin
        "https://app.example.com": aiohttp_cors.ResourceOptions(allow_credentials=True, allow_headers="*"),
        # ok: py.cors.credentials-star-origin
        "*": aiohttp_cors.ResourceOptions(allow_credentials=False),
    },
)
