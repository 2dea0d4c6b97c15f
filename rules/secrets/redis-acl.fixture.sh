#!/bin/sh
# The same rule given to redis-cli.
# ruleid: secrets.generic.redis-acl-password
redis-cli ACL SETUSER backup on >3b5U4O6SNbMP97qObJ6G ~* +@read
# ok: secrets.generic.redis-acl-password
redis-cli ACL SETUSER backup on ">$BACKUP_PASSWORD" ~* +@read
