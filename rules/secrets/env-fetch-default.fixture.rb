# ENV.fetch with a block gives its literal when the variable is unset: the default ships with the code.
# ruleid: secrets.generic.token-assignment
PagerDuty = Pager.new(api_token: ENV.fetch("PAGERDUTY_TOKEN") { "u7s2tkArOE1x33HcbxRW" })
# ruleid: secrets.generic.password-assignment
smtp_password = ENV.fetch("SMTP_PASSWORD") { "Wq4!vLm9Rt2Kx" }
# ok: secrets.generic.password-assignment
smtp_password = ENV.fetch("SMTP_PASSWORD") { raise "SMTP_PASSWORD is not set" }
# ok: secrets.generic.token-assignment
api_token = ENV.fetch("API_TOKEN") { "" }
# The call on the line after the `=`, as a long setting wraps.
config.session_secret =
  ENV.fetch("SESSION_SECRET") { "c4Vb8Nm2Qx7Lz5Rk9Tw3Hj6Pd1Sf0Ga" } # ruleid: secrets.generic.secret-assignment
config.session_secret =
  ENV.fetch("SESSION_SECRET") { raise KeyError, "SESSION_SECRET is not set" } # ok: secrets.generic.secret-assignment
