# A literal given as the default of an environment lookup is committed like any other (issue 16). Fake values.
import os

import environ
from decouple import config

env = environ.Env()

# ruleid: secrets.framework.session-secret
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "h+v44k*a!lb8w79**pt7#=b)f7*__gj9(39@&m)==6r87-^c0m")
# ruleid: secrets.framework.session-secret
SECRET_KEY = env("SECRET_KEY", default="x6M3rm9a5q85AXodHtb90hf3FUdYpywPVYZScsEoEUYMRFrIjD")
# ok: secrets.framework.session-secret
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "change-me")
# The lookup's arguments on lines of their own (as formatters wrap it).
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY",
    "06d54!jqd-53h*8(adsv#!(qxf04@zo*kk6*9r5dt4030rw3+9",  # ruleid: secrets.framework.session-secret
)
SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY",
    "django-insecure-change-me",  # ok: secrets.framework.session-secret
)
# ok: secrets.framework.session-secret
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY")

# ruleid: secrets.generic.token-assignment
API_TOKEN = os.getenv("API_TOKEN", "RSyDcqurwYaAL1hUnFyH0FdpO7eyCuj4nvEp87Uj")
# ruleid: secrets.generic.password-assignment
DB_PASSWORD = config("DB_PASSWORD", default="VXh9DLuv3mWCfbkGWn6z7eVcXMQFlmHV")
# ok: secrets.generic.password-assignment
DB_PASSWORD = config("DB_PASSWORD", default="")
# ok: secrets.generic.token-assignment
API_TOKEN = os.getenv("API_TOKEN", "${API_TOKEN}")
# ok: secrets.generic.token-assignment
TOKEN_TTL = os.getenv("TOKEN_TTL", "3600")
