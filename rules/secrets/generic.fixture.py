import os
import requests

# ruleid: secrets.generic.password-assignment
DB_PASSWORD = "CdGKk2SJdUX3^c"
# ok: secrets.generic.password-assignment
DB_PASSWORD_ENV = os.environ["DB_PASSWORD"]
# ok: secrets.generic.password-assignment
PASSWORD_MIN_LENGTH = "12345678"
# ok: secrets.generic.password-assignment
password_hash = "$2b$12$" + "Poi1yHcHpErowmBvU9wikyy8TrdMT0DixLla6oDIfrSWd.RipoSjK"
# ok: secrets.generic.password-assignment
password = "changeme"
# ok: secrets.generic.password-assignment
password = "<your-password>"
# ok: secrets.generic.password-assignment
password_field = "password"
# ruleid: secrets.generic.api-key-assignment
client = requests.Session(); api_key = "oU7yAitzlGfwaVAsWahfVM4Vs2LzOyUf"
# ok: secrets.generic.api-key-assignment
api_key = os.getenv("API_KEY")
# ok: secrets.generic.api-key-assignment
api_key_header = "X-Api-Key"
# A Flask session key: the framework rule names it (high), not the generic one.
# ruleid: secrets.framework.session-secret
app.config["SECRET_KEY"] = "19nxtCd-A_V56_vOd7bqGliyk8lJFvUyQucwV4kJ"
# ok: secrets.generic.secret-assignment
SECRET_NAME = "prod/payments/stripe"
# ok: secrets.generic.secret-assignment
secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod-db"


def call(session):
    # ruleid: secrets.generic.token-assignment
    return session.get("https://api.acme.io/v1/me", headers={"x-token": "unused"}, params={"access_token": "Xf15HaO0ArfHdo9m7vZjfEGswWhmKn47"})


# ok: secrets.generic.token-assignment
csrf_token = "{{ csrf_token }}"
# ok: secrets.generic.token-assignment
token_type = "Bearer"
# A name starting with `page` is no pagination token (`PAGER_TOKEN`); `next_page_token` is one.
# ruleid: secrets.generic.token-assignment
PAGER_TOKEN = os.getenv("PAGER_TOKEN", "usXtkArOE1x33HcbxRWq")
# ok: secrets.generic.token-assignment
next_page_token = "CAESBggDEAEYAQ2xkYXRhX3N0cmVhbQ"
# ok: secrets.generic.token-assignment
nextPageToken = "CAESBggDEAEYAQ2xkYXRhX3N0cmVhbQ"
# ok: secrets.generic.token-assignment
TOKEN_URL = "https://oauth2.acme.io/token"
# A commit hash and a UUID are ids, not credentials.
# ok: secrets.generic.token-assignment
token_commit_sha = "003d9f44d7be2d4f409454129039aa0929ba7cb7"
# ok: secrets.generic.token-assignment
sync_token = "3f2b8c1e-9a4d-4e6f-8b7a-2c5d1e0f9a3b"
# Snyk, Codecov and Heroku (its legacy API key) issue UUIDs as tokens: one named after them is a credential.
# ruleid: secrets.generic.token-assignment
rollbar_token = "4d2f6b8a-1c3e-4a5b-9d7f-0e2a4c6b8d1f"
# ruleid: secrets.snyk.api-token
snyk_token = "7c0e2a4b-5d1f-4e8a-9b3c-6d2f0a1e4b7c"
# ruleid: secrets.codecov.upload-token
CODECOV_TOKEN = "b3e9f1a2-7c4d-4f0e-8a6b-1d5c9e2f7a30"
# ok: secrets.generic.token-assignment
download_token = "5a1c3e7f-2b4d-4a6c-8e0f-9b1d3f5a7c2e"
# A literal fallback after an environment read is used whenever the variable is unset: it is the secret.
# ruleid: secrets.generic.secret-assignment
SECRET_KEY = os.environ.get("SECRET_KEY") or "8c1d5e0f3a9b7c2e6d4f1a8b3c5e7d9f0a2b4c6e"
# ruleid: secrets.generic.token-assignment
API_TOKEN = os.getenv("API_TOKEN") or "Vb7Kq2Xn9Lm4Rt8Wz3Hs6Jd1Pf5Gc0Ya"
# ok: secrets.generic.secret-assignment
SESSION_SECRET = os.environ.get("SESSION_SECRET") or os.environ["FALLBACK_SECRET"]
# ok: secrets.generic.token-assignment
REFRESH_TOKEN = os.getenv("REFRESH_TOKEN") or None
# A storage account key assigned on its own.
# ruleid: secrets.generic.api-key-assignment
account_key = "ijRb/TiD4xZWd8GOXDaCAObkEvnGw0tycQ2TBclB04k9sOxs7ri4ezyjGbxmGKfxhswuy1Eq4AGwOmNhkInNTw=="
# ok: secrets.generic.api-key-assignment
account_key = os.environ["AZURE_STORAGE_ACCOUNT_KEY"]
# Mapbox's public token is made for the browser (its secret tokens start sk.).
# ok: secrets.generic.token-assignment
MAPBOX_PUBLIC_TOKEN = "pk.eyJ1IjoiYWNtZXdpZGdldHMiLCJhIjoiY2w4dGtjNXV0b3gwbWs2ZXZsMzA2cTZ5OCJ9.8finvV28EbicPvfqZSpvg_"
# Codecov's repository id in a badge config is no token.
# ok: secrets.codecov.upload-token
CODECOV_REPO_ID = "codecov-repo-widgets"
