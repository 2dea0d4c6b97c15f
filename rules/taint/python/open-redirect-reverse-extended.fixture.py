# A path Django's reverse() built, kept in a variable and extended in place (`url += f"?{query}"`), stays a path on
# this site, as `reverse(...) + query` does (pretalx, held out 7): what is not input, then "?" or "#", then input
# (py-url-allowlist's `untainted` patterns). A variable last assigned input stays input.
from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse


def next_step(request, event):
    url = reverse("cfp:event.submit", kwargs={"event": event})
    if request.GET:
        url += f"?{request.GET.urlencode()}"
    # ok: py.open-redirect.redirect
    return redirect(url)


def from_input(request):
    url = request.GET.get("next", "/")
    url += "?step=2"
    # ruleid: py.open-redirect.redirect
    return redirect(url)


def reassigned(request):
    url = reverse("home")
    url = request.GET["to"]
    url += "?from=home"
    # ruleid: py.open-redirect.redirect
    return redirect(url)


def input_in_reverse(request):
    # Input in reverse()'s arguments is quoted into this site's path.
    url = reverse("detail", kwargs={"slug": request.GET["slug"]})
    url += f"?page={request.GET['page']}"
    # ok: py.open-redirect.redirect
    return redirect(url)


def login_url(request):
    base = settings.LOGIN_URL
    # ok: py.open-redirect.redirect
    return redirect(base + "?next=" + request.GET["next"])


def input_then_query(request):
    # ruleid: py.open-redirect.redirect
    return redirect(request.GET["to"] + "?next=" + request.path)
