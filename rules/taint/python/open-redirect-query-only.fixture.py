# A query string built from input and appended to the site's own URL: the input can change the query, never the
# host, wherever the "?" part is put together.
from django.shortcuts import redirect
from django.urls import reverse


class LoginView:
    success_url = "/orga/"

    def next_or_fallback(self, request, fallback):
        params = request.GET.copy()
        params.pop("next", None)
        params = ("?" + params.urlencode()) if params else ""
        return fallback + params

    def done(self, request):
        # ok: py.open-redirect.redirect
        return redirect(self.next_or_fallback(request, self.success_url))


def search(request):
    query = "?" + request.GET.urlencode()
    # ok: py.open-redirect.redirect
    return redirect(query)


def jump(request):
    anchor = "#" + request.GET["section"]
    # ok: py.open-redirect.redirect
    return redirect(reverse("docs") + anchor)


def to_next(request):
    # The input before the "?": it picks the host.
    target = request.GET["next"] + "?from=login"
    # ruleid: py.open-redirect.redirect
    return redirect(target)


def to_next_query(request):
    # A query put in front of a value that is itself the input still lets the input come first.
    target = request.GET["next"] + ("?" + request.GET.urlencode())
    # ruleid: py.open-redirect.redirect
    return redirect(target)
