#!/usr/bin/env bash
# ruleid: secrets.generic.bearer-token
curl -H "Authorization: Bearer OwQH2hpgcuoqLAwWtkRLDiDUuQmvX8vMvpYMCl1Ejslarxjr" https://api.acme.io/v1/deploy
# ok: secrets.generic.bearer-token
curl -H "Authorization: Bearer $API_TOKEN" https://api.acme.io/v1/deploy
# ruleid: secrets.generic.password-assignment
export PGPASSWORD='*bMx5V#LsOD9%p'
# ok: secrets.generic.password-assignment
export PGPASSWORD="$(vault kv get -field=password secret/db)"
# ruleid: secrets.generic.url-credentials
git clone https://ci-bot:mSRSQYLhg!m6#k@git.acme.io/platform/infra.git
# ok: secrets.generic.url-credentials
git clone https://git.acme.io/platform/infra.git
