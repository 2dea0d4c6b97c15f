# Nameko: @rpc and @event_handler methods take what other services send; @http entrypoints a werkzeug Request.
import os
import subprocess

import ldap
from ldap.filter import escape_filter_chars
from nameko.events import event_handler
from nameko.rpc import rpc
from nameko.web.handlers import http
from nameko_sqlalchemy import DatabaseSession
from sqlalchemy import text

from .models import Base

BASE_DN = "ou=people,dc=example,dc=org"
EXPORTS = "/var/exports"


class DirectoryService:
    name = "directory"
    db = DatabaseSession(Base)

    @rpc
    def find(self, username):
        conn = ldap.initialize("ldap://ldap.example.org")
        # ruleid: py.ldapi.search-filter
        conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, f"(uid={username})")
        # ok: py.ldapi.search-filter
        return conn.search_s(BASE_DN, ldap.SCOPE_SUBTREE, "(uid=%s)" % escape_filter_chars(username))

    @rpc(expected_exceptions=ValueError)
    def by_team(self, team):
        # ruleid: py.sqli.string-query
        rows = self.db.execute(text(f"SELECT id FROM accounts WHERE team = '{team}'")).fetchall()
        # ok: py.sqli.string-query
        same = self.db.execute(text("SELECT id FROM accounts WHERE team = :t"), {"t": team}).fetchall()
        return [r.id for r in rows + same]

    @event_handler("billing", "invoice_paid")
    def on_paid(self, payload):
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run(f"notify-send {payload['customer']}", shell=True)

    @http("GET", "/exports")
    def export(self, request):
        # ruleid: py.path-traversal.open
        with open(os.path.join(EXPORTS, request.args.get("file", "")), "rb") as fh:
            return fh.read()

    def _helper(self, team):
        # Not an entrypoint: called by the service's own methods.
        # ok: py.sqli.string-query
        return self.db.execute(text(f"SELECT id FROM accounts WHERE team = '{team}'"))
