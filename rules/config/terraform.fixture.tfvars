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

# The nil UUID is a value not set yet.
# ok: config.tfvars.secret
scaleway_secret_key = "00000000-0000-0000-0000-000000000000"
# An access key's id half (its secret is another variable; the secrets pack reports the id itself).
# ok: config.tfvars.secret
# ruleid: secrets.scaleway.access-key
scaleway_access_key = "SCWK4XN8QZ2VB7RT1MWE"
# ruleid: config.tfvars.secret, secrets.generic.secret-assignment
scaleway_secret_key = "6a3f9c1e-2b7d-4e8a-9f0c-5d1b3a7e9c2f"
