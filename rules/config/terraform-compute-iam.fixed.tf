# EC2 metadata options, IAM policies and provider credentials: Terraform AWS provider docs.
provider "aws" {
  region     = "eu-west-1"
  # ruleid: config.tf.aws.provider-credentials
  access_key = "AKIAFAKEFAKEFAKE1234"
  # ok: config.tf.aws.provider-credentials
  secret_key = var.aws_secret_key
}

# ruleid: config.tf.aws.imdsv1
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  metadata_options {
    # ruleid: config.tf.aws.imdsv1
    http_tokens = "required"
  }
}

# ok: config.tf.aws.imdsv1
resource "aws_launch_template" "workers" {
  name_prefix = "workers"
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        # ruleid: config.tf.aws.iam-wildcard-policy
        Action   = "*"
        Resource = "*"
      },
      {
        Effect   = "Allow"
        # ok: config.tf.aws.iam-wildcard-policy
        Action   = ["s3:GetObject"]
        Resource = "*"
      },
    ]
  })
}

data "aws_iam_policy_document" "admin" {
  statement {
    # ruleid: config.tf.aws.iam-wildcard-policy-document
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    effect    = "Deny"
    # ok: config.tf.aws.iam-wildcard-policy-document
    actions   = ["*"]
    resources = ["*"]
  }
}
