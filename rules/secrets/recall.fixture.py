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
