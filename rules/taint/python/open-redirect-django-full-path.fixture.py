# Django's HttpRequest.get_full_path() escapes a leading "//" to "/%2F" and percent-encodes a backslash, so it is
# always a path on this site (with the query after it): middleware redirecting to it, or to it joined to the
# configured site URL, stays on the site. `request.path` is not escaped and stays input.
from urllib.parse import urljoin

from django.conf import settings
from django.shortcuts import redirect
from django.views import View


def force_site_url(get_response):
    def middleware(request):
        if request.get_host() != settings.SITE_HOST:
            # ok: py.open-redirect.redirect
            return redirect(urljoin(settings.SITE_URL, request.get_full_path()))
        return get_response(request)

    return middleware


def login_required_view(request):
    if not request.user.is_authenticated:
        # ok: py.open-redirect.redirect
        return redirect("/login/?next=" + request.get_full_path())
    # ok: py.open-redirect.redirect
    return redirect(request.get_full_path())


class Wizard(View):
    def get(self, request):
        # ok: py.open-redirect.redirect
        return redirect(self.request.get_full_path())


def next_param(request):
    # ruleid: py.open-redirect.redirect
    return redirect(request.GET.get("next", "/"))


def joined_with_input(request):
    # ruleid: py.open-redirect.redirect
    return redirect(urljoin(request.GET["base"], request.get_full_path()))
