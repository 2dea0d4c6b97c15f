import os
import requests

# ruleid: secrets.generic.password-assignment
DB_PASSWORD = "X_X0XKTI_1E4=t"
# ok: secrets.generic.password-assignment
DB_PASSWORD_ENV = os.environ["DB_PASSWORD"]
# ok: secrets.generic.password-assignment
PASSWORD_MIN_LENGTH = "12345678"
# ok: secrets.generic.password-assignment
password_hash = "$2b$12$" + "6cQKbMx5V/LsODXzmSRSQYLhg.mzLmHBoJk1KJOraSWc1SsXw2AK1"
# ok: secrets.generic.password-assignment
password = "changeme"
# ok: secrets.generic.password-assignment
password = "<your-password>"
# ok: secrets.generic.password-assignment
password_field = "password"
# ruleid: secrets.generic.api-key-assignment
client = requests.Session(); api_key = "I6zwsClGbpyJwqSrfOZe9NY3ops0nLDV"
# ok: secrets.generic.api-key-assignment
api_key = os.getenv("API_KEY")
# ok: secrets.generic.api-key-assignment
api_key_header = "X-Api-Key"
# ruleid: secrets.generic.secret-assignment
app.config["SECRET_KEY"] = "HCOQXOmpeDOYYzFL9vGXKJDyOetgD7g3mwHyL1QN"
# ok: secrets.generic.secret-assignment
SECRET_NAME = "prod/payments/stripe"
# ok: secrets.generic.secret-assignment
secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod-db"


def call(session):
    # ruleid: secrets.generic.token-assignment
    return session.get("https://api.acme.io/v1/me", headers={"x-token": "unused"}, params={"access_token": "4nxgNlmfvwjiQRNhzNdAZhq30uJNhgtl"})


# ok: secrets.generic.token-assignment
csrf_token = "{{ csrf_token }}"
# ok: secrets.generic.token-assignment
token_type = "Bearer"
# ok: secrets.generic.token-assignment
TOKEN_URL = "https://oauth2.acme.io/token"
# A commit hash and a UUID are ids, not credentials.
# ok: secrets.generic.token-assignment
token_commit_sha = "c8c0c16770659b3023b2e016aa4020cd5b685aed"
# ok: secrets.generic.token-assignment
sync_token = "3f2b8c1e-9a4d-4e6f-8b7a-2c5d1e0f9a3b"
