import os
import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.route("/login", methods=["POST"])
def login():
    user = request.form["user"]
    # ruleid: py.log-injection.logging
    logger.info("login attempt for " + user)
    # ruleid: py.log-injection.logging
    logging.warning(f"failed login for {user}")
    # Arguments are formatted by logging itself, still unescaped.
    # ruleid: py.log-injection.logging
    logger.info("login attempt for %s", user)
    return "ok"


# ---- negatives ----
@app.route("/n1", methods=["POST"])
def n1():
    user = request.form["user"]
    # ok: py.log-injection.logging
    logger.info("login attempt for %r" % repr(user))
    # ok: py.log-injection.logging
    logger.info("login attempt for " + user.replace("\n", " ").replace("\r", " "))
    # ok: py.log-injection.logging
    logger.info("request received")
    # %r formats with repr(), which escapes line breaks.
    # ok: py.log-injection.logging
    logger.info("login attempt for %r", user)
    return "ok"


# ---- shared negatives: shadowed name, dead code, allow-list, not user input ----
ALLOWED_CHOICES = ("alpha", "beta")


def not_a_view():
    # A local object that happens to be called request.
    request = LocalRequest(args={"v": "fixed"})
    # ok: py.log-injection.logging
    logger.info("value " + request.args["v"])


@app.route("/shared-negatives")
def shared_negatives():
    if False:
        # ok: py.log-injection.logging
        logger.info("value " + request.args["v"])
    choice = request.args["v"]
    if choice in ALLOWED_CHOICES:
        # ok: py.log-injection.logging
        logger.info("value " + choice)
    # ok: py.log-injection.logging
    logger.info("value " + os.environ["APP_SETTING"])
    return "ok"
