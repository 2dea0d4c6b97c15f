# CherryPy: an exposed method's parameters are the request's query and form fields.
import html
import subprocess

import cherrypy


class Root:
    @cherrypy.expose
    def ping(self, host, count="1"):
        # ruleid: py.cmdi.subprocess-shell
        return subprocess.check_output("ping -c " + count + " " + host, shell=True)

    @cherrypy.expose
    def upload(self, name):
        # ruleid: py.path-traversal.open
        with open("/srv/uploads/" + name, "wb") as f:
            f.write(cherrypy.request.body.read())

    def _helper(self, host):
        # Not exposed: not reachable from a request.
        # ok: py.cmdi.subprocess-shell
        return subprocess.check_output("ping -c 1 " + host, shell=True)


class Pages:
    @cherrypy.expose
    def greet(self, name=""):
        # An exposed method's string is sent as text/html.
        # ruleid: py.xss.html-response
        return f"<h1>Hello {name}</h1>"

    @cherrypy.expose
    def greet_escaped(self, name=""):
        # ok: py.xss.html-response
        return f"<h1>Hello {html.escape(name)}</h1>"

    @cherrypy.expose
    @cherrypy.tools.json_out()
    def lookup(self, name=""):
        # ok: py.xss.html-response
        return {"name": name}
