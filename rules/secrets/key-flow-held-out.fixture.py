# Held-out key-flow positives (session 16, docs/accuracy.md "Secrets recall 4"): written before any scan, fake values,
# not tuned on. `todoruleid` marks the flows key-flow misses.
import hashlib
import hmac

import jwt
from flask import Flask, request, abort

app = Flask(__name__)
# ruleid: secrets.framework.session-secret
app.config['SECRET_KEY'] = 'YMXCQo9NE1yyH326lJHHYlKv'

# ruleid: secrets.crypto.jwt-secret
SIGNER = "B09B6RW6ZGYjsqUdhIp1gORddOI00dti"


def make_token(user_id):
    return jwt.encode({"sub": user_id}, SIGNER, algorithm="HS256")


# ruleid: secrets.crypto.hmac-key
STRIPE_HOOK = b"78f425bd9111492ecba83ed5e399869b"


@app.post("/hook")
def hook():
    mac = hmac.new(STRIPE_HOOK, request.data, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(mac, request.headers.get("X-Sig", "")):
        abort(401)
    return "", 204
