# Rails: the key that signs sessions and cookies (issue 16).
Rails.application.configure do
  # ruleid: secrets.framework.session-secret
  config.secret_key_base = 'KroXkzjDFFx8KqeZu4ETwzsxzow8E5ktp8sekH2WZ5gXVR4XLTKiTWGkqKxYJdTU'
  # ok: secrets.framework.session-secret
  config.secret_key_base = ENV.fetch('SECRET_KEY_BASE')
end
