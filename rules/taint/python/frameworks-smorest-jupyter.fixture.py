# flask-smorest: `@blp.arguments(Schema)` passes the parsed fields to the view. A Jupyter Server extension's
# handlers read the JSON body with get_json_body() (second class below).
import json
import subprocess

import requests
from flask.views import MethodView
from flask_smorest import Blueprint
from jupyter_server.base.handlers import APIHandler

from .schemas import FeedSchema, PageSchema

blp = Blueprint("feeds", __name__, url_prefix="/feeds")
TRUSTED = {"https://feeds.example.com/main.xml"}


@blp.route("/preview")
class FeedPreview(MethodView):
    @blp.arguments(FeedSchema, location="json")
    def post(self, args):
        # ruleid: py.ssrf.http-client
        return {"content": requests.get(args["url"], timeout=10).text}

    @blp.arguments(FeedSchema, location="query")
    def get(self, args):
        if args["url"] not in TRUSTED:
            return {"content": ""}
        # ok: py.ssrf.http-client
        return {"content": requests.get(args["url"], timeout=10).text}


@blp.route("/grep")
@blp.arguments(PageSchema, location="query")
def grep(args):
    # ruleid: py.cmdi.subprocess-shell
    return subprocess.run(f"grep -r {args['q']} /srv/feeds", shell=True, capture_output=True, text=True).stdout


class ConvertHandler(APIHandler):
    def post(self):
        body = self.get_json_body() or {}
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run(f"jupyter nbconvert --to html {body.get('notebook', '')}", shell=True, check=False)
        # ok: py.cmdi.subprocess-shell
        subprocess.run(["jupyter", "nbconvert", "--to", "html", "--", body.get("notebook", "")], check=False)
        self.finish(json.dumps({"status": "started"}))
