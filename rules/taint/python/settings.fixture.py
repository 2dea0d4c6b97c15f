# vigil-fixture-path: mysite/settings.py
import os

# ruleid: py.debug.django-debug
DEBUG = True

# ruleid: py.cookies.django-insecure-setting
SESSION_COOKIE_SECURE = False
# ruleid: py.cookies.django-insecure-setting
CSRF_COOKIE_SECURE = False
# ruleid: py.cookies.django-insecure-setting
SESSION_COOKIE_HTTPONLY = False

# ok: py.cookies.django-insecure-setting
SESSION_COOKIE_SAMESITE = False
# ok: py.cookies.django-insecure-setting
CSRF_COOKIE_SECURE = True
# ok: py.debug.django-debug
TEMPLATE_DEBUG = True

if os.environ.get("DJANGO_ENV") == "development":
    # ruleid: py.debug.django-debug
    DEBUG = True
