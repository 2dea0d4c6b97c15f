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
    # todoruleid: py.log-injection.logging
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
    return "ok"
