import jwt
from flask import Flask
from flask_cors import CORS

app = Flask(__name__)


def claims_unverified(token):
    # ruleid: py.jwt.verification-off
    return jwt.decode(token, options={"verify_signature": False})


def claims_none(token, key):
    # ruleid: py.jwt.verification-off
    return jwt.decode(token, key, algorithms=["none"])


def claims_none_mixed(token, key):
    # ruleid: py.jwt.verification-off
    return jwt.decode(token, key, algorithms=["HS256", "None"])


def claims_old_api(token, key):
    # ruleid: py.jwt.verification-off
    return jwt.decode(token, key, verify=False)


def claims(token, key):
    # ok: py.jwt.verification-off
    return jwt.decode(token, key, algorithms=["HS256"])


def claims_audience(token, key):
    # ok: py.jwt.verification-off
    return jwt.decode(token, key, algorithms=["RS256"], audience="api", options={"require": ["exp"]})


def claims_no_exp_check(token, key):
    # ok: py.jwt.verification-off
    return jwt.decode(token, key, algorithms=["HS256"], options={"verify_exp": True})


# ruleid: py.cors.credentials-default-origins
CORS(app, supports_credentials=True)
# ruleid: py.cors.credentials-star-origin
CORS(app, supports_credentials=True, origins="*")
# ruleid: py.cors.credentials-star-origin
CORS(app, origins=["*"], supports_credentials=True)
# ruleid: py.cors.credentials-star-origin
CORS(app, resources={r"/api/*": {"origins": "*"}}, supports_credentials=True)
# ok: py.cors.credentials-star-origin
CORS(app, supports_credentials=True, origins=["https://app.example.com"])
# ok: py.cors.credentials-default-origins
CORS(app, supports_credentials=True, origins=["https://app.example.com"])
# ok: py.cors.credentials-star-origin
CORS(app, origins="*")
# ok: py.cors.credentials-default-origins
CORS(app)
# ok: py.cors.credentials-star-origin
CORS(app, resources={r"/api/*": {"origins": "https://app.example.com"}}, supports_credentials=True)

api = Flask("api")
# ruleid: py.cors.credentials-default-origins
CORS(api, supports_credentials=True, max_age=600)
# ruleid: py.cors.credentials-default-origins
cors = CORS(supports_credentials=True)
# ok: py.cors.credentials-default-origins
CORS(api, supports_credentials=True, resources={r"/api/*": {"origins": ["https://app.example.com"]}})
