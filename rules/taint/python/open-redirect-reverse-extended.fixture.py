# A path Django's reverse() built, kept in a variable and extended in place (`url += f"?{query}"`), stays a path on
# this site, as `reverse(...) + query` does (pretalx, held out 7). Known gap: sanitizer patterns cannot name an
# augmented assignment to a call's variable. A variable last assigned input stays input.
from django.shortcuts import redirect
from django.urls import reverse


def next_step(request, event):
    url = reverse("cfp:event.submit", kwargs={"event": event})
    if request.GET:
        url += f"?{request.GET.urlencode()}"
    # todook: py.open-redirect.redirect
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
