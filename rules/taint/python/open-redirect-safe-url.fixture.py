# is_safe_url(target): Django's name for url_has_allowed_host_and_scheme before 3.0, and the helper Flask
# applications write after the Flask snippet of that name; where it holds, the target stays on this site.
from flask import Flask, redirect, request, url_for

from .utils import validators

app = Flask(__name__)


@app.route("/login", methods=["POST"])
def login():
    target = request.args.get("next")
    if target and validators.is_safe_url(target):
        # ok: py.open-redirect.redirect
        return redirect(target)
    if request.args.get("next") and is_safe_url(request.args.get("next")):
        # ok: py.open-redirect.redirect
        return redirect(request.args.get("next"))
    # ruleid: py.open-redirect.redirect
    return redirect(target)


@app.route("/after")
def after_check():
    # The check holds inside the branch only; after it, the value read again is unchecked.
    if is_safe_url(request.args.get("next")):
        app.logger.info("safe target")
    # ruleid: py.open-redirect.redirect
    return redirect(request.args.get("next"))
