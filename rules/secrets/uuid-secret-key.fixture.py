# Providers (Scaleway, others) issue secret keys as UUIDs: under a name that ends in the credential, a UUID is reported.
# ruleid: secrets.generic.secret-assignment
PAYOUTS_SECRET_KEY = "5d1e4f7a-9b2c-4e8d-a3f6-0c7b9e2d4a18"
# An identifier of the key is no key.
# ok: secrets.generic.secret-assignment
PAYOUTS_SECRET_KEY_ID = "5d1e4f7a-9b2c-4e8d-a3f6-0c7b9e2d4a18"
# ok: secrets.generic.secret-assignment
SECRET_KEY_VERSION = "5d1e4f7a-9b2c-4e8d-a3f6-0c7b9e2d4a18"
