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

# A variable's default: the name on the block's first line, the value below it.
# ruleid: secrets.generic.terraform-variable-default
variable "db_password" {
  type        = string
  description = "Password of the app database user"
  sensitive   = true
  default     = "Kx7Lq2Zw9Vb4Nc8M"
}

# ruleid: secrets.generic.terraform-variable-default
variable "signing_secret" { default = "Vb4Nc8Mw3Hs6Jd1Pf5Ry0EaLt7Zx2Kq9" }

# ok: secrets.generic.terraform-variable-default
variable "api_token" {
  type      = string
  sensitive = true
}

# ok: secrets.generic.terraform-variable-default
variable "token_ttl" {
  default = "3600s-per-session"
}

# ok: secrets.generic.terraform-variable-default
variable "region" {
  default = "eu-west-1-Kx7Lq2Zw9"
}

# A provider key named on the block's line (PagerDuty's Events v2 routing key).
# ruleid: secrets.generic.terraform-variable-default
variable "pagerduty_routing_key" {
  type    = string
  default = "5e0c9a7b3d1f48e6a2c4b8d0f6e1a3c7"
}

# ok: secrets.generic.terraform-variable-default
variable "kms_master_key_id" { default = "alias/app-master-key-eu" }
