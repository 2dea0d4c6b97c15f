#!/bin/sh
# Shapes of the false positives found by the ninth held-out study (docs/accuracy.md), with values of our own.

# A short literal joined to a shell variable: a signing key's prefix, not a key.
# ok: secrets.generic.secret-assignment
kSecret="DNS4$DNS_SECRET_ACCESS_KEY"
# A header line ending in an escaped newline after a variable.
# ok: secrets.generic.token-assignment
CanonicalHeaders="${CanonicalHeaders}x-amz-security-token:$AWS_SESSION_TOKEN\n"
# A host name with a path, read after a variable's `:@`.
# ok: secrets.generic.api-key-assignment
DNS_URL="https://$DNS_API_KEY:@api.dnsprovider.net/v1"
# Variables joined by `:`, the line a setup script writes.
# ok: secrets.generic.password-assignment
echo "$superuser:$password:$fullname:$email:admin,user" >> "$usersfile"

# A literal keeps being found.
# ruleid: secrets.generic.secret-assignment
kSecret="q8Zr2LmX4vT7nW1pK9sB3dF6"
# ruleid: secrets.generic.password-assignment
echo "admin:password:Xk29fPq7Lm3Zr:ops" >> "$usersfile"
