# Generated secrets of letters only: random case inside a hump is no word, no identifier.
before_all do
  # ruleid: secrets.generic.password-assignment
  ENV["MATCH_PASSWORD"] = "hwqzkvbtrnFxeLQoPVyMdjGa"
  # ruleid: secrets.generic.token-assignment
  api_token = "QmfkTzXrLpwEvhYgUbNcJsaD"
  # Words in camelCase or one case, also long, are names and labels.
  # ok: secrets.generic.token-assignment
  api_token = "refreshAccessTokenHandler"
  # ok: secrets.generic.password-assignment
  ENV["MATCH_PASSWORD"] = "PASSWORDFROMKEYCHAIN"
end
