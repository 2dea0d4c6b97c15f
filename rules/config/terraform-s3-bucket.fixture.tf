# S3 bucket hygiene: AWS Security Hub S3.8 (block public access), S3.4 (server-side encryption) and S3.9
# (server access logging). Each check looks for the inline block or the companion resource in the same file.

# ruleid: config.tf.aws.s3-no-public-access-block, config.tf.aws.s3-no-encryption, config.tf.aws.s3-no-logging
resource "aws_s3_bucket" "bare" {
  bucket = "example-bare"
}

# ok: config.tf.aws.s3-no-public-access-block, config.tf.aws.s3-no-encryption, config.tf.aws.s3-no-logging
resource "aws_s3_bucket" "data" {
  bucket = "example-data"
}

resource "aws_s3_bucket_public_access_block" "data" {
  bucket                  = aws_s3_bucket.data.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.bucket
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = aws_s3_bucket.data.id
  target_bucket = "example-logs"
  target_prefix = "data/"
}

# ok: config.tf.aws.s3-no-encryption, config.tf.aws.s3-no-logging
# ruleid: config.tf.aws.s3-no-public-access-block
resource "aws_s3_bucket" "legacy" {
  bucket = "example-legacy"
  logging {
    target_bucket = "example-logs"
  }
  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        sse_algorithm = "AES256"
      }
    }
  }
}

# A companion that names the bucket by its literal name counts too.
# ok: config.tf.aws.s3-no-public-access-block, config.tf.aws.s3-no-logging
# ruleid: config.tf.aws.s3-no-encryption
resource "aws_s3_bucket" "named" {
  count  = 2
  bucket = "example-named"
}

resource "aws_s3_bucket_public_access_block" "named" {
  bucket                  = aws_s3_bucket.named[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_logging" "named" {
  bucket        = "example-named"
  target_bucket = "example-logs"
}
