# Held-out key-flow positives (session 16, docs/accuracy.md "Secrets recall 4"): written before any scan, fake values,
# not tuned on. `todoruleid` marks the flows key-flow misses.
import os

DEBUG = False
ALLOWED_HOSTS = ["example.org"]
# ruleid: secrets.framework.session-secret
SECRET_KEY = "DXpyNB0ICeIj0dhaxCCUsBBcBIUAyxFUgwpHHREg"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}
