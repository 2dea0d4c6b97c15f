# Module-style Terraform (terraform-aws-modules): `dynamic` blocks, and settings passed in as variables. A
# value given by an expression is the caller's choice, not a misconfiguration of this file.

# ok: config.tf.aws.imdsv1
resource "aws_instance" "this" {
  ami           = var.ami
  instance_type = var.instance_type

  dynamic "metadata_options" {
    for_each = var.metadata_options != null ? [var.metadata_options] : []
    content {
      http_endpoint = metadata_options.value.http_endpoint
      http_tokens   = metadata_options.value.http_tokens
    }
  }
}

resource "aws_instance" "pinned" {
  ami           = var.ami
  instance_type = var.instance_type
  dynamic "metadata_options" {
    for_each = [1]
    content {
      # ruleid: config.tf.aws.imdsv1
      http_tokens = "optional"
    }
  }
}

resource "aws_db_instance" "this" {
  engine         = "postgres"
  instance_class = var.instance_class
  # ok: config.tf.aws.rds-unencrypted
  storage_encrypted = var.storage_encrypted
}

resource "aws_ebs_volume" "this" {
  availability_zone = var.az
  size              = 10
  # ok: config.tf.aws.ebs-unencrypted
  encrypted = var.encrypted
}

resource "aws_cloudtrail" "this" {
  name           = var.name
  s3_bucket_name = var.bucket
  # ok: config.tf.aws.cloudtrail-log-validation
  enable_log_file_validation = var.enable_log_file_validation
}

resource "aws_security_group" "ssh" {
  name = "ssh"
  dynamic "ingress" {
    for_each = var.ssh_enabled ? [1] : []
    content {
      from_port   = 22
      to_port     = 22
      protocol    = "tcp"
      # ruleid: config.tf.aws.sg-open-admin-port
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
