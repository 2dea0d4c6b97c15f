# vigil-fixture-path: Makefile
# Context shapes: Makefile assignments (issue 16).
# ruleid: secrets.generic.token-assignment
API_TOKEN ?= wFXXLsiNE4bFd9xgo8mhz7x3GPf6vpdb
# ruleid: secrets.generic.password-assignment
DB_PASSWORD := Bh6hGHZRfmD4dY
# ruleid: secrets.generic.api-key-assignment
API_KEY += Loapr58XYz37PSteazyUwgRV9koZirBt
# ok: secrets.generic.token-assignment
API_TOKEN ?= $(shell cat .token)
# ok: secrets.generic.password-assignment
DB_PASSWORD := $(DB_PASSWORD_FROM_ENV)
