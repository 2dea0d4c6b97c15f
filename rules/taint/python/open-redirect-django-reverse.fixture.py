# Django's reverse() returns a path on this site: the script prefix and the URLconf pattern, with the arguments
# quoted into it, and a leading "//" escaped to "/%2F" (django.urls.resolvers), so it never names another host.
# Input only in reverse()'s arguments, or appended after it (a query string), stays on this site. Flask's url_for()
# builds the same kind of path (or this site's absolute URL with _external=True).
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import RedirectView
from flask import request as flask_request, url_for


def search(request):
    q = request.GET.get("q", "")
    # ok: py.open-redirect.redirect
    return redirect(reverse("document-search") + "?q=" + q)


def detail(request):
    slug = request.GET["slug"]
    # ok: py.open-redirect.redirect
    return HttpResponseRedirect(reverse("detail", args=[slug]))


def detail_kwargs(request):
    # ok: py.open-redirect.redirect
    return redirect(reverse("detail", kwargs={"slug": request.GET["slug"]}) + "#top")


def next_page(request):
    # ruleid: py.open-redirect.redirect
    return redirect(request.GET["next"] + reverse("home"))


def flask_view():
    # ok: py.open-redirect.redirect
    return redirect(url_for("search") + "?q=" + flask_request.args["q"])


def reverse_text(s):
    return s[::-1]


def local_reverse(request):
    # ruleid: py.open-redirect.redirect
    return redirect(reverse_text(request.GET["next"]) + "/")


class OutboundView(RedirectView):
    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        # ruleid: py.open-redirect.redirect
        return self.request.GET.get("to")


class HomeView(RedirectView):
    def get_redirect_url(self, *args, **kwargs):
        # ok: py.open-redirect.redirect
        return reverse("home")


class SafeOutboundView(RedirectView):
    def get_redirect_url(self, *args, **kwargs):
        target = self.request.GET.get("to", "/")
        # ok: py.open-redirect.redirect
        return target if target in ("/", "/docs") else "/"
