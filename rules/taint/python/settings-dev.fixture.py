# vigil-fixture-path: mysite/settings/dev.py
# Development settings: debug and plain-HTTP cookies are expected here.

# ok: py.debug.django-debug
DEBUG = True
# ok: py.cookies.django-insecure-setting
SESSION_COOKIE_SECURE = False
# ok: py.cookies.django-insecure-setting
CSRF_COOKIE_SECURE = False

# A checksum of the fixtures, not of a password: no weak-hash finding.
import hashlib

# ok: py.weak-crypto.weak-hash
FIXTURES_DIGEST = hashlib.md5(b"fixtures-v1").hexdigest()
