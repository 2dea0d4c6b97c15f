# A Consul agent's configuration: the gossip encryption key is its `encrypt` setting.
datacenter = "eu-west-1"
data_dir   = "/opt/consul"

# ruleid: secrets.hashicorp.consul-gossip-key
encrypt = "B7haB7El+YY84qu5rpPlRz0rASuXZd9+n8VuQ8qZOls="

# ok: secrets.hashicorp.consul-gossip-key
encrypt_verify_incoming = true

tls {
  defaults {
    # ok: secrets.hashicorp.consul-gossip-key
    ca_file = "/etc/consul.d/tls/consul-agent-ca.pem"
  }
}
