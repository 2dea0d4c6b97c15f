# WebOb applications (https://docs.pylonsproject.org/projects/webob/en/stable/api/dec.html): a function decorated
# with `webob.dec.wsgify` gets a webob.Request, whose body, json, params, GET, POST, headers and cookies are what
# the client sent. Ryu's REST API (https://ryu.readthedocs.io/en/latest/app/ofctl_rest.html and ryu/app/wsgi.py):
# a ControllerBase subclass's actions are called `action(self, req, **kwargs)` with the same webob.Request,
# whether wired with `@route(...)` or with `mapper.connect(..., controller=..., action=...)`. Issue 15, held out 5.
import json
import os

from webob import Response
from webob.dec import wsgify
from ryu.app.wsgi import ControllerBase, route


@wsgify
def hello(req):
    # ruleid: py.cmdi.subprocess-shell
    os.system("say " + req.params["text"])
    # ok: py.cmdi.subprocess-shell
    os.system("say hello")
    return Response("ok")


class FirewallController(ControllerBase):
    def __init__(self, req, link, data, **config):
        super().__init__(req, link, data, **config)

    def set_rule(self, req, switchid, **_kwargs):
        # ruleid: py.code-injection.eval
        rule = eval(req.body)
        # ok: py.code-injection.eval
        parsed = json.loads(req.body)
        # WebOb answers text/html when no content type is given: the client's JSON is echoed into a page.
        # ruleid: py.xss.html-response
        return Response(body=str(rule) + str(parsed))

    @route("firewall", "/firewall/log/{switchid}", methods=["PUT"])
    def set_log(self, req, switchid, **_kwargs):
        # ruleid: py.cmdi.subprocess-shell
        os.system("logger " + req.json["level"])
        return Response(status=200)

    def _helper(self, rules):
        # ok: py.code-injection.eval
        return eval("len(rules)")
