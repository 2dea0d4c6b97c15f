-- Lua has no grammar here: a lexer finds its strings, long strings and comments, so a value in its code must be a
-- quoted literal, as in parsed languages (issue 16).
local M = {}
function M.setup(opts)
  -- Code, not literals: a length, a method reference.
  -- ok: secrets.generic.token-assignment
  local token = #AccessTokenList2024
  -- ok: secrets.generic.token-assignment
  local api_token = Settings.AccessToken2024:upper
  -- ruleid: secrets.generic.token-assignment
  local access_token = "IFLMB4w3aH2D9qluge5HJBeVQytL"
  -- A long string's lines hold values without quotes.
  local conf = [[
    -- ruleid: secrets.generic.secret-assignment
    client_secret = ViFL7waDhyxQ2Z9pRLWQyNGSYIkD
  ]]
  return access_token, conf
end
return M
