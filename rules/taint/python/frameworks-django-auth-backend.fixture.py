# Django authentication backends get the login form's credentials; DRF authentication classes read the request.
import ldap
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend
from ldap.filter import escape_filter_chars
from rest_framework import authentication, exceptions

AD_BASE = "OU=Staff,DC=corp,DC=example,DC=com"


def _connect():
    return ldap.initialize("ldaps://ad.corp.example.com")


class ActiveDirectoryBackend(BaseBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        conn = _connect()
        # ruleid: py.ldapi.search-filter
        found = conn.search_s(AD_BASE, ldap.SCOPE_SUBTREE, "(&(objectClass=user)(sAMAccountName=%s))" % username)
        # ok: py.ldapi.search-filter
        conn.search_s(AD_BASE, ldap.SCOPE_SUBTREE, "(sAMAccountName=%s)" % escape_filter_chars(username))
        # ok: py.ldapi.search-filter
        conn.search_s(AD_BASE, ldap.SCOPE_SUBTREE, "(objectClass=user)")
        if not found:
            return None
        return get_user_model().objects.filter(username=username).first()

    def get_user(self, user_id):
        conn = _connect()
        # ok: py.ldapi.search-filter
        conn.search_s(AD_BASE, ldap.SCOPE_SUBTREE, "(uidNumber=%s)" % user_id)
        return None


class HeaderTokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        user = request.META.get("HTTP_X_USER", "")
        conn = _connect()
        # ruleid: py.ldapi.search-filter
        entries = conn.search_s(AD_BASE, ldap.SCOPE_SUBTREE, f"(uid={user})")
        if not entries:
            raise exceptions.AuthenticationFailed("unknown user")
        return (entries[0], None)
