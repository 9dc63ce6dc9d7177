-- gloss for Neovim: starts the gloss language server for articles (plain text and Markdown) in a
-- folder that has a gloss.toml or entities.toml (or, failing that, a .git folder). Works on
-- Neovim 0.7 (start_client) and on 0.8+ (vim.lsp.start).
--
--   require('gloss').setup({ cmd = { 'gloss', 'lsp' } })
local M = {}

local defaults = {
  cmd = { 'gloss', 'lsp' },
  filetypes = { 'text', 'markdown' },
  root_markers = { 'gloss.toml', 'entities.toml', '.git' },
}

-- The nearest folder, going up from `path`, that holds one of the markers.
local function root_dir(path, markers)
  local dir = vim.fn.fnamemodify(path, ':p:h')
  for _, marker in ipairs(markers) do
    local file = vim.fn.findfile(marker, dir .. ';')
    if file ~= '' then
      return vim.fn.fnamemodify(file, ':p:h')
    end
    local folder = vim.fn.finddir(marker, dir .. ';')
    if folder ~= '' then
      return vim.fn.fnamemodify(folder, ':p:h:h')
    end
  end
  return nil
end

-- Client ids by root, for Neovim 0.7, which has no vim.lsp.start to reuse clients.
local clients = {}

local function attach(bufnr, config, root)
  local client_config = {
    name = 'gloss',
    cmd = config.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    on_exit = function(...)
      clients[root] = nil
      if config.on_exit then
        config.on_exit(...)
      end
    end,
  }
  if vim.lsp.start then
    vim.lsp.start(client_config, { bufnr = bufnr })
    return
  end
  clients[root] = clients[root] or vim.lsp.start_client(client_config)
  vim.lsp.buf_attach_client(bufnr, clients[root])
end

function M.setup(opts)
  local config = vim.tbl_deep_extend('force', defaults, opts or {})
  vim.api.nvim_create_autocmd('FileType', {
    pattern = config.filetypes,
    group = vim.api.nvim_create_augroup('gloss', { clear = true }),
    callback = function(args)
      local root = root_dir(vim.api.nvim_buf_get_name(args.buf), config.root_markers)
      if root then
        attach(args.buf, config, root)
      end
    end,
  })
end

return M
