# ruleid: config.tf.aws.rds-unencrypted
resource "aws_db_instance" "main" {
  engine   = "postgres"
  username = "app"
  # ruleid: secrets.generic.password-assignment
  password = "HBo+Jk1KJ^O8_t"
}

# ruleid: config.tf.aws.rds-unencrypted
resource "aws_db_instance" "replica" {
  # ok: secrets.generic.password-assignment
  password = var.db_password
}
