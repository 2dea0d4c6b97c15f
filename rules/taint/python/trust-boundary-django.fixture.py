import tornado.web
from django.contrib.auth import authenticate
from django.http import HttpResponse, JsonResponse
from django.views import View
from rest_framework.response import Response
from rest_framework.views import APIView

PAGE_SIZES = (10, 25, 50)


def checkout(request):
    # ruleid: py.trust-boundary.session-from-request
    request.session["next"] = request.GET.get("next", "/")
    return HttpResponse("ok")


def apply_coupon(request):
    # ruleid: py.trust-boundary.session-from-request
    request.session.update({"coupon": request.POST["coupon"]})
    return HttpResponse("ok")


def impersonate(req):
    # A Django view whose request is not called request.
    # ruleid: py.trust-boundary.session-from-request
    req.session["acting_as"] = req.POST["user_id"]
    return HttpResponse("ok")


class FilterView(View):
    def get(self, request):
        # ruleid: py.trust-boundary.session-from-request
        self.request.session["filters"] = self.request.GET.dict()
        return HttpResponse("ok")


class PreferenceApi(APIView):
    def post(self, request):
        tz = request.data.get("timezone")
        # ruleid: py.trust-boundary.session-from-request
        request.session.setdefault("timezone", tz)
        return Response({"ok": True})


class LoginHandler(tornado.web.RequestHandler):
    def post(self):
        # A signed cookie holding what the client sent: get_secure_cookie() trusts it later.
        # ruleid: py.trust-boundary.session-from-request, py.cookies.insecure-cookie
        self.set_secure_cookie("user", self.get_argument("user"))

    def put(self):
        # ruleid: py.trust-boundary.session-from-request, py.cookies.insecure-cookie
        self.set_signed_cookie("cart", self.request.body, expires_days=1)

    def get(self):
        # A plain cookie is the client's own value, read back as such.
        # ok: py.trust-boundary.session-from-request
        self.set_cookie("theme", self.get_argument("theme", "light"), secure=True, httponly=True, samesite="Lax")


# ---- negatives ----


def login(request):
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is None:
        return HttpResponse(status=401)
    # The id of the user Django authenticated, not the form field.
    # ok: py.trust-boundary.session-from-request
    request.session["uid"] = user.pk
    return HttpResponse("ok")


def page_size(request):
    size = request.GET.get("size", "10")
    if size.isdigit():
        # ok: py.trust-boundary.session-from-request
        request.session["page_size"] = size
    return HttpResponse("ok")


def listing(request):
    size = int(request.GET.get("size", "10"))
    if size in PAGE_SIZES:
        # ok: py.trust-boundary.session-from-request
        request.session["page_size"] = size
    return JsonResponse({"size": size})


class CartView(View):
    def post(self, request):
        count = self.request.session.get("count", 0)
        # ok: py.trust-boundary.session-from-request
        self.request.session["count"] = count + 1
        return HttpResponse("ok")
