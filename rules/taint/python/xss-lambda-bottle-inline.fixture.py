# HTML bodies of a Lambda proxy result and of a Bottle template written in place.
import html

import bottle
from bottle import request, template

HTML = {"Content-Type": "text/html; charset=utf-8"}


def greet(event, context):
    name = (event.get("queryStringParameters") or {}).get("name", "friend")
    # ruleid: py.xss.html-response
    return {"statusCode": 200, "headers": {"Content-Type": "text/html"}, "body": f"<h1>Hi {name}</h1>"}


def greet_constant_headers(event, context):
    name = (event.get("queryStringParameters") or {}).get("name", "friend")
    # ruleid: py.xss.html-response
    return {"statusCode": 200, "headers": HTML, "body": "<h1>Hi " + name + "</h1>"}


def greet_escaped(event, context):
    name = (event.get("queryStringParameters") or {}).get("name", "friend")
    # ok: py.xss.html-response
    return {"statusCode": 200, "headers": {"Content-Type": "text/html"}, "body": f"<h1>Hi {html.escape(name)}</h1>"}


def greet_json(event, context):
    name = (event.get("queryStringParameters") or {}).get("name", "friend")
    # ok: py.xss.html-response
    return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": name}


app = bottle.Bottle()


@app.get("/notice")
def notice():
    # `{{!msg}}` prints the value unescaped.
    # ruleid: py.xss.html-response
    return template("<p class='notice'>{{!msg}}</p>", msg=request.query.msg)


@app.get("/notice-escaped")
def notice_escaped():
    # ok: py.xss.html-response
    return template("<p class='notice'>{{msg}}</p>", msg=request.query.msg)
