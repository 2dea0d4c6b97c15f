# A service account's Cloud Storage HMAC key in an S3-compatible client (issue 16). Values are our own fakes.
import boto3

s3 = boto3.client(
    "s3",
    endpoint_url="https://storage.googleapis.com",
    # ruleid: secrets.gcp.hmac-access-id
    aws_access_key_id="GOOG18IEMSGNV4RKH0SSIJ8PE8HYTKDIGBYCH6RB5MRNHRUBIUFFQ8NS78KDQ",
    # ruleid: secrets.aws.secret-access-key
    aws_secret_access_key="39NIaUbBNPbrQNA7eA1wcOxHbgltxmJ/phuDog27",
)
