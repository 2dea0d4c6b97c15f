# Held-out key-flow positives (session 16, docs/accuracy.md "Secrets recall 4"): written before any scan, fake values,
# not tuned on. `todoruleid` marks the flows key-flow misses.
from flask import Flask

app = Flask(__name__)
# ruleid: secrets.framework.session-secret
app.secret_key = "Sh33eJuZXkNhybP0aAJR25tQCR1U8aFbvMKJP3hZ"
