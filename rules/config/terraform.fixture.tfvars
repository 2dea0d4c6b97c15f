# Terraform variable values (*.tfvars): hard-coded credentials. All values below are fake.
region = "eu-west-1"
# ok: config.tfvars.secret
db_username = "app"
# ruleid: config.tfvars.secret, secrets.generic.password-assignment
db_password = "Sup3r-fake-pass-0001"
# ruleid: config.tfvars.secret
api_token = "fake0token0value0abcdef123456"
# ok: config.tfvars.secret
vault_token_path = "/run/secrets/token"
# ok: config.tfvars.secret
admin_password = ""
database = {
  name = "app"
  # ruleid: config.tfvars.secret, secrets.generic.password-assignment
  password = "another-fake-pass-22"
}
# ok: config.tfvars.secret
client_secret = null
# ok: config.tfvars.secret
vpn_shared_key = "<your-shared-key>"
# ok: config.tfvars.secret
github_token = "changeme"

