-- gloss for Neovim: starts the gloss language server for articles (plain text and Markdown) in a
-- folder that has a gloss.toml or entities.toml (or, failing that, a .git folder).
--
--   require('gloss').setup({ cmd = { 'gloss', 'lsp' } })
local M = {}

local defaults = {
  cmd = { 'gloss', 'lsp' },
  filetypes = { 'text', 'markdown' },
  root_markers = { 'gloss.toml', 'entities.toml', '.git' },
}

local function root_dir(path, markers)
  local found = vim.fs.find(markers, { path = vim.fs.dirname(path), upward = true })[1]
  return found and vim.fs.dirname(found) or nil
end

function M.setup(opts)
  local config = vim.tbl_deep_extend('force', defaults, opts or {})
  vim.api.nvim_create_autocmd('FileType', {
    pattern = config.filetypes,
    group = vim.api.nvim_create_augroup('gloss', { clear = true }),
    callback = function(args)
      local root = root_dir(vim.api.nvim_buf_get_name(args.buf), config.root_markers)
      if not root then
        return
      end
      vim.lsp.start({
        name = 'gloss',
        cmd = config.cmd,
        root_dir = root,
        on_exit = config.on_exit,
      }, { bufnr = args.buf })
    end,
  })
end

return M
