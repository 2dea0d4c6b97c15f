#!/bin/sh
# Passwords passed to programs as arguments.
# ruleid: secrets.generic.command-line-password
curl -sf -u "deploy:Wq7nPz2kRv9tLx4mBs8c" https://ci.internal/api/deploy
# ruleid: secrets.db.mysql-cli-password
mysql -h db.internal -u root -p"Hd83kLq0Zx7VnT2pYw" orders < schema.sql
# ruleid: secrets.generic.command-line-password
redis-cli --pass-through -h cache --password Kc92xLmQ7vTz4pRw1nB
# From the environment, a prompt, or a file: nothing in the script.
# ok: secrets.generic.command-line-password
curl -sf -u "$CI_USER:$CI_TOKEN" https://ci.internal/api/deploy
# ok: secrets.db.mysql-cli-password
mysql -h db.internal -u root -p orders < schema.sql
# ok: secrets.db.mysql-cli-password
mysql -h db.internal -u root -p"$MYSQL_PWD" orders < schema.sql
# ok: secrets.generic.command-line-password
pg_restore --password-file=/run/secrets/pg --dbname shop dump.sql
# ok: secrets.generic.command-line-password
curl -u "api:${API_TOKEN}" https://ci.internal/api
# ruleid: secrets.generic.command-line-password
gpg --batch --pinentry-mode loopback --passphrase 'Tq4mZr8wKx2nLv7pBc' --sign dist.tgz
# ruleid: secrets.generic.command-line-password
redis-cli -h sessions.internal -p 6380 --tls -a 'Hn5vQx8mKz3wLr7tPc2d' --no-auth-warning FLUSHDB
# ruleid: secrets.generic.command-line-password
docker login registry.internal -u ci -p Xw7kRm2qVn9tLz4pBs
# Unquoted, with the command's words after it: an argument, not the first word of a sentence.
# ruleid: secrets.generic.command-line-password
redis-cli -h sessions.internal -p 6379 -a 9JOAy8u5fLmLYvGditTXkqUN FLUSHDB
# ok: secrets.generic.command-line-password
gpg --batch --passphrase-file /run/secrets/gpg --sign dist.tgz
# ok: secrets.generic.command-line-password
redis-cli -h sessions.internal -a "$REDIS_PASSWORD" FLUSHDB
# ok: secrets.generic.command-line-password
docker login registry.internal -u ci --password-stdin < /run/secrets/registry
# ok: secrets.generic.command-line-password
docker run -a stdout -p 8080:80 nginx
# The OpenLDAP tools' bind password, and ngrok's authtoken.
# ruleid: secrets.generic.command-line-password
ldapsearch -x -H ldaps://ldap.corp.internal -D "cn=admin,dc=corp" -w wxKUtjMo146Oqj% -b "dc=corp"
# ok: secrets.generic.command-line-password
ldapsearch -x -H ldaps://ldap.corp.internal -D "cn=admin,dc=corp" -W -b "dc=corp"
# ok: secrets.generic.command-line-password
ldapmodify -x -D "cn=admin,dc=corp" -w "$LDAP_ADMIN_PW" -f change.ldif
# ruleid: secrets.generic.command-line-password
ngrok config add-authtoken mriqY0kzR64fsfZF0BD7d6eA3jw_YURb1IaSipxRhNqlcUjM9
# ok: secrets.generic.command-line-password
ngrok config add-authtoken "$NGROK_AUTHTOKEN"
