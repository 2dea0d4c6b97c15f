#!/usr/bin/env bash
# ruleid: secrets.generic.bearer-token
curl -H "Authorization: Bearer NsQMTodm8h2xMhDU7q88AD4fGInvLbB1DqQ9Ml7mfz7VWGR6" https://api.acme.io/v1/deploy
# ok: secrets.generic.bearer-token
curl -H "Authorization: Bearer $API_TOKEN" https://api.acme.io/v1/deploy
# ruleid: secrets.generic.password-assignment
export PGPASSWORD='CT=iKqA9^9J8%j'
# ok: secrets.generic.password-assignment
export PGPASSWORD="$(vault kv get -field=password secret/db)"
# ruleid: secrets.generic.url-credentials
git clone https://ci-bot:h!aUd7uAiiB1=s@git.acme.io/platform/infra.git
# ok: secrets.generic.url-credentials
git clone https://git.acme.io/platform/infra.git
