-- Context shapes (issue 16): table literals and index assignments.
local config = {
  -- ruleid: secrets.generic.api-key-assignment
  api_key = "g8QysD4FIS0Xzm41PB2qs353f2",
  -- ok: secrets.generic.api-key-assignment
  api_key = os.getenv("API_KEY"),
}
-- ruleid: secrets.generic.token-assignment
settings["auth_token"] = "Huu6mXrxWUREVXXPHzGIz3qyV4"
-- ok: secrets.generic.token-assignment
settings["auth_token"] = os.getenv("AUTH_TOKEN")
-- ruleid: secrets.generic.secret-assignment
ngx.shared.conf:set("client_secret", "J1TQt7frRgjix7YSdn60LNJMRL")
-- ok: secrets.generic.secret-assignment
ngx.shared.conf:set("client_secret", os.getenv("CLIENT_SECRET"))
