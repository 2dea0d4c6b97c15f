# Debug modes that reach a server: Flask/Werkzeug's debugger (runs Python sent from the browser) and the
# traceback pages of FastAPI, Starlette and Tornado (https://flask.palletsprojects.com/en/stable/config/#DEBUG,
# https://werkzeug.palletsprojects.com/en/stable/debug/, https://www.starlette.io/applications/,
# https://www.tornadoweb.org/en/stable/guide/running.html#debug-mode-and-automatic-reloading).
import logging
import os

import tornado.web
from fastapi import FastAPI
from flask import Flask
from flask_socketio import SocketIO
from starlette.applications import Starlette
from werkzeug.debug import DebuggedApplication
from werkzeug.serving import run_simple

app = Flask(__name__)
socketio = SocketIO(app)
handlers = [(r"/", tornado.web.RequestHandler)]


def create_app():
    flask_app = Flask(__name__)
    return flask_app


def configure_debug(app):
    # ruleid: py.debug.flask-debug
    app.config["DEBUG"] = True
    # ruleid: py.debug.flask-debug
    app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], DEBUG=True)
    # ruleid: py.debug.flask-debug
    app.config.from_mapping(DEBUG=True, TESTING=False)


def serve_factory():
    # ruleid: py.debug.flask-debug
    create_app().run(host="0.0.0.0", port=8000, debug=True)


def serve_socketio():
    # Flask-SocketIO's run passes debug to Flask.
    # ruleid: py.debug.flask-debug
    socketio.run(app, host="0.0.0.0", debug=True)


def serve_werkzeug():
    # ruleid: py.debug.flask-debug
    run_simple("0.0.0.0", 8000, app, use_reloader=True, use_debugger=True)


def wrap_debugger():
    # evalex=True is the in-browser Python console.
    # ruleid: py.debug.flask-debug
    return DebuggedApplication(app, evalex=True)


# ruleid: py.debug.asgi-debug
api = FastAPI(title="orders", debug=True)

# ruleid: py.debug.asgi-debug
star = Starlette(debug=True, routes=[])


def make_tornado_app():
    # Tornado's debug=True turns on serve_traceback (and autoreload).
    # ruleid: py.debug.asgi-debug
    return tornado.web.Application(handlers, debug=True, cookie_secret=os.environ["COOKIE_SECRET"])


def make_tornado_traceback_app():
    # ruleid: py.debug.asgi-debug
    return tornado.web.Application(handlers, serve_traceback=True)


# ---- negatives ----
def configure_from_env(app):
    # ok: py.debug.flask-debug
    app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
    # ok: py.debug.flask-debug
    app.config.update(SECRET_KEY=os.environ["SECRET_KEY"], DEBUG=False)
    # Testing mode does not start the debugger.
    # ok: py.debug.flask-debug
    app.config["TESTING"] = True


def serve_prod():
    # ok: py.debug.flask-debug
    create_app().run(host="0.0.0.0", port=8000, debug=False)
    # ok: py.debug.flask-debug
    socketio.run(app, host="127.0.0.1", debug=os.environ.get("FLASK_DEBUG") == "1")


def serve_werkzeug_reloader_only():
    # The reloader restarts on code changes; it runs nothing sent by a browser.
    # ok: py.debug.flask-debug
    run_simple("127.0.0.1", 8000, app, use_reloader=True)


def wrap_debugger_tracebacks_only():
    # ok: py.debug.flask-debug
    return DebuggedApplication(app, evalex=False)


def verbose_logging():
    # Debug-level logging is not a debug mode.
    # ok: py.debug.flask-debug
    logging.basicConfig(level=logging.DEBUG)


def run_job(job):
    # A batch job's own debug flag, not an app server.
    # ok: py.debug.flask-debug
    job.run(debug=True)


# ok: py.debug.asgi-debug
api_prod = FastAPI(title="orders", debug=os.environ.get("API_DEBUG") == "1")

# ok: py.debug.asgi-debug
star_prod = Starlette(debug=False, routes=[])


def make_tornado_reload_only():
    # ok: py.debug.asgi-debug
    return tornado.web.Application(handlers, autoreload=True)
