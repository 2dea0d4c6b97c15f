# Shapes of the false positives found by the fifth held-out study (docs/accuracy.md), with values of our own.
# URL confusion cases in SSRF checks: a host and port before `@`, or a backslash in it, are not a login.
BYPASSES = [
    # ok: secrets.generic.url-credentials
    "http://internal.shop.test:8080@public.shop.test/",
    # ok: secrets.generic.url-credentials
    "http://INTERNAL:8888\\@PUBLIC/",
    # ruleid: secrets.generic.url-credentials
    "https://deploy:Vq8mZt3Kx9Lp2Rn@registry.shop.internal/",
    # ruleid: secrets.generic.url-credentials
    "ftp://backup:48213907@files.shop.internal/",
]
