-- Neovim as a second real LSP client for dist/server.js (stdio).
-- Works on Neovim 0.7.2 (Debian 12): uses vim.lsp.start_client, since vim.lsp.start is nil there.
-- Usage: nvim --headless --clean -n -i NONE -c 'luafile lsp_e2e.lua' <strategy.py>
-- Env: LSP_SERVER (path to dist/server.js), NODE (node binary), E2E_TIMEOUT_MS.
-- Prints one line per check and PASS/FAIL; exits 0 only on PASS.
local server = os.getenv('LSP_SERVER') or 'dist/server.js'
local node = os.getenv('NODE') or 'node'
local timeout = tonumber(os.getenv('E2E_TIMEOUT_MS') or '') or 15000
local file = vim.fn.argv(0)
local function out(s) io.stdout:write(s .. '\n') end
local function finish(code) vim.cmd((code == 0) and 'qa!' or ('cq ' .. code)) end
local client_id

local function fail(code, msg)
  out('FAIL: ' .. msg)
  if client_id then pcall(vim.lsp.stop_client, client_id, true) end
  finish(code)
end

local main_ok, main_err = pcall(function()
  if file == '' then return fail(2, 'no file given') end
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'python'
  local root = vim.fn.fnamemodify(file, ':p:h:h:h') -- <workspace>/user_data/strategies/x.py -> <workspace>

  client_id = vim.lsp.start_client({
    name = 'strategy-lint',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'e2e' } },
  })
  if not client_id then return fail(2, 'start_client returned nil') end
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function ours()
    local found = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      if d.source == 'strategy-lint' then table.insert(found, d) end
    end
    return found
  end
  local got = vim.wait(timeout, function() return #ours() > 0 end, 50)
  if not got then return fail(3, 'no strategy-lint diagnostics within ' .. timeout .. ' ms') end

  local diag
  for _, d in ipairs(ours()) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    out(string.format('DIAG %d:%d-%d:%d %s [%s %s]', d.lnum, d.col, d.end_lnum or d.lnum, d.end_col or d.col,
      d.message, d.source or '', tostring(code)))
    if d.message:find('too-many-parameters', 1, true) then diag = diag or d end
  end
  if not diag then return fail(4, 'no too-many-parameters diagnostic') end
  if not diag.message:find('tunes', 1, true) then return fail(4, 'diagnostic message lacks "tunes": ' .. diag.message) end
  out('ok diagnostic: too-many-parameters, message contains "tunes", source strategy-lint')

  -- Hover in the middle of the diagnostic's range (same line in this strategy: the class name).
  local line, col = diag.lnum, diag.col
  if (diag.end_lnum or line) == line and (diag.end_col or col) > col then col = math.floor((diag.col + diag.end_col) / 2) end
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = line, character = col } }
  local results, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, timeout)
  if not results then return fail(5, 'hover request failed: ' .. tostring(err)) end
  local hover
  for _, r in pairs(results) do
    if r.error then return fail(5, 'hover error: ' .. vim.inspect(r.error)) end
    if r.result and r.result.contents then
      local c = r.result.contents
      hover = type(c) == 'string' and c or (c.value or vim.inspect(c))
    end
  end
  if not hover then return fail(5, string.format('no hover at %d:%d', line, col)) end
  out(string.format('HOVER %d:%d %s', line, col, (hover:gsub('\n.*', ' ...'))))
  if not hover:find('**too-many-parameters** (SL101)', 1, true) then return fail(6, 'hover lacks "**too-many-parameters** (SL101)"') end
  if #hover > 4000 then return fail(6, 'hover longer than its 4000-character budget: ' .. #hover) end
  out('ok hover: the rule line "**too-many-parameters** (SL101)", ' .. #hover .. ' characters')

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.client_is_stopped(client_id) end, 50)
  out('PASS')
  finish(0)
end)
if not main_ok then fail(9, 'lua error: ' .. tostring(main_err)) end
