# Context shapes: the keyword and the value apart or in an unusual form (issue 16).
import os

# ruleid: secrets.generic.token-assignment
os.environ.setdefault("API_TOKEN", "hvN3zgHzVLYcaYKLzRag7jSob2quS2d3")
# ok: secrets.generic.token-assignment
os.environ.setdefault("API_TOKEN", os.getenv("CI_API_TOKEN_FROM_VAULT", ""))
# ruleid: secrets.generic.token-assignment
os.environ["API_TOKEN"] = "mRRAJcjJaanGTXgSx26DsaZGsPHyQq9k"
# ok: secrets.generic.token-assignment
os.environ["API_TOKEN"] = os.environ["UPSTREAM_TOKEN"]
# ruleid: secrets.generic.token-assignment
os.putenv("AUTH_TOKEN", "DEq3FC4y3VSfJFD54GZ64frcfyKcp4xe")
settings = {}
# ruleid: secrets.generic.password-assignment
settings["password"] = "Deda4hcQmKzNJ2"
# ok: secrets.generic.password-assignment
settings["password"] = "changeme"
creds = {
    # ruleid: secrets.generic.password-assignment
    "password": "ch4akEtFj8CAV7",
    # ok: secrets.generic.password-assignment
    "password": None,
}
# ruleid: secrets.generic.api-key-assignment
API_KEY = '3Yimi7Csrwc4z23tDVzVdfdU4VJu2Egv'
# ok: secrets.generic.api-key-assignment
API_KEY = 'your-api-key'
# ok: secrets.generic.password-assignment
login("user", "password", "xAseiTXEUVZyFQ7")
# ok: secrets.generic.token-assignment
translate("token", "Your session token has expired, please sign in")
# The key name on the line above its value.
db = {
    "password":
        "A7tLWaoDZvW465",  # ruleid: secrets.generic.password-assignment
    "password":
        os.environ["DB_PASSWORD"],  # ok: secrets.generic.password-assignment
}
# An assignment expression (`:=`).
# ruleid: secrets.generic.token-assignment
if (api_token := "JdS6gUe5AHq9xT2mWv7LpZr4KcY8nBf3"):
    pass
# ok: secrets.generic.token-assignment
if (api_token := os.environ.get("API_TOKEN")):
    pass
# An XML element inside a string literal.
# ruleid: secrets.generic.xml-password
body = "<credentials><user>svc</user><password>Nc8Mw3Hs6Jd1Pf</password></credentials>"
# ok: secrets.generic.xml-password, secrets.generic.password-assignment
body = "<credentials><password>%s</password></credentials>" % password
# Union-typed declarations (PEP 604): a union type between the name and `=`.
# ruleid: secrets.generic.token-assignment
api_token: str | None = "Jw5Rk8Lm2Xq7Tz4Nb9Vc3Hf6Pd"
# ok: secrets.generic.token-assignment
api_token: str | None = os.environ.get("API_TOKEN")
# A placeholder's default inside a string (read by a Spring-style or shell-style resolver): the default is used when
# the property is unset.
# ruleid: secrets.generic.password-assignment
DB_PASSWORD_EXPR = "${db.password:Wq7Lz3Kx9Nb2Tr5Hm}"
# ok: secrets.generic.password-assignment
DB_PASSWORD_EXPR_UNSET = "${db.password:}"
