-- neovim_client.lua: Neovim's built-in LSP client against `viewleak server` (run by test_neovim.py).
--
-- Opens $VL_FILE, starts the server for it (vim.lsp.start on Neovim 0.8+, start_client +
-- buf_attach_client on 0.7), waits for the diagnostics, then does what a user does: puts the
-- cursor on the first one and runs vim.lsp.buf.code_action(), with vim.ui.select answered by
-- picking the first item (its titles are recorded); then edits the buffer (Neovim sends the edits
-- as incremental changes) and waits for the diagnostics to follow.  Writes what it saw as JSON to
-- $VL_OUT.
local file, out = os.getenv('VL_FILE'), os.getenv('VL_OUT')
local result = { errors = {}, actions = {} }

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local config = {
    name = 'viewleak',
    cmd = { os.getenv('VIEWLEAK'), 'server' },
    root_dir = vim.fn.fnamemodify(file, ':h'),
  }
  local id
  if vim.lsp.start then
    id = vim.lsp.start(config, { bufnr = buf })
  else
    id = vim.lsp.start_client(config)
    vim.lsp.buf_attach_client(buf, id)
  end
  if not vim.wait(10000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    table.insert(result.errors, 'no diagnostics within 10 s')
    return
  end
  result.offset_encoding = vim.lsp.get_client_by_id(id).offset_encoding
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
    })
  end
  local first = vim.diagnostic.get(buf)[1]
  vim.api.nvim_win_set_cursor(0, { first.lnum + 1, first.col })
  local before = vim.api.nvim_buf_get_changedtick(buf)
  vim.ui.select = function(items, opts, on_choice)
    for _, item in ipairs(items) do
      table.insert(result.actions, opts.format_item and opts.format_item(item) or tostring(item))
    end
    on_choice(items[1], 1)
  end
  vim.lsp.buf.code_action()
  if not vim.wait(10000, function() return vim.api.nvim_buf_get_changedtick(buf) ~= before end, 20) then
    table.insert(result.errors, 'the code action changed nothing within 10 s')
    return
  end
  result.fixed = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
  -- the edit reaches the server as an incremental change: the diagnostic goes away
  result.cleared = vim.wait(10000, function() return #vim.diagnostic.get(buf) == 0 end, 20)
  -- typing it back (the .copy() deleted, then a line inserted above): the leak is back, one line down
  local row = first.lnum
  local line = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1]
  local at = line:find('.copy()', 1, true)
  vim.api.nvim_buf_set_text(buf, row, at - 1, row, at - 1 + #'.copy()', { '' })
  vim.api.nvim_buf_set_lines(buf, 0, 0, false, { '# typed' })
  if vim.wait(10000, function() return #vim.diagnostic.get(buf) == 1 end, 20) then
    local d = vim.diagnostic.get(buf)[1]
    result.retyped = { lnum = d.lnum, col = d.col }
  end
  vim.lsp.stop_client(id)
end)
if not ok then table.insert(result.errors, tostring(err)) end
vim.fn.writefile({ vim.fn.json_encode(result) }, out)
vim.cmd('qall!')
