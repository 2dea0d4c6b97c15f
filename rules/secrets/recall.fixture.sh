#!/bin/sh
# ruleid: secrets.generic.env-key-assignment
export STEAM_KEY=A3F09C2D7E41B86C5D90E2F14A7B3C68
# ok: secrets.generic.env-key-assignment
export STEAM_KEY="$(cat /run/secrets/steam)"
# ok: secrets.generic.env-key-assignment
export GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D
