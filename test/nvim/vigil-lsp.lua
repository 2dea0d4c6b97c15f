-- Minimal Neovim (0.7+) config for the Vigil e2e test: attach `node $VIGIL_SERVER --stdio` to JavaScript buffers,
-- wait for a Vigil diagnostic whose code matches $VIGIL_RULE_PATTERN, request code actions on it, apply the action whose title matches
-- $VIGIL_FIX_TITLE (a Lua pattern), save, wait for the re-analysis, write everything to $VIGIL_NVIM_OUT and quit.
vim.opt.swapfile = false
vim.opt.shadafile = 'NONE'
vim.cmd('filetype on')

local server = assert(os.getenv('VIGIL_SERVER'), 'VIGIL_SERVER not set')
local out_path = assert(os.getenv('VIGIL_NVIM_OUT'), 'VIGIL_NVIM_OUT not set')
local fix_title = os.getenv('VIGIL_FIX_TITLE') or 'parameteri[sz]ed query'
local rule_pattern = os.getenv('VIGIL_RULE_PATTERN') or 'sqli'
local timeout_ms = tonumber(os.getenv('VIGIL_NVIM_TIMEOUT_MS') or '30000')

local result = { log = {}, before = {}, after = {}, actions = {} }
local function log(msg) table.insert(result.log, msg) end

local function finish(err)
  result.error = err
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.schedule(function() vim.cmd('qa!') end)
end

local function vigil_diagnostics(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'vigil' then
      table.insert(found, {
        lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
        severity = d.severity, code = d.code, message = d.message, source = d.source,
      })
    end
  end
  return found
end

-- Calls probe every 100 ms until it returns true; gives up (and quits) at the global deadline.
local deadline = vim.loop.now() + timeout_ms
local function poll(what, probe, done)
  local timer = vim.loop.new_timer()
  timer:start(100, 100, vim.schedule_wrap(function()
    local ok, res = pcall(probe)
    if not ok then
      timer:stop(); timer:close(); finish(what .. ': ' .. tostring(res))
    elseif res then
      timer:stop(); timer:close(); done()
    elseif vim.loop.now() > deadline then
      timer:stop(); timer:close(); finish('timed out waiting for ' .. what)
    end
  end))
end

local function target(diags)
  for _, d in ipairs(diags) do
    if type(d.code) == 'string' and d.code:find(rule_pattern) then return d end
  end
end

local function apply_fix(buf, client)
  local d = target(result.before)
  result.target = d
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = { {
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      message = d.message, code = d.code, source = d.source, severity = d.severity,
    } } },
  }
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  if not responses then return finish('codeAction request failed: ' .. tostring(err)) end
  local chosen
  for _, resp in pairs(responses) do
    for _, action in ipairs(resp.result or {}) do
      table.insert(result.actions, { title = action.title, kind = action.kind, isPreferred = action.isPreferred })
      if not chosen and action.edit and action.title:lower():find(fix_title) then chosen = action end
    end
  end
  if not chosen then return finish('no code action with an edit whose title matches ' .. fix_title) end
  result.applied = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  vim.cmd('silent write')
  result.fixed_text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  -- The server re-analyses on didChange; wait until the fixed finding is no longer reported.
  poll('the fixed finding to disappear', function()
    for _, a in ipairs(vigil_diagnostics(buf)) do
      if a.code == d.code and a.lnum == d.lnum then return false end
    end
    return true
  end, function()
    result.after = vigil_diagnostics(buf)
    finish(nil)
  end)
end

vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'javascript', 'typescript', 'python' },
  callback = function(args)
    local id = vim.lsp.start_client({
      name = 'vigil',
      cmd = { 'node', server, '--stdio' },
      root_dir = vim.fn.getcwd(),
      on_exit = function(code) log('server exited with ' .. tostring(code)) end,
      -- Keep the server's log lines for the failure message.
      handlers = { ['window/logMessage'] = function(_, res) log('server: ' .. tostring(res and res.message)) end },
    })
    if not id then return finish('vim.lsp.start_client failed') end
    vim.lsp.buf_attach_client(args.buf, id)
    log('attached client ' .. id .. ' to ' .. vim.api.nvim_buf_get_name(args.buf))
    poll('a vigil diagnostic whose code matches ' .. rule_pattern, function() return target(vigil_diagnostics(args.buf)) ~= nil end, function()
      result.before = vigil_diagnostics(args.buf)
      apply_fix(args.buf, vim.lsp.get_client_by_id(id))
    end)
  end,
})
