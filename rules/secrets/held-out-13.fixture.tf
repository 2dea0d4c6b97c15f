provider "mongodbatlas" {
  public_key  = "qkzwhbte"
  # ruleid: secrets.mongodb.atlas-private-key
  private_key = "0348f8e6-972a-4a58-8de2-4bc0f96070e7"
}

provider "aws" {
  region = "eu-west-1"
  # ok: secrets.mongodb.atlas-private-key
  private_key = "0348f8e6-972a-4a58-8de2-4bc0f96070e7"
}

resource "aws_ssm_parameter" "tracker_device_key" {
  name  = "/tracker/prod/device_key"
  type  = "SecureString"
  # ruleid: secrets.aws.ssm-secure-string-literal
  value = "YPfUSI5rVFNcwl2CLeIx68Yh1JJaSaV9o7yieyoC9UGw"
}

resource "aws_ssm_parameter" "tracker_region" {
  name  = "/tracker/prod/region"
  type  = "String"
  # ok: secrets.aws.ssm-secure-string-literal
  value = "eu-west-1-tracker-primary"
}

resource "aws_ssm_parameter" "tracker_db_password" {
  name  = "/tracker/prod/db_password"
  type  = "SecureString"
  # ok: secrets.aws.ssm-secure-string-literal
  value = var.tracker_db_password
}

resource "aws_ssm_parameter" "tracker_webhook" {
  name  = "/tracker/prod/webhook"
  type  = "SecureString"
  # ok: secrets.aws.ssm-secure-string-literal
  value = "${random_password.webhook.result}"
}
