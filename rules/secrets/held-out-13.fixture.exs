import Config

config :realtime, RealtimeWeb.Endpoint,
  # ruleid: secrets.framework.session-secret
  secret_key_base: "/FtHRfPAKkALqCdjEygfWQeLRnGoEb15xfor8QizSQmtHA8tPJ2LidM9VD5b2fXB",
  # ok: secrets.framework.session-secret
  secret_key_base_path: "/etc/realtime/secret_key_base"

config :realtime, :legacy,
  # ok: secrets.framework.session-secret
  secret_key_base: "/var/lib/realtime/keybase"
