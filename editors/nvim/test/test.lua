-- Headless Neovim test: gloss starts as Neovim's language server for the seeds, publishes
-- diagnostics and updates them on an edit, answers hover, definition across articles and
-- references, and shuts down cleanly. Run by run.sh; failures go to stderr with a non-zero exit.
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

-- Requests are answered from a partial index while indexing runs; the cross-article checks
-- below wait for it to end.
local indexed = false
local default_progress = vim.lsp.handlers['$/progress']
vim.lsp.handlers['$/progress'] = function(err, result, ctx, config)
  if result and result.value and result.value.kind == 'end' then
    indexed = true
  end
  if default_progress then
    return default_progress(err, result, ctx, config)
  end
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

local get_clients = vim.lsp.get_clients or vim.lsp.get_active_clients
local clients = get_clients({ name = 'gloss' })
if #clients ~= 1 then
  fail('expected one gloss client, got ' .. #clients)
end
local client = clients[1]

-- Opens a seed, puts the cursor on the `nth` occurrence of `needle` and returns the request
-- parameters for that position.
local function cursor_on(prefix, needle, nth)
  local file = vim.fn.glob(corpus .. '/' .. prefix .. '*.txt')
  vim.cmd('edit ' .. file)
  local bufnr = vim.api.nvim_get_current_buf()
  if not vim.wait(10000, function() return vim.lsp.buf_is_attached(bufnr, client.id) end) then
    fail('gloss did not attach to ' .. file)
  end
  local seen = 0
  for row, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local from = 1
    while true do
      local s = line:find(needle, from, true)
      if not s then break end
      seen = seen + 1
      if seen == nth then
        vim.api.nvim_win_set_cursor(0, { row, s - 1 })
        return bufnr, vim.lsp.util.make_position_params(0, client.offset_encoding)
      end
      from = s + 1
    end
  end
  fail(needle .. ' not found in ' .. file)
end

local function request(bufnr, method, params)
  local responses = vim.lsp.buf_request_sync(bufnr, method, params, 10000) or {}
  for _, response in pairs(responses) do
    if response.error then
      fail(method .. ' failed: ' .. vim.inspect(response.error))
    end
    return response.result
  end
  fail(method .. ' got no answer')
end

if not vim.wait(10000, function() return indexed end) then
  fail('indexing did not end')
end

-- Hover on a person lists the other articles that mention him.
local bufnr, params = cursor_on('003', 'Putin', 2)
local hover = request(bufnr, 'textDocument/hover', params)
local markdown = hover and hover.contents and hover.contents.value or ''
if not (markdown:find('Vladimir Putin', 1, true) and markdown:find('001_', 1, true)) then
  fail('hover on Putin: ' .. vim.inspect(hover))
end

-- Definition of a mention in one article lands on the full name with its title in another.
bufnr, params = cursor_on('004', 'Mezentsev', 1)
local definition = request(bufnr, 'textDocument/definition', params)
local target = definition and (definition.uri or (definition[1] and definition[1].uri)) or ''
if not target:find('001_', 1, true) then
  fail('definition of Mezentsev: ' .. vim.inspect(definition))
end

-- References of a country span all five seeds.
bufnr, params = cursor_on('000', 'Belarus', 1)
params.context = { includeDeclaration = true }
local files = {}
for _, location in ipairs(request(bufnr, 'textDocument/references', params) or {}) do
  files[location.uri:match('/(%d%d%d)_[^/]*$')] = true
end
for _, seed in ipairs({ '000', '001', '002', '003', '004' }) do
  if not files[seed] then
    fail('references of Belarus miss seed ' .. seed .. ': ' .. vim.inspect(files))
  end
end

client.stop()
if not vim.wait(10000, function() return exit_code ~= nil end) then
  fail('the server did not exit after shutdown')
end
if exit_code ~= 0 then
  fail('the server exited with ' .. tostring(exit_code))
end
print('ok: diagnostics, edits, hover, definition across articles, references, clean shutdown')
vim.cmd('qall!')
