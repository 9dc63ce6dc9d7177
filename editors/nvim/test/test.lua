-- Headless Neovim test: gloss starts as Neovim's language server for an article, publishes its
-- diagnostics, and shuts down cleanly. Run by run.sh; writes failures to stderr and exits non-zero.
local corpus = assert(os.getenv('GLOSS_TEST_CORPUS'), 'GLOSS_TEST_CORPUS is not set')
local gloss = assert(os.getenv('GLOSS_BIN'), 'GLOSS_BIN is not set')

local function fail(message)
  io.stderr:write('FAIL: ' .. message .. '\n')
  vim.cmd('cquit 1')
end

local published = {}
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  published[vim.uri_to_fname(result.uri)] = result.diagnostics
  return default_handler(err, result, ctx, config)
end

local exit_code
vim.opt.runtimepath:prepend(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h:h'))
require('gloss').setup({
  cmd = { gloss, 'lsp' },
  on_exit = function(code) exit_code = code end,
})

-- A seed with a date header: diagnostics are published, and there are none.
local seed = corpus .. '/000_c54ae61236a0d654.txt'
vim.cmd('edit ' .. seed)
if not vim.wait(10000, function() return published[seed] ~= nil end) then
  fail('no diagnostics published for ' .. seed)
end
if #published[seed] ~= 0 then
  fail('expected no diagnostics for the dated seed, got ' .. vim.inspect(published[seed]))
end

-- An article with no date at all: one information diagnostic saying what to add.
local undated = corpus .. '/undated.txt'
vim.cmd('edit ' .. undated)
local buf = vim.api.nvim_get_current_buf()
if not vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end) then
  fail('no diagnostics for ' .. undated)
end
local diagnostic = vim.diagnostic.get(buf)[1]
if diagnostic.severity ~= vim.diagnostic.severity.INFO or not diagnostic.message:find('date YYYY%-MM%-DD') then
  fail('unexpected diagnostic ' .. vim.inspect(diagnostic))
end

-- An edit that fixes the problem clears it.
vim.api.nvim_buf_set_lines(buf, 0, 0, false, { ' date 2024-03-14' })
if not vim.wait(10000, function() return #vim.diagnostic.get(buf) == 0 end) then
  fail('the diagnostic did not clear after adding a date: ' .. vim.inspect(vim.diagnostic.get(buf)))
end

local clients = vim.lsp.get_clients and vim.lsp.get_clients({ name = 'gloss' }) or vim.lsp.get_active_clients({ name = 'gloss' })
if #clients ~= 1 then
  fail('expected one gloss client, got ' .. #clients)
end
clients[1].stop()
if not vim.wait(10000, function() return exit_code ~= nil end) then
  fail('the server did not exit after shutdown')
end
if exit_code ~= 0 then
  fail('the server exited with ' .. tostring(exit_code))
end
print('ok: diagnostics published, updated on edit, clean shutdown')
vim.cmd('qall!')
