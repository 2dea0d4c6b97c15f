#!/bin/sh
# A provisioning script writing the password file.
cat > "$HOME/.pgpass" <<PGPASS
# ruleid: secrets.generic.pgpass-password
warehouse.internal:5432:warehouse:dbt_runner:Lk3vQ8rWz5Tn1Yp7
PGPASS
chmod 600 "$HOME/.pgpass"
# ok: secrets.generic.pgpass-password
echo "warehouse.internal:5432:warehouse:dbt_runner:${DBT_PASSWORD}" >> "$HOME/.pgpass"
