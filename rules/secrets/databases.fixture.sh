#!/usr/bin/env bash
set -euo pipefail
# ruleid: secrets.db.mysql-cli-password
mysqldump -u backup -pFs5BI_dM0v%zT3+s shop > shop.sql
# ok: secrets.db.mysql-cli-password
mysql -u root -p shop < schema.sql
# ok: secrets.db.mysql-cli-password
mysql -u root -p"$MYSQL_PASSWORD" shop < schema.sql
