# Rails: the key that signs sessions and cookies (issue 16).
Rails.application.configure do
  # ruleid: secrets.framework.session-secret
  config.secret_key_base = 'KroXkzjDFFx8KqeZu4ETwzsxzow8E5ktp8sekH2WZ5gXVR4XLTKiTWGkqKxYJdTU'
  # ok: secrets.framework.session-secret
  config.secret_key_base = ENV.fetch('SECRET_KEY_BASE')
end

# Literal keys passed to token and MAC APIs.
def sign(payload, data)
  # ruleid: secrets.crypto.jwt-secret
  token = JWT.encode(payload, 'Tb7Kq2Wx9Lm4Vz8Nc3Hs6Jd1Pf5Ry0Ea', 'HS256')
  # ok: secrets.crypto.jwt-secret
  token = JWT.encode(payload, ENV.fetch('JWT_SECRET'), 'HS256')
  # ruleid: secrets.crypto.hmac-key
  mac = OpenSSL::HMAC.hexdigest('SHA256', 'Zq4Lw8Xk2Vb6Nc9Mh3Ts7Jd1Pf5Ry0Ga', data)
  # ok: secrets.crypto.hmac-key
  mac = OpenSSL::HMAC.hexdigest('SHA256', signing_key, data)
  [token, mac]
end

# A literal key set on a cipher.
cipher = OpenSSL::Cipher.new('aes-256-cbc').encrypt
# ruleid: secrets.crypto.cipher-key
cipher.key = 'Wv2Lq8Zx4Kc6Vb9Nm3Hs7Jd1Pt5Ry0Ea'
# ok: secrets.crypto.cipher-key
cipher.key = Base64.decode64(ENV.fetch('DATA_KEY'))
