# vigil-fixture-path: mysite/settings/production.py
import os

# ruleid: py.debug.django-debug
DEBUG = True
# ok: py.debug.django-debug
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
# ok: py.debug.django-debug
DEBUG = False
# ok: py.cookies.django-insecure-setting
SESSION_COOKIE_SECURE = True
