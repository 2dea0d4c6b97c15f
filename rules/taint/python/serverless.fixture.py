# Serverless entry points, recognised by their shape: AWS Lambda handlers (a module-level function taking
# (event, context)) and Google Cloud Functions (functions_framework.http).
import json
import os
import subprocess
import uuid

import boto3
from urllib.parse import unquote_plus

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


s3 = boto3.client("s3")


# Event-source records: an S3 object key (the uploader chose it), an SQS message body, an EventBridge detail.
def _records(event):
    for rec in event.get("Records", []):
        yield rec["s3"]["bucket"]["name"], unquote_plus(rec["s3"]["object"]["key"])


def convert_uploads(event, context):
    for bucket, key in _records(event):
        local = os.path.join("/tmp/uploads", key)
        # ruleid: py.path-traversal.open
        s3.download_file(bucket, key, local)
        # ok: py.path-traversal.open
        s3.download_file(bucket, key, os.path.join("/tmp/uploads", uuid.uuid4().hex))
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run(f"soffice --convert-to pdf '/tmp/{key}'", shell=True, check=True)
        # ok: py.cmdi.subprocess-shell
        subprocess.run(["soffice", "--convert-to", "pdf", "/tmp/" + key], check=True)


def on_message(event, context):
    for record in event["Records"]:
        job = json.loads(record["body"])
        # ruleid: py.cmdi.subprocess-shell
        os.system("convert " + job["input"] + " /tmp/out.png")


def on_event(event, context):
    # ruleid: py.cmdi.subprocess-shell
    os.system("ping -c 1 " + event["detail"]["host"])
