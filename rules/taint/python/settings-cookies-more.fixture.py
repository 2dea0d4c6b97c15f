# vigil-fixture-path: shop/settings/production.py
# Django cookie settings (https://docs.djangoproject.com/en/stable/ref/settings/#session-cookie-secure), some read
# from the environment with django-environ and an insecure default.
import environ

env = environ.Env()
DEBUG = False

# ruleid: py.cookies.django-insecure-setting
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=False)
# ruleid: py.cookies.django-insecure-setting
CSRF_COOKIE_SECURE = env("CSRF_COOKIE_SECURE", default=False)
# ruleid: py.cookies.django-insecure-setting
SESSION_COOKIE_HTTPONLY = False

# ok: py.cookies.django-insecure-setting
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=True)
# ok: py.cookies.django-insecure-setting
CSRF_COOKIE_SECURE = not DEBUG
# Django's docs: an HttpOnly CSRF cookie offers no practical benefit, so False here is not a finding.
# ok: py.cookies.django-insecure-setting
CSRF_COOKIE_HTTPONLY = False
