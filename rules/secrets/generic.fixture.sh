#!/usr/bin/env bash
# ruleid: secrets.generic.bearer-token
curl -H "Authorization: Bearer OwQH2hpgcuoqLAwWtkRLDiDUuQmvX8vMvpYMCl1Ejslarxjr" https://api.acme.io/v1/deploy
# ok: secrets.generic.bearer-token
curl -H "Authorization: Bearer $API_TOKEN" https://api.acme.io/v1/deploy
# ruleid: secrets.generic.bearer-token
curl -s -H "Authorization: Bearer 7d3e91b4-2c5a-4f08-b6e1-9a4c0f2d8e57" https://api.heroku.com/apps
# ok: secrets.generic.bearer-token
curl -s -H "X-Request-Id: 7d3e91b4-2c5a-4f08-b6e1-9a4c0f2d8e57" -H "Authorization: Bearer 00000000-0000-0000-0000-000000000000" https://api.acme.io/v1/ping
# ruleid: secrets.generic.password-assignment
export PGPASSWORD='*bMx5V#LsOD9%p'
# ok: secrets.generic.password-assignment
export PGPASSWORD="$(vault kv get -field=password secret/db)"
# ruleid: secrets.generic.url-credentials
git clone https://ci-bot:mSRSQYLhg!m6#k@git.acme.io/platform/infra.git
# ok: secrets.generic.url-credentials
git clone https://git.acme.io/platform/infra.git
# Elasticsearch API keys go in an `ApiKey` authorization header (base64 of id:key).
# ruleid: secrets.generic.bearer-token
curl -fsS -H "Authorization: ApiKey T0RkRXhxczRmLW05ZUlRckpFX2s6ck1RZllsRU1YN2xSRlRCZm1BNzBRdA==" "https://logs.internal:9200/app-*/_search?q=error"
# ok: secrets.generic.bearer-token
curl -fsS -H "Authorization: ApiKey $ES_API_KEY" "https://logs.internal:9200/app-*/_search?q=error"
