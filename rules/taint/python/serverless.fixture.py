# Serverless entry points, recognised by their shape: AWS Lambda handlers (a module-level function taking
# (event, context)) and Google Cloud Functions (functions_framework.http).
import json
import os
import subprocess

import functions_framework


def lambda_handler(event, context):
    params = event["queryStringParameters"] or {}
    # ruleid: py.cmdi.subprocess-shell
    subprocess.run("ping -c 1 " + params["host"], shell=True)
    body = json.loads(event["body"])
    # ruleid: py.code-injection.eval
    eval(body["expr"])
    # ruleid: py.path-traversal.open
    open("/tmp/" + event.get("pathParameters", {})["name"])
    # ok: py.cmdi.subprocess-shell
    os.system("logger " + context.function_name)
    # The authorizer's claims are set by API Gateway, not by the caller.
    # ok: py.cmdi.subprocess-shell
    os.system("logger " + event["requestContext"]["authorizer"]["principalId"])
    return {"statusCode": 200}


def handler(event, context):
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + event["headers"]["x-name"])
    return {"statusCode": 200}


@functions_framework.http
def hello_http(request):
    name = request.args.get("name", "")
    # ruleid: py.cmdi.subprocess-shell
    os.system("echo " + name)
    # ruleid: py.xss.html-response
    return "<p>Hello " + name + "</p>"


# ---- negatives: the same shapes that are not entry points ----
class Processor:
    def handle(self, event, context):
        # ok: py.cmdi.subprocess-shell
        # ruleid: py.cmdi.library-input-shell
        os.system("echo " + event["body"])


def _private(event, context):
    # ok: py.cmdi.subprocess-shell
    os.system("echo " + event["body"])


def transform(record):
    # ok: py.cmdi.subprocess-shell
    # ruleid: py.cmdi.library-input-shell
    os.system("echo " + record["body"])
