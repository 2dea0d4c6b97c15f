import os

import psycopg2

# ruleid: secrets.db.libpq-password
conn = psycopg2.connect("dbname=reports user=reporter password=Hc4vNq8sLz2Wm host=reports-db")
# ok: secrets.db.libpq-password
conn = psycopg2.connect("dbname=reports user=reporter password={} host=reports-db".format(os.environ["PGPASSWORD"]))
# ok: secrets.db.libpq-password
conn = psycopg2.connect("dbname=reports user=reporter password=$PGPASSWORD host=reports-db")
# ok: secrets.db.libpq-password
conn = psycopg2.connect(f"dbname=reports user=reporter password={os.environ['PGPASSWORD']} host=reports-db")


def ldap_conn(server, dn, secret_file):
    with open(secret_file) as f:
        # Keyword arguments are code, not a connection string.
        # ok: secrets.db.libpq-password
        return Connection(server, user=dn, password=f.read().strip(), auto_bind=True)


def ldap_conn_literal_names(server):
    # ok: secrets.db.libpq-password
    return Connection(server, user=SERVICE_DN, password=SERVICE_PASSWORD_VALUE, auto_bind=True)
