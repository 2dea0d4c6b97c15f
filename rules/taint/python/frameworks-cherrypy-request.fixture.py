# CherryPy's request object, its file responses and its redirect exception.
import json
import os

import cherrypy
import jsonpickle
from cherrypy.lib.static import serve_file

FILES = "/srv/files"


class Api:
    @cherrypy.expose
    @cherrypy.tools.json_out()
    def import_prefs(self):
        # ruleid: py.deserialization.pickle
        prefs = jsonpickle.decode(cherrypy.request.body.read().decode())
        return {"count": len(prefs)}

    @cherrypy.expose
    @cherrypy.tools.json_in()
    def run(self):
        # ruleid: py.cmdi.subprocess-shell
        os.system("report " + cherrypy.request.json["name"])

    @cherrypy.expose
    def prefs(self):
        # ok: py.deserialization.pickle
        return json.dumps(json.loads(cherrypy.request.body.read()))

    @cherrypy.expose
    def get(self, path):
        # ruleid: py.path-traversal.open
        return serve_file(os.path.join(FILES, path), disposition="attachment")

    @cherrypy.expose
    def get_safe(self, path):
        # ok: py.path-traversal.open
        return serve_file(os.path.join(FILES, os.path.basename(path)), disposition="attachment")

    @cherrypy.expose
    def login_done(self, next="/"):
        # ruleid: py.open-redirect.redirect
        raise cherrypy.HTTPRedirect(next)

    @cherrypy.expose
    def logout(self):
        # ok: py.open-redirect.redirect
        raise cherrypy.HTTPRedirect("/")
