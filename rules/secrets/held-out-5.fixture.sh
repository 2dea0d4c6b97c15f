#!/bin/sh
# Shapes of the false positives found by the fifth held-out study (docs/accuracy.md), with values of our own.
# A sed script deleting env lines: `DB_HOST=` and `DB_PASSWORD=` are parts of names, not connection-string keys.
# ok: secrets.db.ado-connection-string
sed -i '/^DB_HOST=/d;/^DB_PORT=/d;/^DB_USERNAME=/d;/^DB_PASSWORD=/d' .env
# ruleid: secrets.db.ado-connection-string
export CONN="Host=db.shop.internal;Port=5432;Username=shop;Password=Vq8mZt3Kx9Lp2Rn"
# ruleid: secrets.db.ado-connection-string
export CONN2="Server=tcp:db.shop.internal,1433;Password=Vq8mZt3Kx9Lp2Rn;Encrypt=true"
