# vigil-fixture-path: mysite/settings/dev.py
# Development settings: debug and plain-HTTP cookies are expected here.

# ok: py.debug.django-debug
DEBUG = True
# ok: py.cookies.django-insecure-setting
SESSION_COOKIE_SECURE = False
# ok: py.cookies.django-insecure-setting
CSRF_COOKIE_SECURE = False
