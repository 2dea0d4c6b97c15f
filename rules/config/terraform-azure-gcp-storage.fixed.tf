# Azure and Google Cloud storage encryption and logging: azurerm and google provider docs.

resource "azurerm_storage_account" "legacy_tls" {
  name                              = "examplelegacytls"
  resource_group_name               = azurerm_resource_group.main.name
  location                          = "westeurope"
  account_tier                      = "Standard"
  account_replication_type          = "LRS"
  # ruleid: config.tf.azure.storage-old-tls
  min_tls_version                   = "TLS1_2"
  # ruleid: config.tf.azure.storage-http-allowed
  https_traffic_only_enabled        = true
  # ok: config.tf.azure.storage-no-infrastructure-encryption
  infrastructure_encryption_enabled = true
}

# ruleid: config.tf.azure.storage-no-infrastructure-encryption
resource "azurerm_storage_account" "defaults" {
  name                     = "exampledefaults"
  resource_group_name      = azurerm_resource_group.main.name
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
}

resource "azurerm_storage_account" "hardened" {
  name                              = "examplehardened"
  resource_group_name               = azurerm_resource_group.main.name
  location                          = "westeurope"
  account_tier                      = "Standard"
  account_replication_type          = "GRS"
  # ok: config.tf.azure.storage-old-tls
  min_tls_version                   = "TLS1_2"
  # ok: config.tf.azure.storage-http-allowed
  https_traffic_only_enabled        = true
  # ok: config.tf.azure.storage-no-infrastructure-encryption
  infrastructure_encryption_enabled = true
}

resource "azurerm_storage_account" "old_provider" {
  name                      = "exampleoldprovider"
  resource_group_name       = azurerm_resource_group.main.name
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  # ruleid: config.tf.azure.storage-http-allowed
  enable_https_traffic_only = true
  # ruleid: config.tf.azure.storage-old-tls
  min_tls_version           = "TLS1_2"
  # ruleid: config.tf.azure.storage-no-infrastructure-encryption
  infrastructure_encryption_enabled = true
}

# Infrastructure encryption cannot be set on legacy general-purpose v1 accounts.
# ok: config.tf.azure.storage-no-infrastructure-encryption
resource "azurerm_storage_account" "v1" {
  name                     = "examplev1"
  resource_group_name      = azurerm_resource_group.main.name
  location                 = "westeurope"
  account_kind             = "Storage"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

# A module input: checked where the module is used.
# ok: config.tf.azure.storage-no-infrastructure-encryption
resource "azurerm_storage_account" "module" {
  name                              = var.name
  resource_group_name               = var.resource_group_name
  location                          = var.location
  account_tier                      = "Standard"
  account_replication_type          = "ZRS"
  infrastructure_encryption_enabled = var.infrastructure_encryption_enabled
}

resource "azurerm_managed_disk" "data" {
  name                 = "data"
  location             = "westeurope"
  resource_group_name  = azurerm_resource_group.main.name
  storage_account_type = "Premium_LRS"
  create_option        = "Empty"
  disk_size_gb         = 128
  encryption_settings {
    # ruleid: config.tf.azure.managed-disk-encryption-off
    enabled = true
  }
}

resource "azurerm_managed_disk" "encrypted" {
  name                   = "encrypted"
  location               = "westeurope"
  resource_group_name    = azurerm_resource_group.main.name
  storage_account_type   = "Premium_LRS"
  create_option          = "Empty"
  disk_size_gb           = 128
  disk_encryption_set_id = azurerm_disk_encryption_set.main.id
  encryption_settings {
    # ok: config.tf.azure.managed-disk-encryption-off
    enabled = true
  }
}

# ruleid: config.tf.azure.key-vault-no-diagnostics
resource "azurerm_key_vault" "unlogged" {
  name                = "unlogged-kv"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.main.name
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"
}

# ok: config.tf.azure.key-vault-no-diagnostics
resource "azurerm_key_vault" "audited" {
  name                = "audited-kv"
  location            = "westeurope"
  resource_group_name = azurerm_resource_group.main.name
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "standard"
}

resource "azurerm_monitor_diagnostic_setting" "audited" {
  name                       = "audit"
  target_resource_id         = azurerm_key_vault.audited.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.main.id
  enabled_log {
    category = "AuditEvent"
  }
}

# ruleid: config.tf.gcp.bucket-no-logging
resource "google_storage_bucket" "acl" {
  name     = "example-acl-bucket"
  location = "EU"
  # ruleid: config.tf.gcp.bucket-no-uniform-access
  uniform_bucket_level_access = true
}

# ruleid: config.tf.gcp.bucket-no-uniform-access
resource "google_storage_bucket" "defaults" {
  name     = "example-default-bucket"
  location = "EU"
  logging {
    log_bucket = google_storage_bucket.logs.name
  }
}

# ok: config.tf.gcp.bucket-no-logging
resource "google_storage_bucket" "uniform" {
  name                        = "example-uniform-bucket"
  location                    = "EU"
  public_access_prevention    = "enforced"
  # ok: config.tf.gcp.bucket-no-uniform-access
  uniform_bucket_level_access = true
  logging {
    log_bucket = google_storage_bucket.logs.name
  }
}

# The log sink itself: logging a log bucket to itself would loop, so it is reported for review.
# ruleid: config.tf.gcp.bucket-no-logging
resource "google_storage_bucket" "logs" {
  name                        = "example-log-bucket"
  location                    = "EU"
  # ok: config.tf.gcp.bucket-no-uniform-access
  uniform_bucket_level_access = true
}

# ruleid: config.tf.gcp.sql-postgres-no-connection-logging
resource "google_sql_database_instance" "pg" {
  name             = "pg-main"
  database_version = "POSTGRES_15"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      # ruleid: config.tf.gcp.sql-no-backups
      enabled = true
    }
    database_flags {
      name  = "log_disconnections"
      # ruleid: config.tf.gcp.sql-logging-flag-off
      value = "on"
    }
  }
}

# ok: config.tf.gcp.sql-postgres-no-connection-logging
resource "google_sql_database_instance" "pg_logged" {
  name             = "pg-logged"
  database_version = "POSTGRES_16"
  settings {
    tier = "db-custom-2-7680"
    backup_configuration {
      # ok: config.tf.gcp.sql-no-backups
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
    database_flags {
      name  = "log_connections"
      # ok: config.tf.gcp.sql-logging-flag-off
      value = "on"
    }
    database_flags {
      name  = "log_disconnections"
      # ok: config.tf.gcp.sql-logging-flag-off
      value = "on"
    }
  }
}

# No backup_configuration: reported inside `settings`, where it belongs.
resource "google_sql_database_instance" "mysql" {
  name             = "mysql-main"
  database_version = "MYSQL_8_0"
  settings {
    # ruleid: config.tf.gcp.sql-no-backups
    tier = "db-f1-micro"
  }
}

# Read replicas cannot have automated backups.
# ok: config.tf.gcp.sql-no-backups
resource "google_sql_database_instance" "mysql_replica" {
  name                 = "mysql-replica"
  database_version     = "MYSQL_8_0"
  master_instance_name = google_sql_database_instance.mysql.name
  settings {
    tier = "db-f1-micro"
  }
}
