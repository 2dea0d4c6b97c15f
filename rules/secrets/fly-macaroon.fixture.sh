#!/bin/sh
# A Fly.io macaroon is base64 of binary: its runs of `A` are zero bytes, not a typed placeholder.
# ruleid: secrets.flyio.macaroon-token
flyctl deploy --app status --access-token "FlyV1 fm2_lJPECAAAAAAAABhemV26wTcY4lbp2JDsjL0ArlUQuGBCFF+6rnoUa8AdfrLMLx6/ql5RcFH3SJGJ2COZApoMK96cTtuOtqLANvIF4mpiKGRelXNkklinVNrjYSzVV4KmYxqlMfI9ZhqNNCjzCfCKRZrt8s8BnyiICxF6owrkc2sojc7tXWr26dnO6Eh0rotpsAF9z1gFaDqIEbD7SjTA/07A"
# ok: secrets.flyio.macaroon-token
flyctl deploy --app status --access-token "FlyV1 fm2_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
