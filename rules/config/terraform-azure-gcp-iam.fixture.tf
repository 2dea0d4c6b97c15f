# Azure and Google Cloud credentials and IAM: Terraform azurerm and google provider docs, Azure RBAC and Google IAM guidance.
provider "azurerm" {
  features {}
  client_id = "00000000-0000-0000-0000-000000000000"
  # ruleid: config.tf.azure.provider-credentials
  client_secret = "fake-client-secret-for-tests"
}

provider "azurerm" {
  alias    = "env"
  features {}
  # ok: config.tf.azure.provider-credentials
  client_secret = var.client_secret
}

provider "google" {
  project = "example-project"
  # ruleid: config.tf.gcp.provider-credentials
  credentials = "{\"type\": \"service_account\", \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nFAKE\\n-----END PRIVATE KEY-----\\n\"}"
}

provider "google" {
  alias = "file"
  # ok: config.tf.gcp.provider-credentials
  credentials = file("account.json")
}

resource "azurerm_role_definition" "admin" {
  name  = "everything"
  scope = data.azurerm_subscription.primary.id
  permissions {
    # ruleid: config.tf.azure.role-wildcard-actions
    actions     = ["*"]
    not_actions = []
  }
}

resource "azurerm_role_definition" "reader" {
  name  = "vm-reader"
  scope = data.azurerm_subscription.primary.id
  permissions {
    # ok: config.tf.azure.role-wildcard-actions
    actions = ["Microsoft.Compute/virtualMachines/read"]
  }
}

resource "google_project_iam_member" "owner" {
  project = "example-project"
  # ruleid: config.tf.gcp.project-primitive-role
  role   = "roles/owner"
  member = "user:admin@example.com"
}

resource "google_project_iam_binding" "viewers" {
  project = "example-project"
  # ok: config.tf.gcp.project-primitive-role
  role    = "roles/viewer"
  members = ["group:team@example.com"]
}
