# Google Cloud and Azure: Terraform google and azurerm provider docs.
resource "google_compute_firewall" "ssh" {
  name    = "allow-ssh"
  network = google_compute_network.main.name
  allow {
    protocol = "tcp"
    ports    = ["22", "80"]
  }
  # ruleid: config.tf.gcp-azure.open-admin-port
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "web" {
  name    = "allow-web"
  network = google_compute_network.main.name
  allow {
    protocol = "tcp"
    ports    = ["80", "443"]
  }
  # ok: config.tf.gcp-azure.open-admin-port
  source_ranges = ["0.0.0.0/0"]
}

resource "google_compute_firewall" "iap" {
  name    = "allow-iap-ssh"
  network = google_compute_network.main.name
  allow {
    protocol = "tcp"
    ports    = ["22"]
  }
  # ok: config.tf.gcp-azure.open-admin-port
  source_ranges = ["35.235.240.0/20"]
}

resource "azurerm_network_security_rule" "rdp" {
  name                        = "rdp"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_range      = "3389"
  # ruleid: config.tf.gcp-azure.open-admin-port
  source_address_prefix       = "*"
  destination_address_prefix  = "*"
  resource_group_name         = azurerm_resource_group.main.name
  network_security_group_name = azurerm_network_security_group.main.name
}

resource "azurerm_network_security_group" "main" {
  name                = "main"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.main.name
  security_rule {
    name                       = "ssh-range"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "20-25"
    # ruleid: config.tf.gcp-azure.open-admin-port
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
  security_rule {
    name                       = "deny-ssh"
    priority                   = 120
    direction                  = "Inbound"
    access                     = "Deny"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    # ok: config.tf.gcp-azure.open-admin-port
    source_address_prefix      = "*"
    destination_address_prefix = "*"
  }
}

resource "google_storage_bucket_iam_member" "public" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  # ruleid: config.tf.gcp.bucket-public
  member = "allUsers"
}

resource "google_storage_bucket_iam_binding" "team" {
  bucket  = google_storage_bucket.site.name
  role    = "roles/storage.objectViewer"
  # ok: config.tf.gcp.bucket-public
  members = ["group:team@example.com"]
}

# ruleid: config.tf.gcp.sql-postgres-no-connection-logging
resource "google_sql_database_instance" "db" {
  name             = "main"
  database_version = "POSTGRES_15"
  settings {
    # ruleid: config.tf.gcp.sql-no-backups
    tier = "db-f1-micro"
    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "anyone"
        # ruleid: config.tf.gcp.sql-open-to-internet
        value = "0.0.0.0/0"
      }
      authorized_networks {
        name  = "office"
        # ok: config.tf.gcp.sql-open-to-internet
        value = "203.0.113.0/24"
      }
    }
  }
}

# ruleid: config.tf.azure.storage-no-infrastructure-encryption
resource "azurerm_storage_account" "public" {
  name                            = "examplepublic"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  # ruleid: config.tf.azure.storage-public-blobs
  allow_nested_items_to_be_public = false
}

# ruleid: config.tf.azure.storage-no-infrastructure-encryption
resource "azurerm_storage_account" "private" {
  name                            = "exampleprivate"
  resource_group_name             = azurerm_resource_group.main.name
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "LRS"
  # ok: config.tf.azure.storage-public-blobs
  allow_nested_items_to_be_public = false
}
