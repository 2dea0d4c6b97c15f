# False positives found by the real-code study (docs/accuracy.md), in shapes of our own. Values are made up.

# A list of (plaintext, stored hash) test vectors: a tuple is data, not a two-argument setter call.
VECTORS = [
    # ok: secrets.generic.password-assignment
    ("password", "0c6b5d1c1f4e3b2a9d8c7e6f5a4b3c2d"),
    # ok: secrets.generic.secret-assignment
    ("secret", "4f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6"),
]

# Stored password hashes in their own formats are not passwords.
# ok: secrets.generic.password-assignment
stored_password = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$Qm9ndXNIYXNoVmFsdWVGb3JUZXN0"
# ok: secrets.generic.password-assignment
legacy_password = "$6$rounds=5000$mysalt$Zq7LmN2pQr8sTu9vWx0yAb1cDe2fGh3iJk4lMn5oPq6rSt7uVw8xYz9aBc0dEf1gHi2jK"
# ok: secrets.generic.password-assignment
django_password = "pbkdf2_sha256$600000$Nq2LrT5x$ZmFrZUhhc2hWYWx1ZUZvclRoZVN0dWR5MTIzNA="
# ok: secrets.generic.password-assignment
mysql_password = "*A1B2C3D4E5F60718293A4B5C6D7E8F9012345678"

# A call with the name first is still a two-argument setter.
# ruleid: secrets.generic.password-assignment
os.environ.setdefault("DB_PASSWORD", "Vq7mR2xpL9wZ")
# ruleid: secrets.generic.password-assignment
config.set("password", "Hk4sN8tQ2vYc")

# A value spelled from the word its name already says is a stand-in.
# ok: secrets.generic.token-assignment
client = Client(access_token="existingtoken123")
# ok: secrets.generic.secret-assignment
webhook_secret = "mysupersecret2024"
