#!/bin/sh
# Context shapes: shell exports and heredocs (issue 16).
# ruleid: secrets.generic.token-assignment
export API_TOKEN="gSftzX2g5sViWnyZtRurzhZqaqxAxak2"
cat > .env <<EOT
# ruleid: secrets.generic.password-assignment
DB_PASSWORD=GopdYRL9N8q47c
# ok: secrets.generic.password-assignment
DB_PASSWORD=$DB_PASSWORD_FROM_CI
EOT
kubectl create secret generic app --from-env-file=/dev/stdin <<'EOT'
# ruleid: secrets.generic.token-assignment
AUTH_TOKEN=JU73YKJTVVypsawRrHJWTFJuymcnEVtk
EOT
