# GraphQL resolvers (graphene, ariadne): the parameters after `info` are the query's arguments.
import os
import subprocess

import graphene
from django.db import connection


def resolve_books(root, info, title=None):
    with connection.cursor() as cur:
        # ruleid: py.sqli.string-query
        cur.execute("SELECT id FROM book WHERE title = '" + title + "'")
        # ok: py.sqli.string-query
        cur.execute("SELECT id FROM book WHERE title = %s", [title])
        return cur.fetchall()


def resolve_author(parent, info, name):
    # ruleid: py.cmdi.subprocess-shell
    return subprocess.check_output("finger " + name, shell=True)


def resolve_viewer(obj, info):
    # The context is the server's request object, not an argument of the query.
    # ok: py.cmdi.subprocess-shell
    return subprocess.check_output("id " + info.context.user.username, shell=True)


class UploadCover(graphene.Mutation):
    class Arguments:
        filename = graphene.String(required=True)

    ok = graphene.Boolean()

    def mutate(self, info, filename):
        # ruleid: py.path-traversal.open
        with open(os.path.join("/srv/covers", filename), "wb") as f:
            f.write(b"")
        return UploadCover(ok=True)


class Query(graphene.ObjectType):
    report = graphene.String(name=graphene.String())

    def resolve_report(self, info, name="daily"):
        # ok: py.path-traversal.open
        with open(os.path.join("/srv/reports", os.path.basename(name))) as f:
            return f.read()
