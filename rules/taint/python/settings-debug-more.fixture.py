# vigil-fixture-path: shop/settings/base.py
# A Django settings module that turns DEBUG on when nothing is configured: a production server with no
# environment set shows tracebacks and settings (https://docs.djangoproject.com/en/stable/ref/settings/#debug,
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-bool).
import os

import environ

env = environ.Env()

# ruleid: py.debug.django-debug
DEBUG = env.bool("DJANGO_DEBUG", default=True)
# ruleid: py.debug.django-debug
DEBUG = env("DJANGO_DEBUG", default=True)
# With no DJANGO_DEBUG set, the default "True" makes this True.
# ruleid: py.debug.django-debug
DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"
# ruleid: py.debug.django-debug
DEBUG = os.getenv("DEBUG", "1") == "1"

# ok: py.debug.django-debug
DEBUG = env.bool("DJANGO_DEBUG", default=False)
# ok: py.debug.django-debug
DEBUG = os.environ.get("DJANGO_DEBUG", "False") == "True"
# ok: py.debug.django-debug
DEBUG = os.getenv("DEBUG") == "1"
# A different setting: only DEBUG shows the technical error pages.
# ok: py.debug.django-debug
DEBUG_PROPAGATE_EXCEPTIONS = True
