# Shapes of the false positives found by the eighth held-out study (docs/accuracy.md), with values of our own.
import Config

# Elixir's environment lookups and configuration reads, the value cut at its parenthesis.
config :shop,
  # ok: secrets.generic.secret-assignment
  webhook_secret: System.fetch_env!("SHOP_WEBHOOK_SECRET"),
  # ok: secrets.generic.api-key-assignment
  mailer_api_key: System.fetch_env!("SHOP_MAILER_API_KEY"),
  # ok: secrets.generic.secret-assignment
  signing_key: Application.fetch_env!(:shop, :signing_key)

defmodule Shop.Login do
  def create(conn, user, compromised?) do
    # A keyword argument whose value is a predicate variable.
    # ok: secrets.generic.password-assignment
    login(conn, user, password_compromised: compromised?)
  end
end

# An Elixir function capture.
# ok: secrets.generic.password-assignment
password = &Argon2.hash_pwd_salt/1

# A literal keeps being found.
# ruleid: secrets.generic.password-assignment
config :shop, admin_password: "Vq8#nL2w!Rk5zT9m"
# ruleid: secrets.generic.secret-assignment
config :shop, webhook_secret: "Hq3Zt8Lm2Wv7Xk1Nb6Rc9Pd4Sf0Gj5"
