# A dict, list or tuple written as the log message is formatted with str(), which is its repr: strings come quoted,
# with CR and LF escaped, so a header cannot start a forged line (Lemur's request-header log). A string built from
# the input, or the input as a %s argument, still can.
import logging

from flask import Flask, request

app = Flask(__name__)
logger = logging.getLogger(__name__)


@app.before_request
def log_headers():
    # ok: py.log-injection.logging
    app.logger.info({"request-id": request.headers.get("X-Request-Id"), "path": request.path})
    fields = {"ip": request.headers.get("X-Real-Ip"), "method": request.method}
    # ok: py.log-injection.logging
    logger.info(fields)
    # ok: py.log-injection.logging
    logging.warning(["agent", request.headers.get("User-Agent")])
    # ok: py.log-injection.logging
    logger.log(logging.INFO, ("host", request.headers.get("Host")))


@app.route("/still")
def still():
    # ruleid: py.log-injection.logging
    app.logger.info("request id " + request.headers.get("X-Request-Id", ""))
    # ruleid: py.log-injection.logging
    logger.info("request id %s", request.headers.get("X-Request-Id"))
    # ruleid: py.log-injection.logging
    logger.info(str(request.headers.get("X-Request-Id")))
    return "ok"


@app.route("/mappings", methods=["POST"])
def mappings():
    # A whole form or query mapping as a %s argument is formatted with str(), its repr: CR and LF come escaped.
    # ok: py.log-injection.logging
    logger.warning("bad form: %s", request.form)
    # ok: py.log-injection.logging
    logger.info("query %s from %s", request.args, request.remote_addr)
    form_data = request.form
    # ok: py.log-injection.logging
    logger.info("form %s", form_data)
    # The parsed JSON body may be a bare string, and the headers print as header lines.
    # ruleid: py.log-injection.logging
    logger.info("body %s", request.get_json())
    # ruleid: py.log-injection.logging
    logger.info("headers %s", request.headers)
    # ruleid: py.log-injection.logging
    logger.info("name %s", request.form["name"])
    return "ok"
