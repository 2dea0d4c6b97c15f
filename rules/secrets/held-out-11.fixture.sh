#!/bin/sh
# Held out 11 (issue 16): a sed command that writes a generated key into a config file.
SECRET_KEY=$(head -c 32 /dev/urandom | base64)
# The pattern to replace (`.*$`), not a value.
# ok: secrets.generic.secret-assignment
sed -i -e 's/^system.secret-key:.*$/system.secret-key: '"'$SECRET_KEY'"'/' "$SENTRY_CONFIG_YML"
# A literal written into the same file is reported.
# ruleid: secrets.generic.secret-assignment
echo "system.secret-key: 'Pz8kW3nQ7vXt2LmR5bYc'" >> "$SENTRY_CONFIG_YML"
