#!/usr/bin/env bash
set -euo pipefail
# ruleid: secrets.generic.command-line-password
sshpass -p 'v.kYKQSxQTxOheyvkt' scp /backups/db.gz u39182@backup.example.net:db/
# ok: secrets.generic.command-line-password
sshpass -p "$BACKUP_PASSWORD" scp /backups/db.gz u39182@backup.example.net:db/

VAULT_TOKEN=$(vault write -field=token auth/approle/login \
  role_id=a14e0c4d-3d7b-4ba0-8222-3c91ac5b0350 \
  # ruleid: secrets.vault.approle-secret-id
  secret_id=7755c0fe-745b-4703-b0d9-3dd6dcf5dce2)
# ok: secrets.vault.approle-secret-id
vault write auth/approle/login role_id=a14e0c4d-3d7b-4ba0-8222-3c91ac5b0350 secret_id="$(cat /run/secrets/approle_secret_id)"
