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
# A default in a parameter expansion (`${NAME:-value}`, `${NAME:=value}`): the value after `:-` / `:=`.
# ruleid: secrets.generic.token-assignment
export API_TOKEN="${API_TOKEN:-Ue5AHq9xT2mWv7LpZr4KcY8nBf3JdS6g}"
# ruleid: secrets.generic.password-assignment
: "${DB_PASSWORD:=Mv7LpZr4KcY8nB}"
# ok: secrets.generic.token-assignment
export API_TOKEN="${API_TOKEN:-}"
