resource "aws_db_instance" "main" {
  engine   = "postgres"
  username = "app"
  # ruleid: secrets.generic.password-assignment
  password = "l^5JV#QmhOz0#j"
}

resource "aws_db_instance" "replica" {
  # ok: secrets.generic.password-assignment
  password = var.db_password
}
