# Tornado's uploaded files (self.request.files: the client's filename and body) are request input.
import io
import os
import tarfile

import tornado.web

THEMES = "/srv/themes"


class ThemeUploadHandler(tornado.web.RequestHandler):
    def post(self):
        upload = self.request.files["theme"][0]
        with tarfile.open(fileobj=io.BytesIO(upload["body"]), mode="r:*") as tar:
            # ruleid: py.path-traversal.open
            tar.extractall(THEMES)
        self.finish({"ok": True})


class AvatarHandler(tornado.web.RequestHandler):
    def post(self):
        avatar = self.request.files["avatar"][0]
        # ruleid: py.path-traversal.open
        with open(os.path.join("/srv/avatars", avatar["filename"]), "wb") as out:
            out.write(avatar["body"])
        self.finish({"ok": True})


class SafeAvatarHandler(tornado.web.RequestHandler):
    def post(self):
        avatar = self.request.files["avatar"][0]
        name = os.path.basename(avatar["filename"])
        # ok: py.path-traversal.open
        with open(os.path.join("/srv/avatars", name), "wb") as out:
            out.write(avatar["body"])
        self.finish({"ok": True})
