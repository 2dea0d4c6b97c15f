# Shapes a recall study on real fixed leaks missed (docs/accuracy.md); values are our own fakes.
opts = {
    # ruleid: secrets.generic.api-key-assignment
    "api_key": "5b8e1c2d-3f4a-4b6c-8d9e-0a1b2c3d4e5f",
    # ok: secrets.generic.api-key-assignment
    "api_key_id": "5b8e1c2d-3f4a-4b6c-8d9e-0a1b2c3d4e5f",
    # ok: secrets.generic.secret-assignment
    "secret_uuid": "5b8e1c2d-3f4a-4b6c-8d9e-0a1b2c3d4e5f",
}
# ruleid: secrets.generic.secret-assignment
client_secret = "0e9d8c7b-6a5f-4e3d-9c2b-1a0f9e8d7c6b"
# ruleid: secrets.generic.password-assignment
db_pass = "Zr8#mQ2vLw5kTn"
# ok: secrets.generic.password-assignment
db_pass = config.database_pass
# ok: secrets.generic.password-assignment
bypass = "Zr8mQ2vLw5kTnY"
# Aligned keyword arguments and dict entries pad the name far from its operator.
CONFIG = dict(
    smtp_host                    = "mail.internal",
    # ruleid: secrets.generic.password-assignment
    smtp_password                = "Kz4!pWq8Lm2Tv",
    # ok: secrets.generic.password-assignment
    smtp_password_file           = "/run/secrets/smtp",
)
# A `_KEY` constant in code is not the dotenv shape: a cache or storage key more often than a credential.
# ok: secrets.generic.env-key-assignment
PROFILE_CACHE_KEY = "profile-v2:9f3a7c1e"
# ok: secrets.generic.env-key-assignment
SETTINGS_KEY=DEFAULT_SETTINGS_NAMESPACE_V2
class Recognizer:
    def start(self):
        URL = "wss://speech.example.net/ws/v1"
        # ruleid: secrets.generic.token-assignment
        TOKEN = "8cd1ceee81106d8c363d393ed4c744cd"    # 参考控制台获取token
        # ok: secrets.generic.token-assignment
        TOKEN = "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"
        return URL, TOKEN
