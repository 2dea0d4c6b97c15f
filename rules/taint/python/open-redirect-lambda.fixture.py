import json
from urllib.parse import urlparse

ALLOWED_HOSTS = {"billing.example.net", "www.example.net"}


def go(event, context):
    params = event.get("queryStringParameters") or {}
    # ruleid: py.open-redirect.redirect
    return {"statusCode": 302, "headers": {"Location": params.get("next", "/")}, "body": ""}


def go_multiline(event, context):
    target = json.loads(event["body"])["returnTo"]
    return {
        "statusCode": 303,
        "headers": {
            "Cache-Control": "no-store",
            # ruleid: py.open-redirect.redirect
            "location": target,
        },
    }


def go_checked(event, context):
    params = event.get("queryStringParameters") or {}
    nxt = params.get("next", "/")
    if urlparse(nxt).netloc not in ALLOWED_HOSTS:
        nxt = "/"
    # ok: py.open-redirect.redirect
    return {"statusCode": 302, "headers": {"Location": nxt}, "body": ""}


def echo(event, context):
    params = event.get("queryStringParameters") or {}
    # ok: py.open-redirect.redirect
    return {"statusCode": 200, "headers": {"X-Next": params.get("next", "/")}, "body": ""}
