# A value checked against a class's constant set (upper-case, by convention never reassigned) is one of its members.
import tornado.web


class LoginRedirectHandler(tornado.web.RequestHandler):
    ALLOWED = {"/", "/people", "/departments"}

    def get(self):
        target = self.get_argument("next", "/")
        # ok: py.open-redirect.redirect
        self.redirect(target if target in self.ALLOWED else "/")


class LogoutHandler(tornado.web.RequestHandler):
    def initialize(self, allowed):
        self.allowed = allowed

    def get(self):
        target = self.get_argument("next", "/")
        # A field set at run time is no constant.
        # ruleid: py.open-redirect.redirect
        self.redirect(target if target in self.allowed else "/")
