# S3, RDS, EBS and CloudTrail: Terraform AWS provider docs and AWS Security Hub controls.
# ruleid: config.tf.aws.s3-no-encryption, config.tf.aws.s3-no-logging
resource "aws_s3_bucket" "site" {
  bucket = "example-site"
  # ruleid: config.tf.aws.s3-public-acl
  acl    = "private"
}

resource "aws_s3_bucket_acl" "logs" {
  bucket = aws_s3_bucket.site.id
  # ok: config.tf.aws.s3-public-acl
  acl    = "private"
}

resource "aws_s3_bucket_public_access_block" "site" {
  bucket                  = aws_s3_bucket.site.id
  # ruleid: config.tf.aws.s3-public-access-block-off
  block_public_acls       = true
  # ok: config.tf.aws.s3-public-access-block-off
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# ruleid: config.tf.aws.rds-unencrypted
resource "aws_db_instance" "main" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  # ruleid: config.tf.aws.rds-public
  publicly_accessible = false
}

resource "aws_db_instance" "encrypted" {
  engine              = "postgres"
  instance_class      = "db.t3.micro"
  # ok: config.tf.aws.rds-unencrypted
  storage_encrypted   = true
  # ok: config.tf.aws.rds-public
  publicly_accessible = false
}

resource "aws_rds_cluster" "aurora" {
  engine            = "aurora-postgresql"
  # ruleid: config.tf.aws.rds-unencrypted
  storage_encrypted = true
}

# Aurora Serverless v1 is always encrypted at rest.
# ok: config.tf.aws.rds-unencrypted
resource "aws_rds_cluster" "serverless" {
  engine      = "aurora-postgresql"
  engine_mode = "serverless"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 40
  # ruleid: config.tf.aws.ebs-unencrypted
  encrypted         = true
}

# ok: config.tf.aws.ebs-unencrypted
resource "aws_ebs_volume" "secure" {
  availability_zone = "eu-west-1a"
  size              = 40
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.site.id
  # ruleid: config.tf.aws.cloudtrail-logging-off
  enable_logging = true
  # ruleid: config.tf.aws.cloudtrail-log-validation
  enable_log_file_validation = true
}

# ok: config.tf.aws.cloudtrail-log-validation, config.tf.aws.cloudtrail-logging-off
resource "aws_cloudtrail" "audit" {
  name                       = "audit"
  s3_bucket_name             = aws_s3_bucket.site.id
  enable_log_file_validation = true
}
