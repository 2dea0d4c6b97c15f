# Shapes a second recall study on fixed leaks missed (docs/accuracy.md); values are our own fakes.
import os

# ruleid: secrets.generic.token-assignment
os.environ.setdefault("PROXY_AUTH", "Jh5tGr8eWq1zXc4vBn7m")
# ok: secrets.generic.token-assignment
os.environ.setdefault("PROXY_AUTH", "")
# ok: secrets.generic.token-assignment
check_auth = validate_authentication(request)
