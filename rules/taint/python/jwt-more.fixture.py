# JWT decoding with the signature check off, in PyJWT (https://pyjwt.readthedocs.io/en/stable/api.html) and its
# 1.x API, and python-jose (https://python-jose.readthedocs.io/en/latest/jwt/api.html), in the places tokens are
# read: a Flask decorator, a FastAPI dependency, a Django middleware, a DRF authentication class.
import jwt
import jwt as pyjwt
from django.conf import settings
from fastapi import Depends, FastAPI, Header, HTTPException
from flask import Flask, g, request
from jose import jwt as jose_jwt
from jwt import PyJWKClient
from rest_framework.authentication import BaseAuthentication

app = Flask(__name__)
api = FastAPI()
SECRET = settings.SECRET_KEY
jwks = PyJWKClient("https://login.example.com/.well-known/jwks.json")


def require_user(view):
    def wrapper(*args, **kwargs):
        token = request.headers["Authorization"].removeprefix("Bearer ")
        # ruleid: py.jwt.verification-off
        g.user = jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_signature": False})
        return view(*args, **kwargs)

    return wrapper


async def current_user(authorization: str = Header()):
    # ruleid: py.jwt.verification-off
    claims = pyjwt.decode(authorization[7:], options={"verify_signature": False, "verify_exp": False})
    return claims["sub"]


class TokenMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.COOKIES.get("session_jwt", "")
        # The options written with dict(): the same switch.
        # ruleid: py.jwt.verification-off
        request.claims = jwt.decode(raw, SECRET, algorithms=["HS256"], options=dict(verify_signature=False))
        return self.get_response(request)


class JWTAuth(BaseAuthentication):
    def authenticate(self, request):
        token = request.META.get("HTTP_AUTHORIZATION", "")[7:]
        # python-jose takes the same option.
        # ruleid: py.jwt.verification-off
        claims = jose_jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_signature": False})
        return (claims["sub"], token)


def legacy_claims(token):
    # PyJWT 1.x: verify is the third positional parameter.
    # ruleid: py.jwt.verification-off
    return jwt.decode(token, None, False)


def legacy_claims_keyword(token, key):
    # ruleid: py.jwt.verification-off
    return pyjwt.decode(token, key=key, verify=False, algorithms=["HS256"])


def accept_none(token):
    # An algorithm list that allows "none" accepts unsigned tokens.
    # ruleid: py.jwt.verification-off
    return jwt.decode(token, "", algorithms=("none",))


def jose_accept_none(token, key):
    # ruleid: py.jwt.verification-off
    return jose_jwt.decode(token, key, algorithms=["RS256", "none"])


def pyjwt_instance(token):
    # The PyJWT class behind the module-level decode.
    # ruleid: py.jwt.verification-off
    return jwt.PyJWT().decode(token, options={"verify_signature": False})


def decode_complete(token):
    # ruleid: py.jwt.verification-off
    return jwt.decode_complete(token, options={"verify_signature": False})["payload"]


class RefreshHandler:
    def post(self, refresh_token):
        # Single quotes and the key passed by keyword.
        # ruleid: py.jwt.verification-off
        data = jwt.decode(refresh_token, key=SECRET, algorithms=['HS256'], options={'verify_signature': False})
        return data["sub"]


def jose_dict_options(token, key):
    # ruleid: py.jwt.verification-off
    return jose_jwt.decode(token, key, algorithms=["HS256"], options=dict(verify_signature=False, verify_aud=False))


def options_in_variable(token):
    opts = {"verify_signature": False}
    # Options built on an earlier line.
    # ruleid: py.jwt.verification-off
    return jwt.decode(token, SECRET, algorithms=["HS256"], options=opts)


# ---- negatives ----
@api.get("/me")
async def me(authorization: str = Header()):
    try:
        # ok: py.jwt.verification-off
        return pyjwt.decode(authorization[7:], SECRET, algorithms=["HS256"], audience="api")
    except pyjwt.InvalidTokenError:
        raise HTTPException(status_code=401)


def rs256_with_jwks(token):
    signing_key = jwks.get_signing_key_from_jwt(token)
    # ok: py.jwt.verification-off
    return jwt.decode(token, signing_key.key, algorithms=["RS256"], audience="api", issuer="https://login.example.com/")


def kid_from_header(token):
    # Reading the unverified header to pick a key is how JWKS lookup works; the token is verified next.
    header = jwt.get_unverified_header(token)
    key = jwks.get_signing_key(header["kid"]).key
    # ok: py.jwt.verification-off
    return jwt.decode(token, key, algorithms=["RS256"])


def skip_audience_only(token):
    # Not checking "aud" is a separate policy choice: the signature is still verified.
    # ok: py.jwt.verification-off
    return jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_aud": False})


def explicit_on(token):
    # ok: py.jwt.verification-off
    return jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_signature": True, "require": ["exp", "iat"]})


def legacy_verified(token):
    # ok: py.jwt.verification-off
    return jwt.decode(token, SECRET, True, algorithms=["HS256"])


def jose_verified(token):
    # ok: py.jwt.verification-off
    return jose_jwt.decode(token, SECRET, algorithms=["HS256"], options={"verify_at_hash": False})


def algorithms_without_none(token):
    # "nonempty" is not "none"; only the exact name matters.
    # ok: py.jwt.verification-off
    return jwt.decode(token, SECRET, algorithms=["HS512"], issuer="nonempty-issuer")


ACCEPTED_ALGORITHMS = ["ES256", "RS256"]


def constant_algorithms(token, key):
    # ok: py.jwt.verification-off
    return jwt.decode(token, key, algorithms=ACCEPTED_ALGORITHMS, leeway=30)


def jose_options_on(token, key):
    # ok: py.jwt.verification-off
    return jose_jwt.decode(token, key, algorithms=["HS256"], options=dict(verify_signature=True, leeway=10))


def options_in_variable_on(token):
    opts = {"verify_signature": True, "require": ["exp"]}
    # ok: py.jwt.verification-off
    return jwt.decode(token, SECRET, algorithms=["HS256"], options=opts)


def encode_only(claims):
    # Signing a token: nothing is verified here.
    # ok: py.jwt.verification-off
    return jwt.encode(claims, SECRET, algorithm="HS256")


def different_library(payload):
    # A JSON decode that happens to take options.
    # ok: py.jwt.verification-off
    return json_codec.decode(payload, options={"verify_signature": False})
