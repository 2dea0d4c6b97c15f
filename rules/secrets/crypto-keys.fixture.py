# Literal keys passed straight into crypto and token APIs, and framework signing settings (issue 16).
import hmac
import hashlib
import jwt
from cryptography.fernet import Fernet
from Crypto.Cipher import AES

# ruleid: secrets.framework.session-secret
SECRET_KEY = 'django-insecure-kWMEEukZVcLh5YGJMy7DHCxA65kQEpoa'
# ok: secrets.framework.session-secret
SECRET_KEY = os.environ['DJANGO_SECRET_KEY']
# ok: secrets.framework.session-secret
SECRET_KEY = 'changeme'
# ruleid: secrets.framework.session-secret
app.secret_key = b'ktgysZrk26zqDagyHLLi2djPyhrZjWLV'
# ruleid: secrets.framework.session-secret
app.config['SECRET_KEY'] = 'MsYV4WqocZRDo6E9agCtF4QVGaAbLQQ3'
# ok: secrets.framework.session-secret
app.secret_key = 'dev'
# Bytes written as escapes, as `os.urandom(24)` prints them.
# ruleid: secrets.framework.session-secret
app.secret_key = b"\xa8\xeb\x5f\xc9\x67\x17\x56\xc7\x94\x96\xf6\x42\x2e\x22\x61\xa2\x52\xb5\xcc\x47\xb2\xb1\xc9\xfc"


def sign(data, token, payload):
    # ruleid: secrets.crypto.hmac-key
    mac = hmac.new(b'oEqnfCdJNcDEYjgJxpXv5FsFJRCTFX6U', data, hashlib.sha256).hexdigest()
    # ok: secrets.crypto.hmac-key
    mac2 = hmac.new(settings.HMAC_KEY, data, hashlib.sha256).hexdigest()
    # ruleid: secrets.crypto.jwt-secret
    t = jwt.encode(payload, 'PcXxWCXQu3ARziMnMAftv39nqTzEVTiM', algorithm='HS256')
    # ruleid: secrets.crypto.jwt-secret
    claims = jwt.decode(token, key='96KFuAGqNaQSfGSQzjnJCVLJS4dvuhVT', algorithms=['HS256'])
    # ok: secrets.crypto.jwt-secret
    claims2 = jwt.decode(token, os.environ['JWT_SECRET'], algorithms=['HS256'])
    # ok: secrets.crypto.jwt-secret
    t2 = jwt.encode(payload, 'secret', algorithm='HS256')
    # ruleid: secrets.crypto.cipher-key
    f = Fernet(b'pyt2XT9YUjg3We9Petc7TYcUZ7Yp8tJJ=')
    # ok: secrets.crypto.cipher-key
    f2 = Fernet(Fernet.generate_key())
    # ruleid: secrets.crypto.cipher-key
    a = AES.new(b'RuamVmh4ZNLCuFVpU2Krh9e8fyUoxFDX', AES.MODE_GCM)
    return mac, mac2, t, claims, claims2, t2, f, f2, a
