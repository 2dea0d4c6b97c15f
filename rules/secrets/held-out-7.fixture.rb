# Shapes of the false positives found by the seventh held-out study (docs/accuracy.md), with values of our own.
if Shop::Config.rails.secret_key
  Rails.application.credentials.secret_key_base = Shop::Config.rails.secret_key
else
  # A random generator's call, run at boot: code, not a value.
  # ok: secrets.framework.session-secret
  Rails.application.credentials.secret_key_base = SecureRandom.hex(128)
end

def raise_no_secret_key
  # The text an error prints, with a freshly generated key interpolated into it.
  raise <<-ERROR
Shop.secret_key was not set. Add this to the initializer:
  # ok: secrets.framework.session-secret
  config.secret_key = '#{SecureRandom.hex(64)}'
ERROR
end

# ruleid: secrets.framework.session-secret
Rails.application.credentials.secret_key_base = "9f2c7e1a4b8d3f6e0a5c2b7d9e4f1a8c3b6d0e5f"
