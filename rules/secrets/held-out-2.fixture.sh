#!/bin/sh
# Shapes of the false positives found by the second held-out study (docs/accuracy.md), with values of our own.
# A form body or query string: the password ends at the next `&name=` parameter.
# ok: secrets.generic.password-assignment
curl -s -d "grant_type=password&username=root&password=root&scope=openid email" "$URL/token"
# ruleid: secrets.generic.password-assignment
curl -s -d "grant_type=password&username=svc&password=Hq7&Zt4wLm9Rv&scope=openid" "$URL/token"
