# Security groups: Terraform AWS provider docs for aws_security_group, aws_security_group_rule and
# aws_vpc_security_group_ingress_rule.
resource "aws_security_group" "bastion" {
  name = "bastion"
  ingress {
    from_port = 22
    to_port   = 22
    protocol  = "tcp"
    # ruleid: config.tf.aws.sg-open-admin-port
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port = 443
    to_port   = 443
    protocol  = "tcp"
    # ok: config.tf.aws.sg-open-admin-port, config.tf.aws.sg-open-all-ports
    cidr_blocks = ["0.0.0.0/0"]
  }
  ingress {
    from_port = 3389
    to_port   = 3389
    protocol  = "tcp"
    # ok: config.tf.aws.sg-open-admin-port
    cidr_blocks = ["10.0.0.0/8", var.office_cidr]
  }
}

resource "aws_security_group" "wide" {
  ingress {
    from_port        = 0
    to_port          = 0
    protocol         = "-1"
    # ruleid: config.tf.aws.sg-open-all-ports
    ipv6_cidr_blocks = ["::/0"]
  }
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  from_port         = 3000
  to_port           = 4000
  protocol          = "tcp"
  # ruleid: config.tf.aws.sg-open-admin-port
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.wide.id
}

resource "aws_security_group_rule" "egress" {
  type              = "egress"
  from_port         = 0
  to_port           = 0
  protocol          = "-1"
  # ok: config.tf.aws.sg-open-all-ports
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.wide.id
}

resource "aws_vpc_security_group_ingress_rule" "ssh" {
  security_group_id = aws_security_group.wide.id
  # ruleid: config.tf.aws.sg-open-admin-port
  cidr_ipv4         = "0.0.0.0/0"
  from_port         = 22
  ip_protocol       = "tcp"
  to_port           = 22
}
