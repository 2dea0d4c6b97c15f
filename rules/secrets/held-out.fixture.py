# Shapes of the false positives found by the held-out study (docs/accuracy.md), with values of our own.
import base64


def check(context, config):
    # A verifying call compares the password it is given with a stored value: neither is a password setting.
    # ok: secrets.generic.password-assignment
    ok = context.verify("password", "Hj3kL9pQ2wEr")
    # A setter still names the setting it stores.
    # ruleid: secrets.generic.password-assignment
    config.set("password", "Hj3kL9pQ2wEr")
    return ok


# A placeholder written in base64: the text it decodes to says to replace it.
# ok: secrets.generic.secret-assignment
JWT_SECRET = "cmVwbGFjZS1tZS13aXRoLXlvdXItb3duLWp3dC1zaWduaW5nLXNlY3JldC1iZWZvcmUtZGVwbG95aW5n"
# ruleid: secrets.generic.secret-assignment
HMAC_SECRET = "FnmKohPN5U0cspwWGUFdw4EI12bIc1fydmOcPUg8mnFz3yeIEoO/3WOtXXKjkwPI"
