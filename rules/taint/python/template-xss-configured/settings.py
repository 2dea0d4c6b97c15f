# Django settings of the fixture app: templates in a folder listed in DIRS, not an app's templates/.
import os

BASE_DIR = os.path.dirname(os.path.abspath(__file__))

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [os.path.join(BASE_DIR, "django_tpl")],
        "APP_DIRS": True,
    },
]
