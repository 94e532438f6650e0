-- A headless Neovim session against the installed mesh-config-language-server, run by neovim.test.ts.
-- It uses only the LSP client API Debian 12's Neovim (0.7) already has (vim.lsp.start_client); the README's
-- vim.lsp.config snippet needs 0.11 but starts the same command with the same settings.
-- Everything it sees goes into a JSON report; the test asserts on that report.
local server = os.getenv('MESH_SERVER')
local file = os.getenv('MESH_FILE')
local report_path = os.getenv('MESH_REPORT')
local report = { errors = {} }

local function finish()
  local out = io.open(report_path, 'w')
  out:write(vim.fn.json_encode(report))
  out:close()
  vim.cmd('qall!')
end

local function fail(message)
  table.insert(report.errors, message)
  finish()
end

-- Waits are nets against a hang (the report then says what never came); nothing asserts on time.
local WAIT_MS = 60000

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'yaml'

local client_id = vim.lsp.start_client({
  name = 'mesh-config',
  cmd = { server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
  settings = { meshConfig = { targetVersion = 'v2.6' } },
})
if not client_id then return fail('the client did not start') end
vim.lsp.buf_attach_client(buf, client_id)

-- 1. A diagnostic, as Neovim stores it.
local function mixer_diagnostic()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == 'smcp-mixer-policy-removed' then return d end
  end
end
if not vim.wait(WAIT_MS, function() return mixer_diagnostic() ~= nil end, 50) then
  return fail('no smcp-mixer-policy-removed diagnostic')
end
local d = mixer_diagnostic()
report.diagnostic = { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, source = d.source }

-- 2. A completion: the keys of spec.tracing where a new key starts (line 12, "    " is the indentation).
vim.api.nvim_buf_set_lines(buf, 11, 11, false, { '    ' })
local responses = vim.lsp.buf_request_sync(buf, 'textDocument/completion', {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = 11, character = 4 },
}, WAIT_MS)
local labels = {}
for _, response in pairs(responses or {}) do
  local result = response.result or {}
  for _, item in ipairs(result.items or result) do table.insert(labels, item.label) end
end
table.sort(labels)
report.completion = labels
vim.api.nvim_buf_set_lines(buf, 11, 12, false, {})

-- 3. A quick fix, picked from the code-action menu the way a user does (vim.ui.select is the menu).
local titles = {}
vim.ui.select = function(items, opts, on_choice)
  for index, item in ipairs(items) do
    local title = opts.format_item and opts.format_item(item) or tostring(item)
    table.insert(titles, title)
    if title:find('Istiod', 1, true) then return on_choice(item, index) end
  end
  on_choice(nil, nil)
end
vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
vim.lsp.buf.code_action()
local fixed_line = d.lnum + 1
if not vim.wait(WAIT_MS, function()
  return vim.api.nvim_buf_get_lines(buf, d.lnum, fixed_line, false)[1]:find('Istiod', 1, true) ~= nil
end, 50) then
  report.titles = titles
  return fail('the quick fix did not change the buffer')
end
report.titles = titles
report.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
finish()
