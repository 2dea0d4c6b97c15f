# Shapes a second recall study on fixed leaks missed (docs/accuracy.md); values are our own fakes.
import os

# ruleid: secrets.generic.token-assignment
os.environ.setdefault("PROXY_AUTH", "Jh5tGr8eWq1zXc4vBn7m")
# ok: secrets.generic.token-assignment
os.environ.setdefault("PROXY_AUTH", "")
# ok: secrets.generic.token-assignment
check_auth = validate_authentication(request)

# A brace closing inside a quoted password is part of it; one that opens a template is not.
# ruleid: secrets.generic.password-assignment
client = connect(host="db.internal", user="loader", password='Qm7}vR2xLp9wZt')
# ruleid: secrets.generic.password-assignment
DB_PASSWORD = "Hx4nT}r8Wq2kPz"
# ok: secrets.generic.password-assignment
DB_PASSWORD = "${DB_PASSWORD}"
# ok: secrets.generic.password-assignment
DB_PASSWORD = "{{ vault_db_password }}"
# ok: secrets.generic.password-assignment
db_password = f"{settings.db_password}"
# ok: secrets.generic.password-assignment
conn = dict(password=settings.db_password}
