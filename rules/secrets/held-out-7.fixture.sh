#!/bin/bash
# Shapes of the false positives found by the seventh held-out study (docs/accuracy.md), with values of our own.
NEW_SECRET=$(head -c 512 /dev/urandom | tr -dc 'a-zA-Z0-9' | head -c 32)
# A sed substitution that puts a generated value in place of the placeholder.
# ok: secrets.generic.secret-assignment
sed -i "s/<signing-secret>/$NEW_SECRET/g" /etc/shop/config.yml
# ruleid: secrets.generic.secret-assignment
export SIGNING_SECRET="Vb7Kt3Lp8Rc5HdZq4Wx9Nm2Ye6"
