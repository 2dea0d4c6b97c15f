# DynamoDB PartiQL statements (boto3): values belong in Parameters, not in the statement's text.
import boto3

ddb = boto3.client("dynamodb")
s3 = boto3.client("s3")


def owner_docs(event, context):
    owner = event["queryStringParameters"]["owner"]
    # ruleid: py.sqli.string-query
    ddb.execute_statement(Statement=f"SELECT * FROM \"Documents\" WHERE owner = '{owner}'")
    # ok: py.sqli.string-query
    ddb.execute_statement(Statement="SELECT * FROM \"Documents\" WHERE owner = ?", Parameters=[{"S": owner}])
    return {"statusCode": 200}


def upload(event, context):
    key = event["queryStringParameters"]["key"]
    # ruleid: py.path-traversal.open
    s3.upload_file("/tmp/" + key, "bucket", f"uploads/{key}")
    # ok: py.path-traversal.open
    s3.upload_file("/tmp/report.pdf", "bucket", f"uploads/{key}")
    return {"statusCode": 200}
