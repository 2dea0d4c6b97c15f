# A literal key reaches a crypto or token API through a name assigned once (issue 16): reported on the literal's line.
import hmac
import hashlib
import os
import jwt
from cryptography.fernet import Fernet

# ruleid: secrets.crypto.cipher-key
FERNET_KEY = b'Qm9u4TzXkPq7WvRj2LsYhN8cAeGd5KfU3oBiZ1xMwE0='
# ruleid: secrets.crypto.hmac-key
signing = b'u7RkQ2mZxV9pLc4TnW8sYa3Fd6Hg1JbE'
# ok: secrets.crypto.jwt-secret
from_env = os.environ['JWT_SECRET']
# ok: secrets.crypto.jwt-secret
rotated = 'Hn4kW8qZ2xRt6YvLp9Cs3Mb7Jd5Fg1Ua'
rotated = os.environ.get('ROTATED_KEY')
# ok: secrets.crypto.hmac-key
short = 'secret'
# ok: secrets.crypto.cipher-key
unused_key = 'Zt5Pw9Lq2Nv7Rx3Ks8Jm4Hb6Gd1Fc0Ye'


def run(data, payload, param):
    f = Fernet(FERNET_KEY)
    mac = hmac.new(signing, data, hashlib.sha256).hexdigest()
    t = jwt.encode(payload, from_env, algorithm='HS256')
    t2 = jwt.encode(payload, rotated, algorithm='HS256')
    m2 = hmac.new(short, data, hashlib.sha256)
    m3 = hmac.new(param, data, hashlib.sha256)
    return f, mac, t, t2, m2, m3


def local_key(token):
    # ruleid: secrets.crypto.jwt-secret
    verify_key = 'Xc8Vb2Nm6Qw4Er9Ty3Ui7Op1As5Df0Gh'
    return jwt.decode(token, verify_key, algorithms=['HS256'])


def shadowed(data, key):
    # A parameter of the same name as a module literal: the call reads the parameter.
    return hmac.new(key, data, hashlib.sha256)


# ok: secrets.crypto.hmac-key
key = 'Lk3Jh7Gf2Ds9Ap4Oi8Uy6Tr1Ew5Qz0Xc'


def make_app(flask_cls):
    app = flask_cls(__name__)
    app.secret_key = SIGNING_SECRET
    return app


# ruleid: secrets.framework.session-secret
SIGNING_SECRET = 'jhGIYpCGWlypysPjT7FjrEKtzqNGOYwI8u'
