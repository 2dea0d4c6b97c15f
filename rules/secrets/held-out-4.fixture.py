# Shapes of the false positives found by the fourth held-out study (docs/accuracy.md), with values of our own.
def dsn(settings, expected):
    # A format field in an f-string is a template, not a password.
    # ok: secrets.db.postgres-uri
    return f"postgresql://{settings.USER}:{expected}@{settings.HOST}:5432/{settings.DB}"


# ruleid: secrets.db.postgres-uri
REPLICA = "postgresql://shop:Qw7vT2kLp9@replica.internal:5432/shop"
